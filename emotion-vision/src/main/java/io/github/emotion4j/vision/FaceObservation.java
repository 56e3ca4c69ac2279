package io.github.emotion4j.vision;

import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.vision.face.FaceBox;
import io.github.emotion4j.vision.face.FaceLandmarks;
import java.util.Map;

/**
 * One face found in one image: its box, 68 landmarks, and the expression scores (combined, and per network).
 * Immutable value.
 *
 * @param box the face's box in the image
 * @param landmarks the 68 landmarks in image coordinates
 * @param scores the weighted combination of the networks' scores
 * @param byNetwork each network's own scores, by network name
 */
public record FaceObservation(FaceBox box, FaceLandmarks landmarks, EmotionScores scores, Map<String, EmotionScores> byNetwork) {

    public FaceObservation {
        byNetwork = Map.copyOf(byNetwork);
    }
}
