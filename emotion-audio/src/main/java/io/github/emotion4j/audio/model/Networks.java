package io.github.emotion4j.audio.model;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.ModelFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J plumbing shared by the network branches: batches of sequences, one-hot labels, probabilities to scores,
 * saving and loading. Networks are saved with DL4J's {@link ModelSerializer} (a zip holding the configuration as
 * JSON and the parameters in ND4J's binary format; no Java serialization), without updater state. Stateless
 * and thread-safe.
 */
final class Networks {

    private Networks() {
    }

    /** A batch of sequences, zero-padded to the longest, with its mask. */
    record SequenceBatch(INDArray features, INDArray mask) {
    }

    /**
     * {@code [batch, width, maxLength]} features and a {@code [batch, maxLength]} mask (1 where a step exists).
     *
     * @param sequences each {@code [step][feature]}; borrowed
     */
    static SequenceBatch sequences(List<double[][]> sequences, int width) {
        int longest = sequences.stream().mapToInt(s -> s.length).max().orElseThrow();
        float[] data = new float[sequences.size() * width * longest];
        float[] mask = new float[sequences.size() * longest];
        for (int b = 0; b < sequences.size(); b++) {
            double[][] sequence = sequences.get(b);
            for (int t = 0; t < sequence.length; t++) {
                mask[b * longest + t] = 1;
                for (int f = 0; f < width; f++) {
                    data[(b * width + f) * longest + t] = (float) sequence[t][f];
                }
            }
        }
        return new SequenceBatch(Nd4j.create(data, new long[] {sequences.size(), width, longest}, 'c'),
                Nd4j.create(mask, new long[] {sequences.size(), longest}, 'c'));
    }

    /** {@code [batch, 7]} one-hot rows. */
    static INDArray oneHot(List<Emotion> labels) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, labels.size(), Emotion.COUNT);
        for (int i = 0; i < labels.size(); i++) {
            out.putScalar(i, labels.get(i).ordinal(), 1f);
        }
        return out;
    }

    /** Row {@code row} of a {@code [batch, 7]} softmax output as scores. */
    static EmotionScores scores(INDArray probabilities, int row) {
        double[] values = new double[Emotion.COUNT];
        for (int e = 0; e < Emotion.COUNT; e++) {
            values[e] = Math.max(0, probabilities.getDouble(row, e));
        }
        return EmotionScores.of(values);
    }

    /** The index of the largest value of a row. */
    static int argMax(INDArray probabilities, int row) {
        int best = 0;
        for (int e = 1; e < probabilities.size(1); e++) {
            if (probabilities.getDouble(row, e) > probabilities.getDouble(row, best)) {
                best = e;
            }
        }
        return best;
    }

    static void save(Model network, Path file) throws IOException {
        ModelSerializer.writeModel(network, file.toFile(), false);
    }

    static MultiLayerNetwork loadMultiLayer(Path file) throws ModelFormatException {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(file, "not a readable DL4J network: " + e.getMessage(), e);
        }
    }

    static ComputationGraph loadGraph(Path file) throws ModelFormatException {
        try {
            return ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(file, "not a readable DL4J network: " + e.getMessage(), e);
        }
    }
}
