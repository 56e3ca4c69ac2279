package io.github.emotion4j.examples.cli;

import io.github.emotion4j.audio.model.AudioLstmTrainer;
import io.github.emotion4j.audio.model.AudioMapsTrainer;
import io.github.emotion4j.audio.model.AudioSvmTrainer;
import io.github.emotion4j.audio.model.BranchTrainer;
import io.github.emotion4j.audio.model.ClipFeatures;
import io.github.emotion4j.audio.model.InceptionV2;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.bundle.BundleWriter;
import io.github.emotion4j.core.bundle.SavableBranch;
import io.github.emotion4j.core.dataset.Dataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train --branch audio-svm|audio-lstm|audio-maps --train DIR|CSV [--val DIR|CSV] --out BUNDLE}: trains one
 * of the paper's audio models and writes it as a model bundle (never overwriting), printing a progress bar and
 * the validation accuracy after every epoch. Options a branch does not use are refused.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train an emotion model (the audio branches here; face-vgg-lstm hands over to train-face) and write it as a model bundle (refuses to overwrite).",
            "--train/--val: a folder of class folders (<class>/<file>, AFEW or FER-2013 names) or a CSV manifest "
                    + "(path,label[,speaker]). Defaults are the paper's settings; training on a CPU, smaller ones are "
                    + "usually wiser (for example --hidden 128, or --width 0.125 --blocks 1,0,0 --frozen-trunk).",
            "Tip: on a machine whose cores are busy, set OMP_NUM_THREADS=1 (ND4J's threads spin while waiting)."})
final class TrainCommand implements Callable<Integer> {

    enum Branch {
        AUDIO_SVM("audio-svm"), AUDIO_LSTM("audio-lstm"), AUDIO_MAPS("audio-maps");

        final String type;

        Branch(String type) {
            this.type = type;
        }

        static Branch parse(String value) {
            for (Branch b : values()) {
                if (b.type.equals(value)) {
                    return b;
                }
            }
            throw new CommandLine.TypeConversionException("unknown branch '" + value
                    + "': expected audio-svm, audio-lstm, audio-maps or face-vgg-lstm (see train-face --help)");
        }

        @Override
        public String toString() {
            return type;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--branch", required = true, paramLabel = "TYPE", converter = BranchConverter.class,
            description = "audio-svm (IS10 + SVM), audio-lstm (short-term features + LSTM), audio-maps (Inception-v2-LSTM on audio maps), "
                    + "or face-vgg-lstm (the face VGG-LSTM; its options are train-face's, see train-face --help)")
    Branch branch;

    @Option(names = "--train", required = true, paramLabel = "DIR|CSV", description = "training clips")
    Path train;

