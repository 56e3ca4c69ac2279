package io.github.emotion4j.examples.cli;

import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.bundle.BranchEntry;
import io.github.emotion4j.core.bundle.BundleWriter;
import io.github.emotion4j.core.bundle.ModelBundle;
import io.github.emotion4j.core.dataset.AfewDataset;
import io.github.emotion4j.core.dataset.DatasetException;
import io.github.emotion4j.core.train.TrainingListener;
import io.github.emotion4j.vision.fer.Fer2013;
import io.github.emotion4j.vision.fer.FerSplit;
import io.github.emotion4j.vision.fer.LabelledImage;
import io.github.emotion4j.vision.vgg.AlignedFaceCropper;
import io.github.emotion4j.vision.vgg.Augmentation;
import io.github.emotion4j.vision.vgg.ClipFaceExtractor;
import io.github.emotion4j.vision.vgg.CnnLstm;
import io.github.emotion4j.vision.vgg.FaceBackbone;
import io.github.emotion4j.vision.vgg.FaceClip;
import io.github.emotion4j.vision.vgg.FaceCropDataset;
import io.github.emotion4j.vision.vgg.FaceCropper;
import io.github.emotion4j.vision.vgg.FaceInput;
import io.github.emotion4j.vision.vgg.FaceTrainer;
import io.github.emotion4j.vision.vgg.FaceVggLstmBranch;
import io.github.emotion4j.vision.vgg.SolverSettings;
import io.github.emotion4j.vision.vgg.StageSettings;
import io.github.emotion4j.vision.vgg.TrainingHistory;
import io.github.emotion4j.vision.vgg.Vgg16;
import io.github.emotion4j.vision.vgg.Vgg16Spec;
import io.github.emotion4j.vision.vgg.VggFaceWeights;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The paper's three-stage training of the face VGG-LSTM (Guo et al. 2017, section 2.1), for the command line:
 * stage 1 trains VGG-16 (from VGG-Face weights when given) on FER-2013, stage 2 fine-tunes it on the faces of
 * the training clips, stage 3 replaces the layers after fc6 by LSTM(128) + FC(7) and trains end to end on
 * windows of 16 faces. Writes the result as a {@code face-vgg-lstm} bundle: a CNN after stage 1 or 2 (which
 * {@code --from} can continue), a CNN-LSTM after stage 3.
 *
 * <p>Training clips are either videos in class folders ({@code <class>/<clip>}, faces found by the paper's
 * detection and alignment, extracted once into a cache folder) or face crops supplied with the data
 * ({@code <class>/<clip>/<images>}): the paper's second VGG-LSTM. Not thread-safe; one run per instance.
 */
final class FaceTraining {

    /** Every setting of a run; validated by {@link #validate()}. */
    static final class Settings {
        String stage = "all";
        Path vggFace;
        Path fer2013;
        Path train;
        Path validation;
        Path out;
        Path from;
        Path facesCache;
        String backbone = FaceBackbone.VGG16;
        int inputSize = 224;
        int channels = 3;
        double width = 1;
        int fcSize = 4096;
        boolean batchNorm;
        int[] epochs = {10, 10, 10};
        int[] batch = {32, 32, 4};
        SolverSettings solver = SolverSettings.defaults();
        Augmentation augmentation = Augmentation.DEFAULT;
        Boolean keepBest;
        Duration timeLimit = Duration.ZERO;
        /** Weight every training example by the inverse frequency of its class. */
        boolean balanced;
        int lstmUnits = CnnLstm.PAPER_LSTM_UNITS;
        int sequenceLength = CnnLstm.PAPER_SEQUENCE_LENGTH;
        String name = FaceVggLstmBranch.TYPE;
        String commandLine = "";

        boolean runs(int s) {
            return stage.equals("all") || stage.equals(Integer.toString(s));
        }

        void validate() {
            if (!List.of("1", "2", "3", "all").contains(stage)) {
                throw new IllegalArgumentException("--stage must be 1, 2, 3 or all, got '" + stage + "'");
            }
            boolean vgg = backbone.equals(FaceBackbone.VGG16);
            if (!vgg && !stage.equals("3")) {
                throw new IllegalArgumentException("--backbone " + backbone + " comes trained: use --stage 3 (stages 1 and 2 are for vgg16)");
            }
            if (runs(1) && fer2013 == null) {
                throw new IllegalArgumentException("stage 1 needs --fer2013 CSV|DIR");
            }
            if ((runs(2) || runs(3)) && train == null) {
                throw new IllegalArgumentException("stages 2 and 3 need --train DIR (clips in class folders)");
            }
            if (vggFace != null && (channels != 3 || batchNorm)) {
                throw new IllegalArgumentException("--vgg-face needs colour input without batch normalisation (--channels 3, no --batch-norm)");
            }
            if (from != null && (runs(1) || !vgg)) {
                throw new IllegalArgumentException("--from continues a VGG-16 bundle with --stage 2 or 3");
            }
            if (vgg && stage.matches("[23]") && from == null) {
                throw new IllegalArgumentException("--stage " + stage + " continues an earlier stage: give --from BUNDLE");
            }
            Objects.requireNonNull(out, "--out");
        }

