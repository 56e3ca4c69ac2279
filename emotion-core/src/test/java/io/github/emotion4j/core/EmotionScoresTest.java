package io.github.emotion4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmotionScoresTest {

    @Test
    void normalisesToOneAndFindsTheTop() {
        EmotionScores s = EmotionScores.of(1, 0, 0, 3, 0, 0, 0);

        assertEquals(0.25, s.probability(Emotion.ANGER), 1e-12);
        assertEquals(0.75, s.probability(Emotion.HAPPINESS), 1e-12);
        assertEquals(1.0, Arrays.stream(s.toArray()).sum(), 1e-12);
        assertEquals(Emotion.HAPPINESS, s.top());
        assertTrue(s.toString().startsWith("HAPPINESS {ANGER=0.250"));
    }

    @Test
    void refusesBadValuesNamingThem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EmotionScores.of(1, 2, 3)).getMessage().contains("got 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EmotionScores.of(1, -1, 0, 0, 0, 0, 0)).getMessage().contains("DISGUST"));
        assertThrows(IllegalArgumentException.class, () -> EmotionScores.of(Double.NaN, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> EmotionScores.of(Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> EmotionScores.of(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void isImmutable() {
        double[] values = {1, 0, 0, 0, 0, 0, 0};
        EmotionScores s = EmotionScores.of(values);
        values[0] = 0;
        s.toArray()[0] = 0;

        assertEquals(1.0, s.probability(Emotion.ANGER));
    }

    @Test
    void weightedMeanRenormalises() {
        EmotionScores a = EmotionScores.certain(Emotion.FEAR);
        EmotionScores b = EmotionScores.certain(Emotion.SADNESS);

        EmotionScores mean = EmotionScores.weightedMean(List.of(a, b), List.of(1.0, 3.0));

        assertEquals(0.25, mean.probability(Emotion.FEAR), 1e-12);
        assertEquals(0.75, mean.probability(Emotion.SADNESS), 1e-12);
    }

    @Test
    void equalityAndTolerance() {
        EmotionScores a = EmotionScores.of(1, 1, 1, 1, 1, 1, 1);
        EmotionScores b = EmotionScores.of(1, 1, 1, 1, 1, 1, 1.000001);

        assertEquals(a, EmotionScores.of(2, 2, 2, 2, 2, 2, 2));
        assertFalse(a.equals(b));
        assertTrue(a.approximatelyEquals(b, 1e-6));
    }

    @Test
    void labelsParseAsDataSetsSpellThem() {
        assertEquals(Optional.of(Emotion.ANGER), Emotion.parse("Angry"));
        assertEquals(Optional.of(Emotion.FEAR), Emotion.parse(" fearful "));
        assertEquals(Optional.of(Emotion.SURPRISE), Emotion.parse("SU"));
        assertEquals(Optional.of(Emotion.HAPPINESS), Emotion.parse("HAPPINESS"));
        assertEquals(Optional.empty(), Emotion.parse("contempt"));
        assertEquals("Sad", Emotion.SADNESS.afewName());
    }
}
