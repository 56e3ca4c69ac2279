package io.github.emotion4j.examples.cli;

import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.train.TrainingListener;
import io.github.emotion4j.examples.Dl4jCpu;
import io.github.emotion4j.vision.vgg.Augmentation;
import io.github.emotion4j.vision.vgg.FaceBackbone;
import io.github.emotion4j.vision.vgg.FaceVggLstmBranch;
import io.github.emotion4j.vision.vgg.SolverSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train-face --branch face-vgg-lstm [--stage 1|2|3|all] [--vgg-face FILE.h5] [--fer2013 CSV|DIR] --train DIR
 * [--val DIR] --out BUNDLE}: the paper's three-stage training of the face VGG-LSTM ({@link FaceTraining}) with a
 * progress bar and per-epoch validation accuracy.
 */
@Command(name = "train-face", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the paper's face VGG-LSTM in three stages and write it as a model bundle (never overwriting).",
            "Stage 1: VGG-16 (from VGG-Face weights with --vgg-face) on FER-2013 (--fer2013, its public test as validation); "
                    + "stage 2: fine-tuning on the faces of the --train clips; stage 3: LSTM(128) + FC(7) after fc6, trained end "
                    + "to end on windows of 16 faces. --stage 1 or 2 writes a VGG-16 bundle that --from continues.",
            "--train/--val: videos in class folders (<class>/<clip>; faces detected and aligned) or face crops supplied with "
                    + "the data (<class>/<clip>/<images>; the paper's second VGG-LSTM).",
            "The defaults are the paper's full VGG-16 (a GPU job); on a CPU use a small one, for example "
                    + "--input-size 48 --channels 1 --width 0.25 --fc 256 --batch-norm --optimizer adam --lr 0.001, "
                    + "or --backbone mini-xception --stage 3. Set OMP_NUM_THREADS=1 on a busy machine."})