        StageSettings stage(int s) {
            return new StageSettings(epochs[s - 1], batch[s - 1], augmentation, keepBest == null || keepBest, timeLimit, balanced);
        }
    }

    private final Settings settings;
    private final PrintWriter out;
    private final TrainingListener listener;
    private final Map<String, String> provenance = new LinkedHashMap<>();
    private final List<Path> temporaryFolders = new ArrayList<>();

    FaceTraining(Settings settings, PrintWriter out, TrainingListener listener) {
        this.settings = settings;
        this.out = out;
        this.listener = listener;
    }

    /** Runs the chosen stages and writes the bundle; returns its path. */
    Path run() throws EmotionException, IOException {
        settings.validate();
        if (Files.exists(settings.out)) {
            throw new IOException(settings.out + ": already exists; choose another --out (bundles are never overwritten)");
        }
        provenance.put("command", settings.commandLine);
        provenance.put("training.stages", settings.stage);
        provenance.put("training.solver", settings.solver.toString());
        provenance.put("training.class_weights", settings.balanced ? "balanced" : "none");
        ComputationGraph network;
        FaceInput input;
        FaceBackbone embedded = null;
        FaceVggLstmBranch.Kind kind = FaceVggLstmBranch.Kind.CNN;
        FaceVggLstmBranch.Faces faces = FaceVggLstmBranch.Faces.DETECTED;
        if (settings.from != null) {
            Resumed resumed = resume(settings.from);
            network = resumed.network;
            input = resumed.input;
        } else if (settings.backbone.equals(FaceBackbone.VGG16)) {
            Vgg16Spec spec = new Vgg16Spec(settings.inputSize, settings.channels, settings.width, settings.fcSize, settings.fcSize, 7,
                    settings.batchNorm);
            input = settings.vggFace != null ? FaceInput.vggFace(settings.inputSize) : FaceInput.centered(settings.inputSize, settings.channels);
            network = Vgg16.create(spec, settings.solver);
            provenance.put("network.vgg16", spec.toString());
            out.printf(Locale.ROOT, "VGG-16 %s: %,d parameters%n", spec, network.numParams());
            if (settings.vggFace != null) {
                List<String> layers = VggFaceWeights.importInto(network, spec, settings.vggFace);
                out.println("imported " + layers.size() + " layers from " + settings.vggFace);
                provenance.put("network.init", "VGG-Face weights from " + settings.vggFace.getFileName());
            }
        } else {
            network = null;
            input = null;
            embedded = FaceBackbone.embedded(settings.backbone);
            provenance.put("network.backbone", embedded.toString());
        }
        try {
            if (settings.runs(1)) {
                stage1(network, input);
            }
            List<FaceClip> train = List.of();
            List<FaceClip> validation = List.of();
            if (settings.runs(2) || settings.runs(3)) {
                FaceInput faceInput = input != null ? input : embedded.input();
                train = clips(settings.train, "train", faceInput.size());
                validation = settings.validation == null ? List.of() : clips(settings.validation, "val", faceInput.size());
                faces = supplied(settings.train) ? FaceVggLstmBranch.Faces.SUPPLIED : FaceVggLstmBranch.Faces.DETECTED;
                provenance.put("data.train", settings.train + " (" + train.size() + " clips, " + faces.name().toLowerCase(Locale.ROOT) + " faces)");
            }
            if (settings.runs(2)) {
                record("stage 2", FaceTrainer.trainClipFaces(network, input, train, validation, settings.stage(2),
                        settings.solver.seed(), "stage 2: clip faces", listener));
            }
            if (settings.runs(3)) {
                FaceBackbone backbone = network != null ? FaceBackbone.vgg16(network, input) : embedded;
                embedded = null;
                ComputationGraph temporal;
                try (backbone) {
                    temporal = backbone.cnnLstm(settings.lstmUnits, settings.solver);
                    input = backbone.input();
                }
                network = temporal;
                kind = FaceVggLstmBranch.Kind.CNN_LSTM;
                record("stage 3", FaceTrainer.trainSequences(network, input, train, validation, settings.sequenceLength,
                        settings.stage(3), settings.solver.seed(), "stage 3: " + backbone.name() + "-LSTM on windows of "
                        + settings.sequenceLength, listener));
            }
        } catch (RuntimeException | IOException | EmotionException e) {
            if (network != null) {
                network.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        } finally {
            temporaryFolders.forEach(FaceTraining::deleteQuietly);
        }
        FaceVggLstmBranch branch = FaceVggLstmBranch.builder(network, kind, input).name(settings.name).faces(faces)
                .sequenceLength(settings.sequenceLength).backbone(settings.backbone).cropper(FaceCropper.wholeFrame()).build();
        try (branch; BundleWriter writer = BundleWriter.create(settings.out)) {
            writer.provenance(provenance);
            writer.addBranch(branch, 1.0);
            writer.commit();
        }
        out.println("wrote " + settings.out);
        out.flush();
        return settings.out;
    }

    private void stage1(ComputationGraph network, FaceInput input) throws DatasetException {
        List<LabelledImage> train = Fer2013.read(settings.fer2013, FerSplit.TRAINING);
        List<LabelledImage> publicTest = List.of();
        try {
            publicTest = Fer2013.read(settings.fer2013, FerSplit.PUBLIC_TEST);
        } catch (DatasetException e) {
            out.println("no FER-2013 public test split (" + e.getMessage() + "): no validation in stage 1");
        }
        provenance.put("data.stage1", "FER-2013 " + settings.fer2013.getFileName() + ": " + train.size() + " training, "
                + publicTest.size() + " public-test faces");
        record("stage 1", FaceTrainer.trainImages(network, input, train, publicTest, settings.stage(1), settings.solver.seed(),
                "stage 1: FER-2013", listener));
    }

    private void record(String stage, TrainingHistory history) {
        out.println();
        out.println("## " + history.stage() + " (kept epoch " + history.keptEpoch() + ")");
        out.println();
        out.print(history.toMarkdown());
        history.validation().ifPresent(v -> {
            out.printf(Locale.ROOT, "%nvalidation: accuracy %.2f %%, UAR %.2f %%%n%n", 100 * v.accuracy(), 100 * v.unweightedAverageRecall());
            out.print(v.toMarkdown());
            provenance.put(stage.replace(' ', '.') + ".validation_accuracy", String.format(Locale.ROOT, "%.4f", v.accuracy()));
        });
        provenance.put(stage.replace(' ', '.') + ".epochs", Integer.toString(history.epochs().size()));
        provenance.put(stage.replace(' ', '.') + ".settings", settingsOf(stage));
        out.flush();
    }

    private String settingsOf(String stage) {
        return settings.stage(Integer.parseInt(stage.substring(stage.length() - 1))).toString();
    }

    /** Whether the clip folders hold face-crop folders ({@code <class>/<clip>/<images>}) rather than videos. */
    static boolean supplied(Path root) throws IOException {
        try (Stream<Path> classes = Files.list(root)) {
            for (Path classFolder : classes.filter(Files::isDirectory).toList()) {
                try (Stream<Path> entries = Files.list(classFolder)) {
                    if (entries.anyMatch(Files::isDirectory)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private List<FaceClip> clips(Path root, String split, int size) throws EmotionException, IOException {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, "no such clip folder");
        }
        if (supplied(root)) {
            return FaceCropDataset.clipsIn(root);
        }
        Path cache;
        if (settings.facesCache != null) {
            cache = settings.facesCache.resolve(split);
        } else {
            cache = Files.createTempDirectory("emotion4j-faces-" + split + "-");
            temporaryFolders.add(cache);
        }
        out.println("extracting aligned " + size + "x" + size + " faces of " + root + " into " + cache);
        try (AlignedFaceCropper cropper = AlignedFaceCropper.ofSize(size)) {
            return ClipFaceExtractor.extract(AfewDataset.readClassFolders(root, split), new FFmpegMediaDecoder(), cropper, cache,
                    "faces of " + split, listener);
        }
    }

    private record Resumed(ComputationGraph network, FaceInput input) {
    }

    private static Resumed resume(Path bundle) throws EmotionException {
        try (ModelBundle opened = ModelBundle.open(bundle)) {
            BranchEntry entry = opened.manifest().branches().stream().filter(b -> b.type().equals(FaceVggLstmBranch.TYPE))
                    .findFirst().orElseThrow(() -> new DatasetException(bundle, "holds no " + FaceVggLstmBranch.TYPE + " branch to continue"));
            try (FaceVggLstmBranch branch = new FaceVggLstmBranch.Factory(size -> FaceCropper.wholeFrame()).load(opened.branch(entry))) {
                if (branch.kind() != FaceVggLstmBranch.Kind.CNN) {
                    throw new DatasetException(bundle, "holds a finished CNN-LSTM; --from takes a stage-1 or stage-2 VGG-16 bundle");
                }
                return new Resumed(branch.network().clone(), branch.input());
            }
        }
    }

    /** Parses {@code N} or {@code A,B,C} into three per-stage values. */
    static int[] perStage(String value, String option) {
        String[] parts = value.split(",");
        if (parts.length != 1 && parts.length != 3) {
            throw new IllegalArgumentException(option + " takes one number or three (stages 1, 2, 3), got '" + value + "'");
        }
        int[] result = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                result[i] = Integer.parseInt(parts[parts.length == 1 ? 0 : i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": '" + value + "' is not a number or three numbers", e);
            }
            if (result[i] < 1) {
                throw new IllegalArgumentException(option + " values must be at least 1, got '" + value + "'");
            }
        }
        return result;
    }

    /** Deletes a temporary folder tree (best effort). */
    static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> all = new ArrayList<>(paths.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
