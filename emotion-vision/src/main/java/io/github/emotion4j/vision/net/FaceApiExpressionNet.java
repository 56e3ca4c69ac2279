package io.github.emotion4j.vision.net;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.vision.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * face-api's {@code FaceExpressionNet} (vladmandic/face-api 1.7.15, MIT), embedded: a 112x112 RGB expression
 * classifier trained by face-api.js's author; see {@link FaceApiArchitecture} and {@code MODELS.md}.
 *
 * <p>Input of any size: gray is copied to RGB, a non-square image is zero-padded (black) to a centred square,
 * then resized to 112x112 with TensorFlow bilinear semantics ({@link Resize#bilinear}), in floating point, as
 * face-api does. Outputs (face-api order neutral, happy, sad, angry, fearful, disgusted, surprised) are mapped
 * onto {@link Emotion}. Penultimate features: {@link FaceApiArchitecture#FEATURE_LAYER}, 256 values per face.
 *
 * <p>Thread-safe (forward passes are serialised on this instance); owns native memory until {@link #close()}.
 */
public final class FaceApiExpressionNet implements ExpressionNetwork {

    /** Name of the embedded weight file. */
    static final String WEIGHTS = "faceapi-expression.e4jw";

    /** face-api's class order: neutral, happy, sad, angry, fearful, disgusted, surprised. */
    private static final List<Emotion> OUTPUT_CLASSES = List.of(Emotion.NEUTRAL, Emotion.HAPPINESS, Emotion.SADNESS,
            Emotion.ANGER, Emotion.FEAR, Emotion.DISGUST, Emotion.SURPRISE);

    private final GraphRunner runner;

    private FaceApiExpressionNet() {
        int size = FaceApiArchitecture.INPUT_SIZE;
        runner = new GraphRunner(this, FaceApiArchitecture.expressionNet(), WEIGHTS, "FaceApiExpressionNet",
                new long[] {3, size, size}, FaceApiInput::fill);
    }

    /**
     * Loads the embedded network from the classpath, verifying the weights' SHA-256.
     *
     * @throws WeightFileException when the embedded weights are missing, corrupt or modified
     */
    public static FaceApiExpressionNet load() {
        return new FaceApiExpressionNet();
    }

    @Override
    public int inputSize() {
        return FaceApiArchitecture.INPUT_SIZE;
    }

    @Override
    public List<Emotion> outputClasses() {
        return OUTPUT_CLASSES;
    }

    @Override
    public EmotionScores predict(Image face) {
        return predictAll(List.of(Objects.requireNonNull(face, "face"))).get(0);
    }

    @Override
    public List<EmotionScores> predictAll(List<Image> faces) {
        List<EmotionScores> out = new ArrayList<>(faces.size());
        if (faces.isEmpty()) {
            return out;
        }
        for (float[] row : runner.run(faces)) {
            out.add(Scores.inEmotionOrder(row, OUTPUT_CLASSES));
        }
        return out;
    }

    @Override
    public INDArray toInput(List<Image> faces) {
        return runner.toInput(faces);
    }

    @Override
    public ComputationGraph graph() {
        return runner.graph();
    }

    @Override
    public String featureLayer() {
        return FaceApiArchitecture.FEATURE_LAYER;
    }

    @Override
    public void close() {
        runner.close();
    }

    @Override
    public String toString() {
        return "FaceApiExpressionNet[112x112 RGB, face-api 1.7.15]";
    }
}