final class TrainFaceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--branch", paramLabel = "TYPE", defaultValue = FaceVggLstmBranch.TYPE,
            description = "the branch type to train: " + FaceVggLstmBranch.TYPE + " (the only one)")
    String branch;

    @Option(names = "--stage", paramLabel = "1|2|3|all", defaultValue = "all", description = "which stages to run (default all)")
    String stage;

    @Option(names = "--vgg-face", paramLabel = "FILE.h5", description = "Keras VGG-Face weights to start VGG-16 from (none are downloaded)")
    Path vggFace;

    @Option(names = "--fer2013", paramLabel = "CSV|DIR", description = "FER-2013 for stage 1: fer2013.csv or a folder of train/publictest/<class>/ images")
    Path fer2013;

    @Option(names = "--train", paramLabel = "DIR", description = "training clips for stages 2 and 3")
    Path train;

    @Option(names = "--val", paramLabel = "DIR", description = "validation clips: accuracy after every epoch")
    Path validation;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "the bundle to write (a directory, or a .zip)")
    Path out;

    @Option(names = "--from", paramLabel = "BUNDLE", description = "continue a VGG-16 bundle written by --stage 1 or 2")
    Path from;

    @Option(names = "--faces-cache", paramLabel = "DIR", description = "keep the faces extracted from videos here (default: a temporary folder)")
    Path facesCache;

    @Option(names = "--backbone", paramLabel = "NAME", defaultValue = FaceBackbone.VGG16,
            description = "CNN of the CNN-LSTM: vgg16 (default), faceapi-expression or mini-xception (embedded, trained; --stage 3 only)")
    String backbone;

    @Option(names = "--input-size", paramLabel = "PIXELS", defaultValue = "224", description = "VGG-16 input side (default 224)")
    int inputSize;

    @Option(names = "--channels", paramLabel = "1|3", defaultValue = "3", description = "VGG-16 input channels (default 3)")
    int channels;

    @Option(names = "--width", paramLabel = "X", defaultValue = "1", description = "VGG-16 convolution width multiplier (default 1)")
    double width;

    @Option(names = "--fc", paramLabel = "UNITS", defaultValue = "4096", description = "units of fc6 and fc7 (default 4096)")
    int fc;

    @Option(names = "--batch-norm", description = "batch normalisation after each convolution (not the paper's; helps from scratch)")
    boolean batchNorm;

    @Option(names = "--epochs", paramLabel = "N|A,B,C", defaultValue = "10", description = "epochs per stage (default 10)")
    String epochs;

    @Option(names = "--batch", paramLabel = "N|A,B,C", defaultValue = "32,32,4", description = "faces (stages 1, 2) and sequences (stage 3) per batch (default 32,32,4)")
    String batch;

    @Option(names = "--optimizer", paramLabel = "sgd|adam", defaultValue = "sgd", description = "sgd (Nesterov momentum 0.9, default) or adam")
    String optimizer;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.001", description = "base learning rate (default 0.001)")
    double learningRate;

    @Option(names = "--new-layer-factor", paramLabel = "X", defaultValue = "10", description = "learning-rate factor of new layers (default 10, the paper)")
    double newLayerFactor;

    @Option(names = "--weight-decay", paramLabel = "X", defaultValue = "0.0005", description = "weight decay (default 0.0005)")
    double weightDecay;

    @Option(names = "--lr-decay", paramLabel = "EPOCHS:FACTOR", description = "multiply the learning rate by FACTOR every EPOCHS epochs")
    String lrDecay;

    @Option(names = "--augment", paramLabel = "full|geometric|none", defaultValue = "full",
            description = "training-face changes: full (crops, flips, brightness, contrast; default), geometric (crops, flips) or none")
    String augment;

    @Option(names = "--keep-best", negatable = true, description = "end each stage with its best validation epoch (default: yes when there is validation data)")
    Boolean keepBest;

    @Option(names = "--time-limit", paramLabel = "MINUTES", description = "start no epoch that would end a stage after this many minutes")
    Double timeLimit;

    @Option(names = "--balanced", description = "weight each face's loss by the inverse frequency of its class, so that rare classes count (FER-2013: DISGUST is 1.5 %)")
    boolean balanced;

    @Option(names = "--lstm", paramLabel = "UNITS", defaultValue = "128", description = "LSTM units of stage 3 (default 128)")
    int lstm;

    @Option(names = "--sequence", paramLabel = "FACES", defaultValue = "16", description = "faces per window in stage 3 (default 16)")
    int sequence;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "random seed (default 42)")
    long seed;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = FaceVggLstmBranch.TYPE, description = "the branch's name in the bundle")
    String name;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FaceTraining.Settings s = new FaceTraining.Settings();
        try {
            if (!branch.equals(FaceVggLstmBranch.TYPE)) {
                throw new IllegalArgumentException("--branch must be " + FaceVggLstmBranch.TYPE + ", got '" + branch + "'");
            }
            s.stage = stage.toLowerCase(Locale.ROOT);
            s.vggFace = vggFace;
            s.fer2013 = fer2013;
            s.train = train;
            s.validation = validation;
            s.out = out(this.out);
            s.from = from;
            s.facesCache = facesCache;
            s.backbone = backbone.toLowerCase(Locale.ROOT);
            s.inputSize = inputSize;
            s.channels = channels;
            s.width = width;
            s.fcSize = fc;
            s.batchNorm = batchNorm;
            s.epochs = FaceTraining.perStage(epochs, "--epochs");
            s.batch = FaceTraining.perStage(batch, "--batch");
            SolverSettings.Optimizer rule = switch (optimizer.toLowerCase(Locale.ROOT)) {
                case "sgd" -> SolverSettings.Optimizer.SGD_MOMENTUM;
                case "adam" -> SolverSettings.Optimizer.ADAM;
                default -> throw new IllegalArgumentException("--optimizer must be sgd or adam, got '" + optimizer + "'");
            };
            int decayEvery = 0;
            double decayFactor = 0.1;
            if (lrDecay != null) {
                String[] parts = lrDecay.split(":");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--lr-decay takes EPOCHS:FACTOR, got '" + lrDecay + "'");
                }
                decayEvery = Integer.parseInt(parts[0].strip());
                decayFactor = Double.parseDouble(parts[1].strip());
            }
            s.solver = new SolverSettings(rule, learningRate, 0.9, weightDecay, newLayerFactor, decayEvery, decayFactor, seed);
            s.augmentation = switch (augment.toLowerCase(Locale.ROOT)) {
                case "full" -> Augmentation.DEFAULT;
                case "geometric" -> Augmentation.GEOMETRIC;
                case "none" -> Augmentation.NONE;
                default -> throw new IllegalArgumentException("--augment must be full, geometric or none, got '" + augment + "'");
            };
            s.keepBest = keepBest;
            s.balanced = balanced;
            s.timeLimit = timeLimit == null ? Duration.ZERO : Duration.ofMillis(Math.round(timeLimit * 60_000));
            s.lstmUnits = lstm;
            s.sequenceLength = sequence;
            s.name = name;
            s.commandLine = "emotion4j " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            s.validate();
        } catch (IllegalArgumentException e) {
            err.println("emotion4j train-face: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        Dl4jCpu.configure();
        TrainingListener progress = quiet ? TrainingListener.NONE : new ProgressBar(err);
        try {
            new FaceTraining(s, out, progress).run();
            return 0;
        } catch (EmotionException | IOException | RuntimeException e) {
            err.println("emotion4j train-face: " + e.getMessage());
            return Emotion4jCommand.FAILED_INPUT;
        }
    }

    private static Path out(Path value) {
        if (value == null) {
            throw new IllegalArgumentException("--out is required");
        }
        return value;
    }
}
