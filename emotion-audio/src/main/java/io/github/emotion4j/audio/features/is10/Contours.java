package io.github.emotion4j.audio.features.is10;

/**
 * The contour operations between low-level descriptors and functionals: openSMILE's
 * {@code cContourSmoother} (3-point moving average, optionally over non-zero values only) and
 * {@code cDeltaRegression} (window 2), in single precision. Rows before the first are copies of the
 * first row; the caller supplies the rows after the last.
 *
 * <p>Stateless and thread-safe; internal to the IS10 extractor.
 */
final class Contours {

    private Contours() {
    }

    /**
     * 3-point moving average of {@code x[0..n)}; {@code x[n]} must hold the right-hand context.
     *
     * @param nonZero true: zeros stay zero and non-zero values average only the non-zero neighbours
     */
    static float[] smooth(float[] x, int n, boolean nonZero) {
        float[] y = new float[n];
        for (int t = 0; t < n; t++) {
            float prev = x[Math.max(0, t - 1)];
            float next = x[t + 1];
            if (nonZero) {
                if (x[t] != 0.0f) {
                    float sum = x[t];
                    int count = 1;
                    if (prev != 0.0f) {
                        sum += prev;
                        count++;
                    }
                    if (next != 0.0f) {
                        sum += next;
                        count++;
                    }
                    y[t] = sum / (float) count;
                }
            } else {
                float sum = x[t];
                sum += prev;
                sum += next;
                y[t] = sum / 3.0f;
            }
        }
        return y;
    }

    /** Standard delta regression over 2 frames: {@code sum_i i (x[t+i] - x[t-i]) / 10}. */
    static float[] delta(float[] x, int n) {
        float[] d = new float[n];
        for (int t = 0; t < n; t++) {
            float num = 0.0f;
            for (int i = 1; i <= 2; i++) {
                num += (float) i * (at(x, n, t + i) - at(x, n, t - i));
            }
            d[t] = num / 10.0f;
        }
        return d;
    }

    /**
     * Delta regression within voiced segments for several contours processed together, as openSMILE 3.0.1
     * does for F0, jitter and shimmer: a pair {@code (x[t-i], x[t+i])} counts only when both are non-zero,
     * and the normaliser is one running sum that starts at 10, grows by {@code i^2} for every counted pair
     * of every contour (frame by frame, contours in order) and is never reset.
     */
    static float[][] deltaInSegmentsRunningNorm(float[][] x, int n) {
        float[][] d = new float[x.length][n];
        float norm = 10.0f;
        for (int t = 0; t < n; t++) {
            for (int f = 0; f < x.length; f++) {
                float num = 0.0f;
                for (int i = 1; i <= 2; i++) {
                    float later = at(x[f], n, t + i);
                    float prior = at(x[f], n, t - i);
                    if (later != 0.0f && prior != 0.0f) {
                        num += (float) i * (later - prior);
                        norm += (float) i * (float) i;
                    }
                }
                d[f][t] = norm != 0.0f ? num / norm : 0.0f;
            }
        }
        return d;
    }

    /**
     * The intended within-segment delta: the regression formula over the counted pairs only,
     * {@code sum_i i (x[t+i] - x[t-i]) / (2 sum_i i^2)}, 0 when no pair counts; equal to {@link #delta}
     * wherever all four neighbours are non-zero.
     */
    static float[] deltaInSegments(float[] x, int n) {
        float[] d = new float[n];
        for (int t = 0; t < n; t++) {
            float num = 0.0f;
            float norm = 0.0f;
            for (int i = 1; i <= 2; i++) {
                float later = at(x, n, t + i);
                float prior = at(x, n, t - i);
                if (later != 0.0f && prior != 0.0f) {
                    num += (float) i * (later - prior);
                    norm += 2.0f * i * i;
                }
            }
            d[t] = norm != 0.0f ? num / norm : 0.0f;
        }
        return d;
    }

    /** {@code x[t]} with the first row repeated before the start and the last row after the end. */
    private static float at(float[] x, int n, int t) {
        return x[Math.max(0, Math.min(n - 1, t))];
    }
}
