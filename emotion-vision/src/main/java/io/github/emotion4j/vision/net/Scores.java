package io.github.emotion4j.vision.net;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import java.util.List;

/** Maps a network's probability row from its own class order onto {@link Emotion} order. Package-private. */
final class Scores {

    private Scores() {
    }

    /**
     * @param row probabilities in network output order, {@code row.length == classes.size() == 7}
     * @param classes the emotion of each output
     */
    static EmotionScores inEmotionOrder(float[] row, List<Emotion> classes) {
        if (row.length != classes.size()) {
            throw new IllegalStateException("network gave " + row.length + " outputs, expected " + classes.size());
        }
        double[] p = new double[Emotion.COUNT];
        for (int i = 0; i < row.length; i++) {
            p[classes.get(i).ordinal()] = row[i];
        }
        return EmotionScores.of(p);
    }
}
