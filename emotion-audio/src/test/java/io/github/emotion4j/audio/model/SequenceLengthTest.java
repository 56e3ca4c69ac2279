package io.github.emotion4j.audio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SequenceLengthTest {

    @Test
    void shortSequencesRepeatTheirLastVectorUpTo16() {
        double[][] five = new double[5][];
        for (int t = 0; t < 5; t++) {
            five[t] = new double[] {t, -t};
        }
        double[][] lengthened = SequenceLength.atLeast(five, SequenceLength.PAPER_MINIMUM);
        assertEquals(16, lengthened.length);
        for (int t = 0; t < 5; t++) {
            assertSame(five[t], lengthened[t]);
        }
        for (int t = 5; t < 16; t++) {
            assertSame(five[4], lengthened[t], "step " + t + " repeats the last vector (16 − n = 11 copies)");
        }
    }

    @Test
    void longSequencesAreKept() {
        double[][] twenty = new double[20][1];
        double[][] result = SequenceLength.atLeast(twenty, 16);
        assertEquals(20, result.length);
        for (int t = 0; t < 20; t++) {
            assertSame(twenty[t], result[t]);
        }
    }

    @Test
    void refusesEmptySequencesAndBadMinimums() {
        assertThrows(IllegalArgumentException.class, () -> SequenceLength.atLeast(new double[0][], 16));
        assertThrows(IllegalArgumentException.class, () -> SequenceLength.atLeast(new double[3][1], 0));
    }
}
