package io.github.emotion4j.audio.model;

import io.github.emotion4j.audio.features.ShortTermFeatures;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.ModelFormatException;
import io.github.emotion4j.core.bundle.BranchFactory;
import io.github.emotion4j.core.bundle.BranchSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The paper's audio LSTM (section 2.3): the 34 short-term features every 50 ms (100 ms windows), z-scored with
 * training-set statistics, lengthened to at least 16 steps by repeating the last vector
 * ({@link SequenceLength}), read by one LSTM layer whose output at the last step feeds a 7-way softmax. Build
 * one with {@link AudioLstmTrainer}.
 *
 * <p>Abstains on clips without audio or shorter than one 100 ms window. Shares the clip's short-term features
 * with other branches ({@link ShortTermSequence}). Bundle files: {@code lstm.zip} (DL4J {@code ModelSerializer})
 * and {@code feature-statistics.json} ({@link Standardizer}); property {@code min_steps}.
 *
 * <p>Thread-safe: predictions are serialised on the network, which this branch owns and {@link #close()} frees
 * (idempotent; a closed branch refuses to predict).
 */
public final class AudioLstmBranch extends ShortTermNetworkBranch<MultiLayerNetwork> {

    /** The bundle type of this branch. */
    public static final String TYPE = "audio-lstm";
    static final String NETWORK_FILE = "lstm.zip";

    private static final int PREDICTION_BATCH = 32;

    private final int minSteps;

    AudioLstmBranch(String name, Standardizer standardizer, MultiLayerNetwork network, int minSteps, Map<String, String> settings) {
        super(name, standardizer, network, NETWORK_FILE, settings, "min_steps", minSteps);
        this.minSteps = minSteps;
    }

    /** The number of LSTM units. */
    public long hiddenSize() {
        return network().getParam("0_RW").size(0);
    }

    /** The network's parameter count. */
    public long parameterCount() {
        return network().numParams();
    }

    @Override
    List<EmotionScores> scores(List<double[][]> sequences) {
        List<double[][]> prepared = new ArrayList<>();
        for (double[][] sequence : sequences) {
            prepared.add(prepare(standardizer(), sequence, minSteps));
        }
        List<EmotionScores> scores = new ArrayList<>();
        for (int from = 0; from < prepared.size(); from += PREDICTION_BATCH) {
            List<double[][]> part = prepared.subList(from, Math.min(prepared.size(), from + PREDICTION_BATCH));
            INDArray probabilities = output(part);
            for (int i = 0; i < part.size(); i++) {
                scores.add(Networks.scores(probabilities, i));
            }
        }
        return scores;
    }

    private INDArray output(List<double[][]> prepared) {
        Networks.SequenceBatch batch = Networks.sequences(prepared, ShortTermFeatures.FEATURE_COUNT);
        return withNetwork(network -> network.output(batch.features(), false, batch.mask(), null).dup());
    }

    /** Standardises a raw sequence and lengthens it to {@code minSteps}. */
    static double[][] prepare(Standardizer standardizer, double[][] raw, int minSteps) {
        return SequenceLength.atLeast(standardizer.applyRows(raw), minSteps);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "AudioLstmBranch[" + name() + ", LSTM(" + hiddenSize() + "), min " + minSteps + " steps]";
    }

    /** Loads an {@link AudioLstmBranch} from a bundle; registered in {@code META-INF/services}. Stateless. */
    public static final class Factory implements BranchFactory {

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public AudioLstmBranch load(BranchSource source) throws ModelFormatException {
            int minSteps = positiveInt(source, "min_steps");
            Standardizer standardizer = Standardizer.read(source.file(STATISTICS_FILE), ShortTermFeatures.featureNames());
            Path file = source.file(NETWORK_FILE);
            MultiLayerNetwork network = Networks.loadMultiLayer(file);
            long inputs = network.getnLayers() == 2 && network.paramTable().containsKey("0_W") ? network.getParam("0_W").size(0) : -1;
            long outputs = network.getnLayers() == 2 && network.paramTable().containsKey("1_b") ? network.getParam("1_b").length() : -1;
            if (inputs != ShortTermFeatures.FEATURE_COUNT || outputs != Emotion.COUNT) {
                network.close();
                throw new ModelFormatException(file, "expected an LSTM and an output layer from " + ShortTermFeatures.FEATURE_COUNT
                        + " features to " + Emotion.COUNT + " classes, got " + network.getnLayers() + " layers from " + inputs
                        + " to " + outputs);
            }
            Map<String, String> settings = new LinkedHashMap<>(source.properties());
            settings.remove("min_steps");
            return new AudioLstmBranch(source.entry().name(), standardizer, network, minSteps, settings);
        }
    }

    static int positiveInt(BranchSource source, String key) throws ModelFormatException {
        String value = source.requireProperty(key);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1) {
                throw new NumberFormatException("not positive");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ModelFormatException(source.bundle(), "branch '" + source.entry().name() + "': property " + key
                    + " must be a positive integer, got '" + value + "'", e);
        }
    }
}
