package io.github.emotion4j.audio.features.is10;

import java.util.Arrays;
import java.util.List;

/**
 * The IS10 statistical functionals of one contour, as openSMILE's {@code cFunctionals} computes them
 * (single-precision inputs, double accumulators, single-precision results).
 *
 * <p>The 21 functionals, in output order: maxPos, minPos (0-based frame of the first maximum / minimum),
 * amean, linregc1, linregc2 (least-squares line over the frame index), linregerrA, linregerrQ (mean
 * absolute / squared residual), stddev, skewness, kurtosis (population moments; kurtosis not excess),
 * quartile1..3, iqr1-2, iqr2-3, iqr1-3, percentile1.0, percentile99.0 (linear interpolation at
 * {@code p (n-1)} in the sorted values), pctlrange0-1, upleveltime75, upleveltime90 (fraction of values
 * above min + 0.75 / 0.90 of the range). The 19-functional set for the F0, jitter and shimmer contours
 * omits percentile1.0 and pctlrange0-1 and uses the non-zero values only (all zero: all 19 are 0).
 *
 * <p>Stateless and thread-safe; internal to the IS10 extractor.
 */
final class Functionals {

    static final List<String> FULL_NAMES = List.of("maxPos", "minPos", "amean", "linregc1", "linregc2",
            "linregerrA", "linregerrQ", "stddev", "skewness", "kurtosis", "quartile1", "quartile2", "quartile3",
            "iqr1-2", "iqr2-3", "iqr1-3", "percentile1.0", "percentile99.0", "pctlrange0-1", "upleveltime75",
            "upleveltime90");
    static final List<String> NON_ZERO_NAMES = List.of("maxPos", "minPos", "amean", "linregc1", "linregc2",
            "linregerrA", "linregerrQ", "stddev", "skewness", "kurtosis", "quartile1", "quartile2", "quartile3",
            "iqr1-2", "iqr2-3", "iqr1-3", "percentile99.0", "upleveltime75", "upleveltime90");

    private Functionals() {
    }

    /** The 21 functionals of {@code x[0..n)} (borrowed) into {@code out[offset..offset+21)}. */
    static void full(float[] x, int n, double[] out, int offset) {
        compute(x, n, out, offset, true);
    }