    @Option(names = "--val", paramLabel = "DIR|CSV", description = "validation clips: accuracy after every epoch; the networks keep their best epoch")
    Path validation;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "the bundle to write (a directory, or a .zip)")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "the branch's name in the bundle (default: its type)")
    String name;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default 42)")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "threads for feature extraction and the SVM grid search (default: all processors)")
    Integer threads;

    @Option(names = "--features", paramLabel = "SET", description = "audio-svm: is10 (default), is10-corrected or short-term-statistics")
    String features;

    @Option(names = "--folds", paramLabel = "K", description = "audio-svm: cross-validation folds (default 5)")
    Integer folds;

    @Option(names = "--log2c", paramLabel = "FROM:TO:STEP", description = "audio-svm: grid of log2 C (default -5:15:2)")
    String log2c;

    @Option(names = "--log2gamma", paramLabel = "FROM:TO:STEP", description = "audio-svm: grid of log2 gamma (default -15:3:2)")
    String log2gamma;

    @Option(names = "--balanced", description = "audio-svm: weight classes by inverse frequency (unbalanced data)")
    boolean balanced;

    @Option(names = "--epochs", paramLabel = "N", description = "audio-lstm: passes over the training clips (default 30)")
    Integer epochs;

    @Option(names = "--hidden", paramLabel = "N", description = "audio-lstm: LSTM units (default 512, the paper)")
    Integer hidden;

    @Option(names = "--dropout", paramLabel = "P", description = "audio-lstm, audio-maps: dropout before the softmax (default 0 and 0.2)")
    Double dropout;

    @Option(names = "--l2", paramLabel = "X", description = "audio-lstm: L2 weight decay (default 1e-4)")
    Double l2;

    @Option(names = "--batch", paramLabel = "N", description = "audio-lstm, audio-maps: batch size (default 16)")
    Integer batch;

    @Option(names = "--lr", paramLabel = "X", description = "audio-lstm, audio-maps: learning rate (default 0.001)")
    Double learningRate;

    @Option(names = "--lr-drop-every", paramLabel = "N", description = "audio-maps: iterations between learning-rate drops by 10x (default 3000)")
    Integer learningRateDropEvery;

    @Option(names = "--weight-decay", paramLabel = "X", description = "audio-maps: L2 weight decay (default 0.002)")
    Double weightDecay;

    @Option(names = "--iterations", paramLabel = "MAPS,SEQUENCES", description = "audio-maps: iterations of stage 1 and 2 (default 10000,10000)")
    String iterations;

    @Option(names = "--width", paramLabel = "X", description = "audio-maps: Inception-v2 width multiplier (default 1)")
    Double width;

    @Option(names = "--blocks", paramLabel = "A,B,C", description = "audio-maps: Inception modules per grid size (default 3,4,2)")
    String blocks;

    @Option(names = "--lstm", paramLabel = "N", description = "audio-maps: LSTM units of stage 2 (default 128)")
    Integer lstm;

    @Option(names = "--frozen-trunk", description = "audio-maps: train only the LSTM and softmax in stage 2 (much faster on a CPU)")
    boolean frozenTrunk;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(out())) {
            err.println("emotion4j train: " + out() + " exists; refusing to overwrite it");
            return Emotion4jCommand.FAILED_INPUT;
        }
        BranchTrainer<? extends SavableBranch> trainer;
        try {
            trainer = trainer();
        } catch (IllegalArgumentException e) {
            err.println("emotion4j train: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        long start = System.nanoTime();
        try {
            Dataset trainData = EvaluateCommand.readData(train, null);
            Dataset validationData = validation == null ? null : EvaluateCommand.readData(validation, null);
            out.println("training " + branch + " on " + trainData);
            if (validationData != null) {
                out.println("validating on " + validationData);
            }
            out.flush();
            try (SavableBranch trained = trainer.train(trainData, validationData, new ProgressBar(out))) {
                double seconds = (System.nanoTime() - start) / 1e9;
                Path written = save(trained, trainData, validationData, trainer, seconds);
                out.println(String.format(Locale.ROOT, "wrote %s (%s, trained in %.1f s)", written, trained, seconds));
                out.flush();
            }
            return 0;
        } catch (EmotionException | IOException e) {
            err.println("emotion4j train: " + e.getMessage());
            return Emotion4jCommand.FAILED_INPUT;
        }
    }

    private Path out() {
        return out.toAbsolutePath().normalize();
    }

    private Path save(SavableBranch trained, Dataset trainData, Dataset validationData, BranchTrainer<?> trainer, double seconds)
            throws IOException {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("command", "emotion4j " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        provenance.put("training_data", trainData.toString());
        if (validationData != null) {
            provenance.put("validation_data", validationData.toString());
        }
        provenance.put("trainer", trainer.toString());
        provenance.put("training_seconds", String.format(Locale.ROOT, "%.1f", seconds));
        try (BundleWriter writer = BundleWriter.create(out())) {
            writer.provenance(provenance);
            writer.addBranch(trained, 1.0);
            return writer.commit();
        }
    }

    /** The trainer the options describe; refuses options of other branches. */
    BranchTrainer<? extends SavableBranch> trainer() {
        List<String> misplaced = new ArrayList<>();
        switch (branch) {
            case AUDIO_SVM -> {
                unused(misplaced, "--epochs", epochs, "--hidden", hidden, "--dropout", dropout, "--l2", l2, "--batch", batch, "--lr",
                        learningRate, "--lr-drop-every", learningRateDropEvery, "--weight-decay", weightDecay, "--iterations", iterations,
                        "--width", width, "--blocks", blocks, "--lstm", lstm, "--frozen-trunk", frozenTrunk ? true : null);
                refuse(misplaced);
                AudioSvmTrainer.Options o = AudioSvmTrainer.Options.defaults().withBalancedClassWeights(balanced);
                o = name == null ? o : o.withName(name);
                o = seed == null ? o : o.withSeed(seed);
                o = threads == null ? o : o.withThreads(threads);
                o = features == null ? o : o.withFeatures(ClipFeatures.forId(features));
                o = folds == null ? o : o.withFolds(folds);
                o = o.withGrid(log2c == null ? o.log2C() : range("--log2c", log2c), log2gamma == null ? o.log2Gamma() : range("--log2gamma", log2gamma));
                return new AudioSvmTrainer(o);
            }
            case AUDIO_LSTM -> {
                unused(misplaced, "--features", features, "--folds", folds, "--log2c", log2c, "--log2gamma", log2gamma,
                        "--balanced", balanced ? true : null, "--lr-drop-every", learningRateDropEvery, "--weight-decay", weightDecay,
                        "--iterations", iterations, "--width", width, "--blocks", blocks, "--lstm", lstm,
                        "--frozen-trunk", frozenTrunk ? true : null);
                refuse(misplaced);
                AudioLstmTrainer.Options o = AudioLstmTrainer.Options.defaults();
                o = name == null ? o : o.withName(name);
                o = seed == null ? o : o.withSeed(seed);
                o = threads == null ? o : o.withThreads(threads);
                o = epochs == null ? o : o.withEpochs(epochs);
                o = hidden == null ? o : o.withHiddenSize(hidden);
                o = dropout == null ? o : o.withDropout(dropout);
                o = l2 == null ? o : o.withL2(l2);
                o = batch == null ? o : o.withBatchSize(batch);
                o = learningRate == null ? o : o.withLearningRate(learningRate);
                return new AudioLstmTrainer(o);
            }
            default -> {
                unused(misplaced, "--features", features, "--folds", folds, "--log2c", log2c, "--log2gamma", log2gamma,
                        "--balanced", balanced ? true : null, "--epochs", epochs, "--hidden", hidden, "--l2", l2);
                refuse(misplaced);
                AudioMapsTrainer.Options o = AudioMapsTrainer.Options.defaults().withFineTuneTrunk(!frozenTrunk);
                o = name == null ? o : o.withName(name);
                o = seed == null ? o : o.withSeed(seed);
                o = threads == null ? o : o.withThreads(threads);
                InceptionV2.Architecture a = o.architecture();
                a = width == null ? a : a.withWidth(width);
                if (blocks != null) {
                    int[] b = integers("--blocks", blocks, 3);
                    a = a.withBlocks(b[0], b[1], b[2]);
                }
                a = dropout == null ? a : a.withDropout(dropout);
                o = o.withArchitecture(a);
                o = lstm == null ? o : o.withLstmSize(lstm);
                o = batch == null ? o : o.withBatchSize(batch);
                o = weightDecay == null ? o : o.withWeightDecay(weightDecay);
                o = o.withLearningRate(learningRate == null ? o.learningRate() : learningRate,
                        learningRateDropEvery == null ? o.learningRateDropEvery() : learningRateDropEvery, o.learningRateDropFactor());
                if (iterations != null) {
                    int[] i = integers("--iterations", iterations, 2);
                    o = o.withIterations(i[0], i[1]);
                }
                return new AudioMapsTrainer(o);
            }
        }
    }

    private static void unused(List<String> misplaced, Object... optionAndValue) {
        for (int i = 0; i < optionAndValue.length; i += 2) {
            if (optionAndValue[i + 1] != null) {
                misplaced.add((String) optionAndValue[i]);
            }
        }
    }

    private void refuse(List<String> misplaced) {
        if (!misplaced.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", misplaced) + (misplaced.size() == 1 ? " does" : " do")
                    + " not apply to --branch " + branch);
        }
    }

    private static List<Double> range(String option, String value) {
        String[] parts = value.split(":");
        try {
            if (parts.length == 1) {
                return List.of(Double.parseDouble(parts[0]));
            }
            if (parts.length == 3) {
                return AudioSvmTrainer.Options.range(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " expects FROM:TO:STEP or a single value, got '" + value + "'");
    }

    private static int[] integers(String option, String value, int count) {
        String[] parts = value.split(",");
        if (parts.length != count) {
            throw new IllegalArgumentException(option + " expects " + count + " comma-separated integers, got '" + value + "'");
        }
        int[] out = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                out[i] = Integer.parseInt(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects " + count + " comma-separated integers, got '" + value + "'", e);
        }
        return out;
    }

    /** Reads {@code --branch} values as the bundle types name them. */
    static final class BranchConverter implements CommandLine.ITypeConverter<Branch> {
        @Override
        public Branch convert(String value) {
            return Branch.parse(value);
        }
    }
}
