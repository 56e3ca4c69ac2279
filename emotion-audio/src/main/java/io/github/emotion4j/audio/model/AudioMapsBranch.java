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
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The paper's Inception(v2)-LSTM on audio maps (section 2.4): the clip's 34 short-term features, z-scored with
 * training-set statistics, cut into 34x34 maps ({@link AudioMaps}); an {@link InceptionV2} trunk turns every map
 * into a vector, an LSTM reads sequences of {@link AudioMaps#SEQUENCE_LENGTH 8} maps and a softmax gives the
 * scores. Build one with {@link AudioMapsTrainer}.
 *
 * <p><b>Clips with more than 8 maps</b> (longer than about 4.3 s) are cut into consecutive windows of 8 maps
 * ({@link AudioMaps#windowStarts}: starting at maps 0, 8, 16, …, plus a last window ending at the last map) and
 * scored as the mean of the windows' probabilities. Clips with fewer maps repeat their last map up to 8.
 *
 * <p>Abstains on clips without audio or shorter than one 100 ms window. Shares the clip's short-term features
 * with other branches ({@link ShortTermSequence}). Bundle files: {@code inception-lstm.zip} (DL4J
 * {@code ModelSerializer}) and {@code feature-statistics.json}; property {@code sequence_length}.
 *
 * <p>Thread-safe: predictions are serialised on the network, which this branch owns and {@link #close()} frees
 * (idempotent; a closed branch refuses to predict).
 */
public final class AudioMapsBranch extends ShortTermNetworkBranch<ComputationGraph> {

    /** The bundle type of this branch. */
    public static final String TYPE = "audio-maps";
    static final String NETWORK_FILE = "inception-lstm.zip";

    private static final int PREDICTION_BATCH = 16;

    private final int sequenceLength;

    AudioMapsBranch(String name, Standardizer standardizer, ComputationGraph network, int sequenceLength, Map<String, String> settings) {
        super(name, standardizer, network, NETWORK_FILE, settings, "sequence_length", sequenceLength);
        this.sequenceLength = sequenceLength;
    }

    /** The network's parameter count. */
    public long parameterCount() {
        return network().numParams();
    }

    @Override
    List<EmotionScores> scores(List<double[][]> sequences) {
        List<float[][][]> windows = new ArrayList<>();
        List<Integer> windowCounts = new ArrayList<>();
        for (double[][] sequence : sequences) {
            List<float[][][]> clipWindows = windows(maps(standardizer(), sequence), sequenceLength);
            windows.addAll(clipWindows);
            windowCounts.add(clipWindows.size());
        }
        double[][] probabilities = windowProbabilities(windows);
        List<EmotionScores> scores = new ArrayList<>();
        int next = 0;
        for (int count : windowCounts) {
            double[] mean = new double[Emotion.COUNT];
            for (int w = 0; w < count; w++, next++) {
                for (int e = 0; e < Emotion.COUNT; e++) {
                    mean[e] += Math.max(0, probabilities[next][e]) / count;
                }
            }
            scores.add(EmotionScores.of(mean));
        }
        return scores;
    }

    /** The network's probabilities for each window of one raw sequence (before averaging). */
    double[][] windowProbabilities(double[][] rawSequence) {
        return windowProbabilities(windows(maps(standardizer(), rawSequence), sequenceLength));
    }

    private double[][] windowProbabilities(List<float[][][]> windows) {
        double[][] probabilities = new double[windows.size()][];
        for (int from = 0; from < windows.size(); from += PREDICTION_BATCH) {
            List<float[][][]> part = windows.subList(from, Math.min(windows.size(), from + PREDICTION_BATCH));
            INDArray out = output(sequenceInput(part));
            for (int i = 0; i < part.size(); i++) {
                probabilities[from + i] = out.getRow(i).toDoubleVector();
            }
        }
        return probabilities;
    }

    private INDArray output(INDArray input) {
        return withNetwork(network -> {
            // DL4J 1.0.0-M2.1 keeps the inputs of the last fit() and its FeedForwardToRnnPreProcessor takes the batch
            // size from them: without clear(), a batch of another size after training is silently mis-shaped.
            network.clear();
            return network.outputSingle(false, input).dup();
        });
    }

    /** The distinct (not yet lengthened) maps of a raw sequence, standardised. */
    static float[][][] maps(Standardizer standardizer, double[][] raw) {
        return AudioMaps.build(standardizer.applyRows(raw));
    }

    /** The windows of {@code length} maps that cover a clip's maps, after lengthening them to {@code length}. */
    static List<float[][][]> windows(float[][][] maps, int length) {
        float[][][] all = AudioMaps.atLeast(maps, length);
        List<float[][][]> windows = new ArrayList<>();
        for (int start : AudioMaps.windowStarts(all.length, length)) {
            float[][][] window = new float[length][][];
            System.arraycopy(all, start, window, 0, length);
            windows.add(window);
        }
        return windows;
    }

    /** {@code [windows, 34·34, length]}: each map flattened feature-major, one map per time step. */
    static INDArray sequenceInput(List<float[][][]> windows) {
        int length = windows.get(0).length;
        int pixels = AudioMaps.SIZE * AudioMaps.SIZE;
        float[] data = new float[windows.size() * pixels * length];
        for (int b = 0; b < windows.size(); b++) {
            for (int step = 0; step < length; step++) {
                float[][] map = windows.get(b)[step];
                for (int f = 0; f < AudioMaps.SIZE; f++) {
                    for (int t = 0; t < AudioMaps.SIZE; t++) {
                        data[(b * pixels + f * AudioMaps.SIZE + t) * length + step] = map[f][t];
                    }
                }
            }
        }
        return Nd4j.create(data, new long[] {windows.size(), pixels, length}, 'c');
    }

    /** {@code [maps, 1, 34, 34]}. */
    static INDArray mapInput(List<float[][]> maps) {
        int pixels = AudioMaps.SIZE * AudioMaps.SIZE;
        float[] data = new float[maps.size() * pixels];
        for (int b = 0; b < maps.size(); b++) {
            float[][] map = maps.get(b);
            for (int f = 0; f < AudioMaps.SIZE; f++) {
                System.arraycopy(map[f], 0, data, b * pixels + f * AudioMaps.SIZE, AudioMaps.SIZE);
            }
        }
        return Nd4j.create(data, new long[] {maps.size(), 1, AudioMaps.SIZE, AudioMaps.SIZE}, 'c');
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "AudioMapsBranch[" + name() + ", " + network().numParams() + " parameters, sequences of " + sequenceLength + " maps]";
    }

    /** Loads an {@link AudioMapsBranch} from a bundle; registered in {@code META-INF/services}. Stateless. */
    public static final class Factory implements BranchFactory {

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public AudioMapsBranch load(BranchSource source) throws ModelFormatException {
            int sequenceLength = AudioLstmBranch.positiveInt(source, "sequence_length");
            Standardizer standardizer = Standardizer.read(source.file(STATISTICS_FILE), ShortTermFeatures.featureNames());
            Path file = source.file(NETWORK_FILE);
            ComputationGraph network = Networks.loadGraph(file);
            if (network.getNumInputArrays() != 1 || network.getNumOutputArrays() != 1
                    || network.getVertex(InceptionV2.GLOBAL_POOL) == null || network.getVertex(InceptionV2.LSTM_LAYER) == null) {
                network.close();
                throw new ModelFormatException(file, "not an Inception-LSTM network (expected one input, one output and the vertices "
                        + InceptionV2.GLOBAL_POOL + " and " + InceptionV2.LSTM_LAYER + ")");
            }
            Map<String, String> settings = new LinkedHashMap<>(source.properties());
            settings.remove("sequence_length");
            return new AudioMapsBranch(source.entry().name(), standardizer, network, sequenceLength, settings);
        }
    }
}
