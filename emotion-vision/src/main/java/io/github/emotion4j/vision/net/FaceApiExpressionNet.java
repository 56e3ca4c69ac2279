package io.github.emotion4j.vision.net;

import io.github.emotion4j.core.Emotion;
import java.util.List;

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
public final class FaceApiExpressionNet extends EmbeddedExpressionNetwork {

    /** Name of the embedded weight file. */
    static final String WEIGHTS = "faceapi-expression.e4jw";

    /** face-api's class order: neutral, happy, sad, angry, fearful, disgusted, surprised. */
    private static final List<Emotion> OUTPUT_CLASSES = List.of(Emotion.NEUTRAL, Emotion.HAPPINESS, Emotion.SADNESS,
            Emotion.ANGER, Emotion.FEAR, Emotion.DISGUST, Emotion.SURPRISE);

    private FaceApiExpressionNet() {
        super(FaceApiArchitecture.expressionNet(), WEIGHTS, "FaceApiExpressionNet", 3, FaceApiArchitecture.INPUT_SIZE,
                FaceApiInput::fill, OUTPUT_CLASSES, FaceApiArchitecture.FEATURE_LAYER);
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
    public String toString() {
        return "FaceApiExpressionNet[112x112 RGB, face-api 1.7.15]";
    }
}
