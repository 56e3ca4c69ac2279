package io.github.emotion4j.vision.net;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.vision.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the embedded expression networks share: a {@link GraphRunner} over checksum-verified weights from the
 * classpath, batched prediction, and the mapping of the network's class order onto {@link Emotion}. Subclasses give
 * the architecture, the weights and the preprocessing.
 *
 * <p>Thread-safe (forward passes are serialised on the instance); owns native memory until {@link #close()}.
 */
abstract sealed class EmbeddedExpressionNetwork implements ExpressionNetwork permits FaceApiExpressionNet, MiniXceptionNet {

    private final GraphRunner runner;
    private final List<Emotion> outputClasses;
    private final int inputSize;
    private final String featureLayer;

    /**
     * @param channels input channels of one example (its height and width are {@code inputSize})
     * @throws WeightFileException when the embedded weights are missing, corrupt or modified
     */
    EmbeddedExpressionNetwork(ComputationGraphConfiguration configuration, String weightFile, String name, int channels,
            int inputSize, GraphRunner.Preprocessor preprocessor, List<Emotion> outputClasses, String featureLayer) {
        this.inputSize = inputSize;
        this.outputClasses = List.copyOf(outputClasses);
        this.featureLayer = featureLayer;
        this.runner = new GraphRunner(this, configuration, weightFile, name, new long[] {channels, inputSize, inputSize}, preprocessor);
    }

    @Override
    public final int inputSize() {
        return inputSize;
    }

    @Override
    public final List<Emotion> outputClasses() {
        return outputClasses;
    }

    @Override
    public final EmotionScores predict(Image face) {
        return predictAll(List.of(Objects.requireNonNull(face, "face"))).get(0);
    }

    @Override
    public final List<EmotionScores> predictAll(List<Image> faces) {
        List<EmotionScores> out = new ArrayList<>(faces.size());
        if (faces.isEmpty()) {
            return out;
        }
        for (float[] row : runner.run(faces)) {
            out.add(Scores.inEmotionOrder(row, outputClasses));
        }
        return out;
    }

    @Override
    public final INDArray toInput(List<Image> faces) {
        return runner.toInput(faces);
    }

    @Override
    public final ComputationGraph graph() {
        return runner.graph();
    }

    @Override
    public final String featureLayer() {
        return featureLayer;
    }

    @Override
    public final void close() {
        runner.close();
    }
}
