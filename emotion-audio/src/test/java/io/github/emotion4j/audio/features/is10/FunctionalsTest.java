package io.github.emotion4j.audio.features.is10;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The functionals on small contours whose values are worked out by hand. */
class FunctionalsTest {

    @Test
    void fullSetOnARamp() {
        float[] x = {1, 2, 3, 4};
        double[] out = new double[21];
        Functionals.full(x, 4, out, 0);
        double[] expected = {
            3, 0,             // maxPos, minPos
            2.5,              // amean
            1, 1, 0, 0,       // linregc1 (slope), linregc2 (offset), linregerrA, linregerrQ
            Math.sqrt(1.25),  // stddev (population)
            0,                // skewness
            1.64,             // kurtosis m4/m2^2 = 2.5625/1.5625, not excess
            1.75, 2.5, 3.25,  // quartiles at p (n-1) = 0.75, 1.5, 2.25
            0.75, 0.75, 1.5,  // iqr1-2, iqr2-3, iqr1-3
            1.03, 3.97, 2.94, // percentile1.0, percentile99.0, pctlrange0-1
            0.25, 0.25        // above 1 + 0.75*3 = 3.25 and 1 + 0.9*3 = 3.7: only the 4
        };
        assertArrayEquals(expected, out, 1e-6);
    }

    @Test
    void extremesReportTheFirstOccurrence() {
        float[] x = {2, 5, 1, 5, 1};
        double[] out = new double[21];
        Functionals.full(x, 5, out, 0);
        assertEquals(1, out[0]);
        assertEquals(2, out[1]);
    }

    @Test
    void onlyTheGivenPrefixCounts() {
        float[] x = {1, 2, 3, 4, 1000};
        double[] out = new double[21];
        Functionals.full(x, 4, out, 0);
        assertEquals(2.5, out[2], 1e-9);
    }

    @Test
    void nonZeroSetIgnoresZerosAndDropsTwoFunctionals() {
        float[] x = {0, 4, 0, 0, 2, 0};
        double[] out = new double[19];
        Functionals.nonZero(x, 6, out, 0);
        assertEquals(0, out[0]);     // maxPos among the non-zero values {4, 2}
        assertEquals(1, out[1]);     // minPos
        assertEquals(3, out[2], 1e-9);
        assertEquals(-2, out[3], 1e-9); // slope over the non-zero values' own index
        assertEquals(3.98, out[16], 1e-6); // percentile99.0 (percentile1.0 and pctlrange0-1 are absent)
        assertEquals(0.5, out[17], 1e-9);  // upleveltime75
    }

    @Test
    void allZeroContourGivesZeros() {
        double[] out = new double[19];
        java.util.Arrays.fill(out, 7);
        Functionals.nonZero(new float[10], 10, out, 0);
        assertArrayEquals(new double[19], out);
    }

    @Test
    void constantContourHasNoSpread() {
        float[] x = {3, 3, 3};
        double[] out = new double[21];
        Functionals.full(x, 3, out, 0);
        assertEquals(0, out[7]);  // stddev
        assertEquals(0, out[8]);  // skewness defined as 0 without variance
        assertEquals(0, out[9]);
        assertEquals(0, out[19]); // nothing is above min + 0.75 * 0
    }

    @Test
    void onsetsCountUnvoicedToVoicedTransitionsAfterTheFirstFrame() {
        float[] f0 = {100, 0, 120, 130, 0, 0, 110, 0};
        assertEquals(2 / 0.08, Functionals.onsetRate(f0, 8), 1e-4);
        assertEquals(0.08, Functionals.duration(8), 1e-7);
    }
}
