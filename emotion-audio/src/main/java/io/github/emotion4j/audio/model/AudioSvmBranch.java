package io.github.emotion4j.audio.model;

import io.github.emotion4j.audio.features.AudioTooShortException;
import io.github.emotion4j.core.AudioTrack;
import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.ModelFormatException;
import io.github.emotion4j.core.bundle.BranchFactory;
import io.github.emotion4j.core.bundle.BranchSource;
import io.github.emotion4j.core.bundle.SavableBranch;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_parameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper's acoustic SVM (section 2.2): a clip-level feature vector ({@link ClipFeatures}, the 1582 IS10
 * functionals in the paper), z-scored with training-set statistics, classified by a LIBSVM C-SVC with an RBF
 * kernel; the scores are LIBSVM's probability estimates (pairwise coupling of Platt-scaled decision values).
 * Emotions absent from the training data get probability 0. Build one with {@link AudioSvmTrainer}.
 *
 * <p>Abstains on clips without audio and on audio too short for the features. Bundle files:
 * {@code svm-model.txt} (LIBSVM's own text format, readable by {@code svm-predict}; class labels are
 * {@link Emotion#ordinal()}s, feature indices 1..n the standardised features in {@link ClipFeatures#names()}
 * order) and {@code feature-statistics.json} ({@link Standardizer}).
 *
 * <p>Immutable and thread-safe (LIBSVM's prediction only reads the model); holds no native resources.
 */
public final class AudioSvmBranch implements SavableBranch {

    /** The bundle type of this branch. */
    public static final String TYPE = "audio-svm";
    static final String MODEL_FILE = "svm-model.txt";
    static final String STATISTICS_FILE = "feature-statistics.json";

    private static final Logger LOG = LoggerFactory.getLogger(AudioSvmBranch.class);

    private final String name;
    private final ClipFeatures features;
    private final Standardizer standardizer;
    private final svm_model model;
    private final Map<String, String> properties;

    AudioSvmBranch(String name, ClipFeatures features, Standardizer standardizer, svm_model model, Map<String, String> settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.features = features;
        this.standardizer = standardizer;
        this.model = model;
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("features", features.id());
        all.put("feature_count", Integer.toString(features.names().size()));
        this.properties = Map.copyOf(all);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MediaRequest mediaRequest() {
        return MediaRequest.audio();
    }

    /** The clip-level features this SVM reads. */
    public ClipFeatures features() {
        return features;
    }

    /** The SVM's cost parameter C, as recorded when it was trained (NaN when a bundle does not say). */
    public double c() {
        String value = properties.get("c");
        try {
            return value == null ? Double.NaN : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The RBF kernel's gamma. */
    public double gamma() {
        return model.param.gamma;
    }

    @Override
    public BranchResult predict(MediaClip clip) {
        Optional<AudioTrack> audio = clip.audio();
        if (audio.isEmpty()) {
            return BranchResult.abstain("no audio track");
        }
        double[] x;
        try {
            x = features.extract(audio.get().samples(), audio.get().sampleRate());
        } catch (AudioTooShortException e) {
            LOG.debug("{} abstains on {}: {}", name, clip.source(), e.getMessage());
            return BranchResult.abstain("audio too short: " + e.getMessage());
        }
        return BranchResult.of(scores(x));
    }

    /**
     * The scores of one raw (not yet standardised) feature vector.
     *
     * @param rawFeatures {@link ClipFeatures#extract} output; borrowed
     */
    public EmotionScores scores(double[] rawFeatures) {
        double[] standardised = standardizer.apply(rawFeatures);
        int classes = svm.svm_get_nr_class(model);
        int[] labels = new int[classes];
        svm.svm_get_labels(model, labels);
        double[] estimates = new double[classes];
        svm.svm_predict_probability(model, Libsvm.nodes(standardised), estimates);
        double[] probabilities = new double[Emotion.COUNT];
        for (int i = 0; i < classes; i++) {
            probabilities[labels[i]] = estimates[i];
        }
        return EmotionScores.of(probabilities);
    }

    /** LIBSVM's decision (the vote of its one-against-one classifiers) for a raw feature vector; borrowed. */
    Emotion predictedLabel(double[] rawFeatures) {
        return Emotion.values()[(int) Libsvm.predict(model, Libsvm.nodes(standardizer.apply(rawFeatures)))];
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public void save(Path directory) throws IOException {
        svm.svm_save_model(directory.resolve(MODEL_FILE).toString(), model);
        standardizer.write(directory.resolve(STATISTICS_FILE));
    }

    @Override
    public String toString() {
        return "AudioSvmBranch[" + name + ", " + features.id() + ", C=" + c() + ", gamma=" + gamma() + ", "
                + svm.svm_get_nr_sv(model) + " support vectors]";
    }

    /** Loads an {@link AudioSvmBranch} from a bundle; registered in {@code META-INF/services}. Stateless. */
    public static final class Factory implements BranchFactory {

        private static final java.util.Set<String> HEADER_KEYWORDS = java.util.Set.of("svm_type", "kernel_type", "degree", "gamma",
                "coef0", "nr_class", "total_sv", "rho", "label", "probA", "probB", "prob_density_marks", "nr_sv");

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public AudioSvmBranch load(BranchSource source) throws ModelFormatException {
            String featureId = source.requireProperty("features");
            ClipFeatures features;
            try {
                features = ClipFeatures.forId(featureId);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(source.bundle(), "branch '" + source.entry().name() + "': " + e.getMessage(), e);
            }
            Standardizer standardizer = Standardizer.read(source.file(STATISTICS_FILE), features.names());
            Path modelFile = source.file(MODEL_FILE);
            checkHeader(modelFile);
            svm_model model;
            try (BufferedReader reader = Files.newBufferedReader(modelFile, StandardCharsets.US_ASCII)) {
                model = svm.svm_load_model(reader);
            } catch (IOException | RuntimeException e) {
                throw new ModelFormatException(modelFile, "not a readable LIBSVM model: " + e.getMessage(), e);
            }
            if (model == null) {
                throw new ModelFormatException(modelFile, "not a LIBSVM model (LIBSVM could not parse its header)");
            }
            check(modelFile, model, features.names().size());
            Map<String, String> settings = new LinkedHashMap<>(source.properties());
            settings.remove("features");
            settings.remove("feature_count");
            return new AudioSvmBranch(source.entry().name(), features, standardizer, model, settings);
        }

        /**
         * Checks the header's keywords before LIBSVM reads the file: LIBSVM reports an unknown one on standard error
         * and returns null.
         */
        private static void checkHeader(Path file) throws ModelFormatException {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                int lineNumber = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lineNumber++;
                    String keyword = line.strip().split("\\s+", 2)[0];
                    if (keyword.equals("SV")) {
                        return;
                    }
                    if (!HEADER_KEYWORDS.contains(keyword)) {
                        throw new ModelFormatException(file, "not a LIBSVM model: line " + lineNumber + " starts with '"
                                + (keyword.length() > 40 ? keyword.substring(0, 40) + "…" : keyword) + "'");
                    }
                }
                throw new ModelFormatException(file, "not a LIBSVM model: no SV section");
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new ModelFormatException(file, "not a readable LIBSVM model (" + e.getMessage() + ")", e);
            }
        }

        private static void check(Path file, svm_model model, int featureCount) throws ModelFormatException {
            if (model.param.svm_type != svm_parameter.C_SVC) {
                throw new ModelFormatException(file, "expected a C-SVC model, got svm_type " + model.param.svm_type);
            }
            if (svm.svm_check_probability_model(model) == 0) {
                throw new ModelFormatException(file, "the model has no probability estimates (train it with -b 1)");
            }
            int[] labels = new int[svm.svm_get_nr_class(model)];
            svm.svm_get_labels(model, labels);
            for (int label : labels) {
                if (label < 0 || label >= Emotion.COUNT) {
                    throw new ModelFormatException(file, "class label " + label + " is not an emotion index 0.." + (Emotion.COUNT - 1));
                }
            }
            for (var vector : model.SV) {
                for (var node : vector) {
                    if (node.index < 1 || node.index > featureCount) {
                        throw new ModelFormatException(file, "feature index " + node.index + " outside 1.." + featureCount);
                    }
                }
            }
        }
    }
}