    /** The 19 functionals of the non-zero values of {@code x[0..n)} into {@code out[offset..offset+19)}. */
    static void nonZero(float[] x, int n, double[] out, int offset) {
        float[] values = new float[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] != 0.0f) {
                values[count++] = x[i];
            }
        }
        if (count == 0) {
            Arrays.fill(out, offset, offset + NON_ZERO_NAMES.size(), 0.0);
            return;
        }
        compute(values, count, out, offset, false);
    }

    private static void compute(float[] x, int n, double[] out, int offset, boolean full) {
        float min = x[0];
        float max = x[0];
        double sum = x[0];
        for (int i = 1; i < n; i++) {
            if (x[i] < min) {
                min = x[i];
            }
            if (x[i] > max) {
                max = x[i];
            }
            sum += x[i];
        }
        float mean = (float) (sum / n);
        int o = offset;

        // Extremes
        int maxPos = -1;
        int minPos = -1;
        for (int i = 0; i < n; i++) {
            if (x[i] == max && maxPos == -1) {
                maxPos = i;
            }
            if (x[i] == min && minPos == -1) {
                minPos = i;
            }
        }
        out[o++] = maxPos;
        out[o++] = minPos;
        out[o++] = mean;

        // Regression
        double nd = n;
        double num = 0.0;
        double ii = 0.0;
        for (int i = 0; i < n; i++) {
            num += x[i] * ii;
            ii += 1.0;
        }
        double asum = (double) mean * nd;
        double m;
        double t;
        if (n > 1) {
            double nnm1 = nd * (nd - 1.0);
            double s1 = nnm1 / 2.0;
            double s2 = nnm1 * (2.0 * nd - 1.0) / 6.0;
            double s1ds2 = s1 / s2;
            double tmp = nd - s1 * s1ds2;
            t = tmp == 0.0 ? 0.0 : (asum - num * s1ds2) / tmp;
            m = (num - t * s1) / s2;
        } else {
            m = 0.0;
            t = x[0];
        }
        double lea = 0.0;
        double leq = 0.0;
        ii = 0.0;
        for (int i = 0; i < n; i++) {
            double e = x[i] - (m * ii + t);
            lea += Math.abs(e);
            ii += 1.0;
            leq += e * e;
        }
        out[o++] = finiteOrZero(m);
        out[o++] = finiteOrZero(t);
        out[o++] = Double.isFinite(lea / nd) ? (float) (lea / nd) : 0.0f;
        out[o++] = Double.isFinite(leq / nd) ? (float) (leq / nd) : 0.0f;

        // Moments
        double m2 = 0.0;
        double m3 = 0.0;
        double m4 = 0.0;
        double meanD = mean;
        for (int i = 0; i < n; i++) {
            double d = x[i] - meanD;
            double d2 = d * d;
            m2 += d2;
            d2 *= d;
            m3 += d2;
            m4 += d2 * d;
        }
        m2 /= nd;
        double sqm2 = Math.sqrt(m2);
        out[o++] = m2 > 0.0 ? (float) sqm2 : 0.0f;
        out[o++] = m2 > 0.0 ? (float) (m3 / (nd * m2 * sqm2)) : 0.0f;
        out[o++] = m2 > 0.0 ? (float) (m4 / (nd * m2 * m2)) : 0.0f;

        // Percentiles
        float[] sorted = Arrays.copyOf(x, n);
        Arrays.sort(sorted);
        float q1 = percentile(0.25, sorted, n);
        float q2 = percentile(0.50, sorted, n);
        float q3 = percentile(0.75, sorted, n);
        out[o++] = q1;
        out[o++] = q2;
        out[o++] = q3;
        out[o++] = q2 - q1;
        out[o++] = q3 - q2;
        out[o++] = q3 - q1;
        float p99 = percentile(0.99, sorted, n);
        if (full) {
            float p1 = percentile(0.01, sorted, n);
            out[o++] = p1;
            out[o++] = p99;
            out[o++] = Math.abs(p99 - p1);
        } else {
            out[o++] = p99;
        }

        // Times
        float range = max - min;
        float l75 = 0.75f * range + min;
        float l90 = 0.90f * range + min;
        int above75 = 0;
        int above90 = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] > l75) {
                above75++;
            }
            if (x[i] > l90) {
                above90++;
            }
        }
        float nf = n;
        out[o++] = (float) above75 / nf;
        out[o] = (float) above90 / nf;
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? (float) v : 0.0f;
    }

    private static float percentile(double p, float[] sorted, int n) {
        double idx = p * (n - 1);
        int i1 = (int) Math.floor(idx);
        int i2 = (int) Math.ceil(idx);
        i1 = Math.max(0, Math.min(n - 1, i1));
        i2 = Math.max(0, Math.min(n - 1, i2));
        if (i1 == i2) {
            return sorted[i1];
        }
        double w1 = idx - i1;
        double w2 = i2 - idx;
        return sorted[i1] * (float) w2 + sorted[i2] * (float) w1;
    }

    /**
     * openSMILE's Onset functional on the unsmoothed F0: onsets (unvoiced &rarr; voiced transitions after
     * frame 0) per second.
     */
    static float onsetRate(float[] f0, int n) {
        int onsets = 0;
        boolean above = f0[0] > 0.0f;
        for (int i = 1; i < n; i++) {
            if (f0[i] > 0.0f) {
                if (!above) {
                    onsets++;
                    above = true;
                }
            }
            if (f0[i] <= 0.0f) {
                above = false;
            }
        }
        return (float) onsets / ((float) n * 0.01f);
    }

    /** Duration in seconds of {@code n} frames, as openSMILE's Times functional reports it. */
    static float duration(int n) {
        return (float) n * 0.01f;
    }
}
