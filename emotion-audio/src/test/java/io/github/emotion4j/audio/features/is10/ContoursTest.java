package io.github.emotion4j.audio.features.is10;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Smoothing and delta regression on contours worked out by hand. */
class ContoursTest {

    @Test
    void movingAverageRepeatsTheFirstRowAndUsesTheGivenContext() {
        float[] x = {3, 6, 9, 12};   // x[3] is right-hand context
        assertArrayEquals(new float[] {4, 6, 9}, Contours.smooth(x, 3, false), 1e-6f);
    }

    @Test
    void nonZeroAverageKeepsZerosAndSkipsZeroNeighbours() {
        float[] x = {0, 4, 8, 0, 5, 0};
        assertArrayEquals(new float[] {0, 6, 6, 0, 5}, Contours.smooth(x, 5, true), 1e-6f);
    }

    @Test
    void deltaIsTheRegressionSlopeOverTwoFrames() {
        float[] x = {0, 1, 2, 3, 4, 5};
        // edges repeat the first / last value: d[0] = (1 - 0 + 2 (2 - 0)) / 10
        assertArrayEquals(new float[] {0.5f, 0.8f, 1, 1, 0.8f, 0.5f}, Contours.delta(x, 6), 1e-6f);
    }

    @Test
    void openSmilesRunningNormaliserGrowsAcrossFramesAndContours() {
        float[][] x = {{1, 2, 3, 4, 5}, {2, 2, 2, 2, 2}};
        float[][] d = Contours.deltaInSegmentsRunningNorm(x, 5);
        // frame 0: contour 0 adds 1 + 4 (norm 15): (1*(2-1) + 2*(3-1)) / 15; contour 1: norm 20, delta 0
        // frame 1: norm 25 then 30: (1*(3-1) + 2*(4-1)) / 25
        assertArrayEquals(new float[] {5f / 15, 8f / 25, 10f / 35, 8f / 45, 5f / 55}, d[0], 1e-6f);
        assertArrayEquals(new float[5], d[1], 1e-6f);
    }

    @Test
    void intendedSegmentDeltaCountsOnlyPairsInsideTheSegment() {
        float[] x = {0, 2, 4, 6, 0};
        // t=1: pair (x0, x2) has a zero, pair (x-1=x0, x3) too: nothing counts
        // t=2: pair (x1, x3) counts (norm 2), pair (x0, x4) does not: (6 - 2) / 2
        assertArrayEquals(new float[] {0, 0, 2, 0, 0}, Contours.deltaInSegments(x, 5), 1e-6f);
    }
}
