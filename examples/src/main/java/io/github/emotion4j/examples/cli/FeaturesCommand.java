package io.github.emotion4j.examples.cli;

import io.github.emotion4j.audio.features.FeatureMatrix;
import io.github.emotion4j.audio.features.Is10Extractor;
import io.github.emotion4j.audio.features.ShortTermFeatures;
import io.github.emotion4j.core.AudioTrack;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.MediaDecodeException;
import io.github.emotion4j.core.MediaRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code features --set is10|pyaa ...}: acoustic features of media files as CSV (or ARFF), for use with other
 * tools. Audio is decoded and resampled to 16 kHz mono as everywhere in emotion4j.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Extract acoustic features as CSV (or ARFF).",
            "is10: openSMILE IS10 paralinguistic functionals, one row per input: name,<1582 names>.",
            "pyaa: pyAudioAnalysis short-term features, one row per frame: frame_start_s,<names>; "
                    + "one input per call, or several with --out-dir (one file per input)."})
final class FeaturesCommand implements Callable<Integer> {

    enum FeatureSet { is10, pyaa }

    enum Format { csv, arff }

    @Spec
    CommandSpec spec;

    @Option(names = "--set", required = true, paramLabel = "is10|pyaa", description = "feature set")
    FeatureSet set;

    @Option(names = "--deltas", description = "pyaa: add the 34 delta columns")
    boolean deltas;

    @Option(names = "--corrected", description = "is10: the intended definitions instead of openSMILE 3.0.1's behaviour")
    boolean corrected;

    @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "0.100", description = "pyaa window (default ${DEFAULT-VALUE})")
    double window;

    @Option(names = "--step", paramLabel = "SECONDS", defaultValue = "0.050", description = "pyaa step (default ${DEFAULT-VALUE})")
    double step;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|arff", description = "output format (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output (never overwrites)")
    Path out;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "pyaa: one file per input, NAME.pyaa.csv|arff")
    Path outDir;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "audio or video files")
    List<Path> inputs;


    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (set == FeatureSet.pyaa && inputs.size() > 1 && outDir == null) {
            err.println("emotion4j features: pyaa writes one table per input; give one input, or --out-dir for several");
            return picocli.CommandLine.ExitCode.USAGE;
        }
        if (out != null && Files.exists(out)) {
            throw new FileAlreadyExistsException(out.toString(), null, "refusing to overwrite");
        }
        return set == FeatureSet.is10 ? is10(err) : pyaa(err);
    }

    private int pyaa(PrintWriter err) throws IOException {
        ShortTermFeatures extractor = ShortTermFeatures.builder().windowSeconds(window).stepSeconds(step).deltas(deltas).build();
        int failed = 0;
        for (Path input : inputs) {
            try {
                FeatureMatrix features = extractor.extract(decodeAudio(input), FFmpegMediaDecoder.SAMPLE_RATE);
                if (outDir != null) {
                    Files.createDirectories(outDir);
                    Path file = outDir.resolve(stem(input) + ".pyaa." + format);
                    if (Files.exists(file)) {
                        throw new FileAlreadyExistsException(file.toString(), null, "refusing to overwrite");
                    }
                    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        writeFrames(writer, stem(input), features);
                    }
                } else {
                    try (Writer writer = output()) {
                        writeFrames(writer, stem(input), features);
                    }
                }
            } catch (EmotionException | IllegalArgumentException e) {
                failed++;
                err.println("emotion4j features: " + message(input, e));
            }
        }
        return failed == 0 ? 0 : Emotion4jCommand.FAILED_INPUT;
    }

    private int is10(PrintWriter err) throws IOException {
        Is10Extractor extractor = new Is10Extractor(corrected ? Is10Extractor.Mode.CORRECTED : Is10Extractor.Mode.OPENSMILE_3_0_1);
        List<String> names = Is10Extractor.featureNames();
        List<String> rowNames = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        int failed = 0;
        for (Path input : inputs) {
            try {
                rows.add(extractor.extract(decodeAudio(input), FFmpegMediaDecoder.SAMPLE_RATE));
                rowNames.add(stem(input));
            } catch (EmotionException | IllegalArgumentException e) {
                failed++;
                err.println("emotion4j features: " + message(input, e));
            }
        }
        try (Writer writer = output()) {
            if (format == Format.arff) {
                writeArffHeader(writer, "IS10_paraling", names, false);
            } else {
                writer.write("name," + String.join(",", names) + "\n");
            }
            for (int i = 0; i < rows.size(); i++) {
                writer.write(format == Format.arff ? quote(rowNames.get(i)) : rowNames.get(i));
                for (double v : rows.get(i)) {
                    writer.write(',');
                    writer.write(number(v));
                }
                writer.write('\n');
            }
        }
        return failed == 0 ? 0 : Emotion4jCommand.FAILED_INPUT;
    }

    private void writeFrames(Writer writer, String name, FeatureMatrix features) throws IOException {
        if (format == Format.arff) {
            writeArffHeader(writer, "pyAudioAnalysis " + name, features.names(), true);
            for (int t = 0; t < features.frameCount(); t++) {
                writer.write(quote(name));
                writer.write(',');
                writer.write(number(features.frameStartSeconds(t)));
                for (double v : features.row(t)) {
                    writer.write(',');
                    writer.write(number(v));
                }
                writer.write('\n');
            }
        } else {
            features.toCsv(writer);
        }
    }

    /** ARFF as openSMILE writes it: a string attribute for the instance name, then numeric attributes. */
    private static void writeArffHeader(Writer writer, String relation, List<String> names, boolean frameTime) throws IOException {
        writer.write("@relation " + quote(relation) + "\n\n@attribute name string\n");
        if (frameTime) {
            writer.write("@attribute frame_start_s numeric\n");
        }
        for (String n : names) {
            writer.write("@attribute " + quote(n) + " numeric\n");
        }
        writer.write("\n@data\n\n");
    }

    private Writer output() throws IOException {
        if (out == null) {
            return new java.io.FilterWriter(spec.commandLine().getOut()) {
                @Override
                public void close() {
                    spec.commandLine().getOut().flush();
                }
            };
        }
        if (Files.exists(out)) {
            throw new FileAlreadyExistsException(out.toString(), null, "refusing to overwrite");
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    private float[] decodeAudio(Path input) throws EmotionException {
        AudioTrack audio = new FFmpegMediaDecoder().decode(input, MediaRequest.audio()).audio()
                .orElseThrow(() -> new MediaDecodeException(input, "has no audio track"));
        return audio.samples();
    }

    private static String message(Path input, Exception e) {
        return e instanceof EmotionException ? e.getMessage() : input + ": " + e.getMessage();
    }

    private static String stem(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "\\'") + "'";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }
}
