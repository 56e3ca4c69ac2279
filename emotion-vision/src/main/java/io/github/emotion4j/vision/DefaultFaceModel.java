package io.github.emotion4j.vision;

import io.github.emotion4j.core.DefaultModelProvider;
import io.github.emotion4j.core.EmotionRecognizer;

/**
 * The default model of emotion4j ({@link EmotionRecognizer#loadDefault()}): one {@link FaceExpressionBranch}
 * over the two embedded networks, combined with the weights in {@link #FACE_API_WEIGHT} and {@link
 * #MINI_XCEPTION_WEIGHT} (chosen on the evidence in ACCURACY.md), and a decoder that also reads still images.
 * Registered in META-INF/services. Stateless and thread-safe.
 */
public final class DefaultFaceModel implements DefaultModelProvider {

    /** Weight of face-api's FaceExpressionNet in the default model. */
    public static final double FACE_API_WEIGHT = 0.5;
    /** Weight of the FER-2013 mini-Xception in the default model. */
    public static final double MINI_XCEPTION_WEIGHT = 0.5;

    @Override
    public String description() {
        return "embedded face expression networks (face-api FaceExpressionNet + FER-2013 mini-Xception)";
    }

    @Override
    public EmotionRecognizer create() {
        return EmotionRecognizer.builder()
                .addBranch(FaceExpressionBranch.embedded("face", FACE_API_WEIGHT, MINI_XCEPTION_WEIGHT,
                        FaceExpressionBranch.Tracks.DOMINANT), 1.0)
                .decoder(new StillImageDecoder())
                .build();
    }
}
