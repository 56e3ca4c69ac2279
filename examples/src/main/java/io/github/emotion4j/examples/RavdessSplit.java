package io.github.emotion4j.examples;

import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.dataset.LabelledClip;
import io.github.emotion4j.core.dataset.RavdessDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lays out a speaker-independent RAVDESS split as AFEW-style class folders of symbolic links, for {@code emotion4j
 * train} and {@code evaluate}: {@code OUT/Train/<class>/<file>}, {@code OUT/Val/...}, {@code OUT/Test/...}, each
 * holding the clips of the given actors (calm counts as Neutral), and the same as CSV manifests with the actor as
 * speaker ({@code OUT/Train.csv}, …: {@code path,label,speaker}; with them the SVM's grid search cross-validates by
 * speaker). Nothing is copied; an existing {@code OUT} is refused.
 *
 * <pre>
 * java -cp 'examples/target/emotion4j-cli.jar:examples/target/lib/*' io.github.emotion4j.examples.RavdessSplit \
 *     --data ../shared/datasets/ravdess-speech-16k --out /tmp/ravdess --train 1-8 --val 9-10 --test 11-12
 * </pre>
 */
@Command(name = "ravdess-split", mixinStandardHelpOptions = true,
        description = "Lay out Train/Val/Test AFEW class folders of symbolic links to RAVDESS files, split by actor.")
public final class RavdessSplit implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the RAVDESS folder (searched recursively)")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to create Train/, Val/ and Test/ (must not exist)")
    Path out;

    @Option(names = "--train", required = true, paramLabel = "A-B", description = "training actors, e.g. 1-8")
    String train;

    @Option(names = "--val", paramLabel = "A-B", description = "validation actors, e.g. 9-10")
    String validation;

    @Option(names = "--test", paramLabel = "A-B", description = "test actors, e.g. 11-12")
    String test;

    private final PrintWriter console;

    /** A split writing its summary to {@code console}. */
    public RavdessSplit(PrintWriter console) {
        this.console = console;
    }

    public static void main(String[] args) {
        PrintWriter console = new PrintWriter(System.out, true);
        System.exit(new CommandLine(new RavdessSplit(console)).execute(args));
    }

    @Override
    public Integer call() {
        try {
            write();
            return 0;
        } catch (IOException | EmotionException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("ravdess-split: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    private void write() throws IOException, EmotionException {
        if (Files.exists(out)) {
            throw new FileAlreadyExistsException(out.toString(), null, "refusing to write into an existing folder");
        }
        Map<String, List<String>> splits = new LinkedHashMap<>();
        splits.put("Train", actors(train));
        if (validation != null) {
            splits.put("Val", actors(validation));
        }
        if (test != null) {
            splits.put("Test", actors(test));
        }
        List<String> used = new ArrayList<>();
        for (List<String> actors : splits.values()) {
            for (String actor : actors) {
                if (used.contains(actor)) {
                    throw new IllegalArgumentException("actor " + actor + " is in two splits: the split would not be speaker-independent");
                }
                used.add(actor);
            }
        }
        Dataset all = RavdessDataset.read(data, RavdessDataset.Calm.AS_NEUTRAL);
        for (Map.Entry<String, List<String>> split : splits.entrySet()) {
            Dataset part = all.speakers(split.getKey(), split.getValue());
            StringBuilder manifest = new StringBuilder("path,label,speaker\n");
            for (LabelledClip clip : part.clips()) {
                Path folder = Files.createDirectories(out.resolve(split.getKey()).resolve(clip.label().afewName()));
                Files.createSymbolicLink(folder.resolve(clip.path().getFileName()), clip.path().toAbsolutePath());
                manifest.append('"').append(clip.path().toAbsolutePath()).append("\",").append(clip.label().afewName()).append(',')
                        .append(clip.speaker()).append('\n');
            }
            Files.writeString(out.resolve(split.getKey() + ".csv"), manifest);
            console.println(split.getKey() + ": actors " + split.getValue() + ", " + part.size() + " clips " + part.counts());
        }
        console.flush();
    }

    /** "1-8" → ["01", ..., "08"]; "3" → ["03"]. */
    static List<String> actors(String range) {
        String[] ends = range.split("-");
        try {
            int from = Integer.parseInt(ends[0].strip());
            int to = ends.length == 2 ? Integer.parseInt(ends[1].strip()) : from;
            if (ends.length > 2 || from < 1 || to < from || to > 99) {
                throw new NumberFormatException();
            }
            List<String> actors = new ArrayList<>();
            for (int a = from; a <= to; a++) {
                actors.add(String.format("%02d", a));
            }
            return actors;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an actor range like 1-8, got '" + range + "'");
        }
    }
}
