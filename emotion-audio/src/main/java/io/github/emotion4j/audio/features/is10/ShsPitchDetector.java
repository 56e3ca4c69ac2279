package io.github.emotion4j.audio.features.is10;

/**
 * The 60 ms pitch branch of IS10 up to the best F0 candidate of each frame: openSMILE's
 * {@code cWindower} (Gaussian, sigma 0.25), {@code cTransformFFT} (1024 points in single precision, frame
 * centred),
 * {@code cFFTmagphase}, {@code cSpecScale} (peak enhancement, smoothing, natural cubic spline onto a
 * log2 frequency axis from 20 Hz, auditory weighting) and {@code cPitchShs} (sub-harmonic summation over
 * 15 harmonics with compression 0.85, the 6 highest peaks, parabolic interpolation, candidates outside
 * 52-620 Hz removed, best score wins).
 *
 * <p>Immutable and thread-safe (per-call scratch in {@link Scratch}); internal to the IS10 extractor.
 */
final class ShsPitchDetector {

    static final int FRAME = 960;
    static final int FFT = 1024;
    static final int BINS = FFT / 2 + 1;

    private static final int PAD = (FFT - FRAME) / 2;
    private static final int HARMONICS = 15;
    private static final float COMPRESSION = 0.85f;
    private static final int CANDIDATES = 6;
    private static final double MIN_PITCH = 52.0;
    private static final double MAX_PITCH = 620.0;

    private final float[] gauss = new float[FRAME];
    private final SinglePrecisionRealFft fft = new SinglePrecisionRealFft(FFT);
    /** Spline knots: log2 of each bin's frequency (bin 0 extrapolated). */
    private final double[] knots = new double[BINS];
    private final double[] sigma = new double[BINS];
    private final double[] diff1 = new double[BINS];
    private final double[] diff2 = new double[BINS];
    /** Data-independent part of the spline's tridiagonal elimination: pivots and second-derivative factors. */
    private final double[] pivot = new double[BINS];
    private final double[] y2Factor = new double[BINS];
    private final int[] splineIndex = new int[BINS];
    private final double[] splineA = new double[BINS];
    private final double[] splineC = new double[BINS];
    private final double[] splineD = new double[BINS];
    private final double[] auditoryWeight = new double[BINS];
    private final int[] shifts = new int[HARMONICS + 1];
    /** First target point (log2 Hz) and step, as openSMILE passes them on: single precision. */
    private final float targetMin;
    private final float targetStep;

    /** Per-call working memory; not shared between threads. */
    static final class Scratch {
        /** The zero-padded frame, then its spectrum in {@link SinglePrecisionRealFft}'s layout. */
        final float[] spectrum = new float[FFT];
        final double[] y = new double[BINS];
        final double[] y2 = new double[BINS];
        final double[] u = new double[BINS];
        final int[] maxima = new int[BINS];
        final float[] scaled = new float[BINS];
        final float[] ss = new float[BINS];
        final float[] candF0 = new float[CANDIDATES];
        final float[] candScore = new float[CANDIDATES];
        final float[] candVoicing = new float[CANDIDATES];
    }

    /** Best candidate of one frame: F0 in Hz (0 when there is none) and its voicing probability. */
    record Candidate(float f0, float voicing) {
    }

    ShsPitchDetector() {
        double n1 = FRAME - 1.0;
        for (int i = 0; i < FRAME; i++) {
            double t = (i - n1 / 2.0) / (0.25 * n1 / 2.0);
            gauss[i] = (float) Math.exp(-0.5 * (t * t));
        }
        double frameSizeSec = (float) (0.06 * FFT / FRAME);
        double deltaF = 1.0 / frameSizeSec;
        double minF = 20.0;
        double maxF = deltaF * (BINS - 1);
        double fminT = log2(minF);
        double fmaxT = log2(maxF);
        for (int i = 1; i < BINS; i++) {
            knots[i] = log2(i * deltaF);
        }
        knots[0] = 2.0 * knots[1] - knots[2];
        for (int i = 1; i < BINS - 1; i++) {
            sigma[i] = (knots[i] - knots[i - 1]) / (knots[i + 1] - knots[i - 1]);
            diff1[i] = (knots[i + 1] - knots[i]) * (knots[i + 1] - knots[i - 1]);
            diff2[i] = (knots[i] - knots[i - 1]) * (knots[i + 1] - knots[i - 1]);
        }
        for (int i = 1; i < BINS - 1; i++) {
            pivot[i] = 1.0 / (sigma[i] * y2Factor[i - 1] + 2.0);
            y2Factor[i] = (sigma[i] - 1.0) * pivot[i];
        }
        double deltaT = (fmaxT - fminT) / (BINS - 1);
        int upper = 1;
        for (int i = 0; i < BINS; i++) {
            double x = fminT + i * deltaT;
            while (upper < BINS && knots[upper] < x) {
                upper++;
            }
            if (upper == BINS) {
                throw new IllegalStateException("spline target out of range at point " + i);
            }
            int lower = upper - 1;
            double range = knots[upper] - knots[lower];
            double a = (knots[upper] - x) / range;
            double b = 1.0 - a;
            double range2 = range * range / 6.0;
            splineIndex[i] = lower;
            splineA[i] = a;
            splineC[i] = (a * a * a - a) * range2;
            splineD[i] = (b * b * b - b) * range2;
        }
        double octaves = Math.log(maxF / minF) / Math.log(2.0);
        double pointsPerOctave = BINS / octaves;
        double atanS = pointsPerOctave * log2(65.0 / 50.0) - 1.0;
        for (int i = 0; i < BINS; i++) {
            auditoryWeight[i] = 0.5 + Math.atan(3.0 * (i + 1 - atanS) / pointsPerOctave) / Math.PI;
        }
        float pointsPerOctaveF = (float) pointsPerOctave;
        for (int h = 2; h <= HARMONICS; h++) {
            shifts[h] = (int) Math.floor((double) pointsPerOctaveF * log2(h));
        }
        targetMin = (float) fminT;
        targetStep = ((float) fmaxT - targetMin) / (float) (BINS - 1);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }

    /** Analyses the 960-sample frame starting at {@code start} of {@code samples} (borrowed). */
    Candidate analyse(float[] samples, int start, Scratch s) {
        spectrum(samples, start, s);
        return detect(s);
    }

    private void spectrum(float[] samples, int start, Scratch s) {
        float[] spectrum = s.spectrum;
        java.util.Arrays.fill(spectrum, 0, PAD, 0.0f);
        java.util.Arrays.fill(spectrum, PAD + FRAME, FFT, 0.0f);
        for (int i = 0; i < FRAME; i++) {
            spectrum[PAD + i] = samples[start + i] * gauss[i];
        }
        fft.forward(spectrum);
        double[] y = s.y;
        // DC and Nyquist: |X|, as openSMILE 3.0.1 reports them
        y[0] = Math.abs(spectrum[0]);
        y[BINS - 1] = Math.abs(spectrum[1]);
        for (int k = 1; k < BINS - 1; k++) {
            float re = spectrum[2 * k];
            float im = spectrum[2 * k + 1];
            y[k] = (float) Math.sqrt(re * re + im * im);
        }
        enhancePeaks(y, s.maxima);
        smooth(y);
        // natural cubic spline through (knots, y), evaluated on the log2 grid
        double[] y2 = s.y2;
        double[] u = s.u;
        u[0] = 0.0;
        for (int i = 1; i < BINS - 1; i++) {
            double ut = (y[i + 1] - y[i]) / diff1[i] - (y[i] - y[i - 1]) / diff2[i];
            u[i] = pivot[i] * (6.0 * ut - sigma[i] * u[i - 1]);
        }
        y2[BINS - 1] = 0.0;
        for (int j = BINS - 2; j >= 0; j--) {
            y2[j] = y2Factor[j] * y2[j + 1] + u[j];
        }
        float[] out = s.scaled;
        for (int i = 0; i < BINS; i++) {
            int k = splineIndex[i];
            double a = splineA[i];
            double v = a * y[k] + (1.0 - a) * y[k + 1] + splineC[i] * y2[k] + splineD[i] * y2[k + 1];
            float f = (float) v;
            out[i] = f > 0.0f ? (float) ((double) f * auditoryWeight[i]) : 0.0f;
        }
    }

    /** openSMILE's smileDsp_specEnhanceSHS, including its single-maximum quirk. */
    private static void enhancePeaks(double[] a, int[] maxima) {
        int n = a.length;
        int count = 0;
        if (a[0] > a[1]) {
            maxima[count++] = 0;
        }
        for (int i = 1; i < n - 1; i++) {
            if (a[i] > a[i - 1] && a[i] >= a[i + 1]) {
                maxima[count++] = i;
            }
        }
        if (a[n - 1] > a[n - 2]) {
            maxima[count++] = n - 1;
        }
        if (count == 1) {
            // openSMILE reads the unset second slot (0) here: bins 3.. are cleared
            for (int j = 3; j < n; j++) {
                a[j] = 0.0;
            }
        } else {
            for (int i = 1; i < count; i++) {
                for (int j = maxima[i - 1] + 3; j <= maxima[i] - 3; j++) {
                    a[j] = 0.0;
                }
            }
        }
    }

    /** openSMILE's smileDsp_specSmoothSHS: (a[i-1] + 2 a[i] + a[i+1]) / 4, last bin unchanged. */
    private static void smooth(double[] a) {
        double previous = 0.0;
        for (int i = 0; i < a.length - 1; i++) {
            double current = a[i];
            a[i] = (previous + 2.0 * current + a[i + 1]) / 4.0;
            previous = current;
        }
    }

    private Candidate detect(Scratch s) {
        float[] in = s.scaled;
        float[] ss = s.ss;
        int n = BINS;
        System.arraycopy(in, 0, ss, 0, n);
        float scale = COMPRESSION;
        for (int h = 2; h <= HARMONICS; h++) {
            int shift = shifts[h];
            for (int j = shift; j < n; j++) {
                ss[j - shift] += in[j] * scale;
            }
            scale *= COMPRESSION;
        }
        for (int j = 0; j < n; j++) {
            ss[j] /= (float) HARMONICS;
            if (ss[j] < 0) {
                ss[j] = 0.0f;
            }
        }
        float[] f0 = s.candF0;
        float[] score = s.candScore;
        float[] voicing = s.candVoicing;
        java.util.Arrays.fill(f0, 0.0f);
        java.util.Arrays.fill(score, 0.0f);
        java.util.Arrays.fill(voicing, 0.0f);
        int found = 0;
        double mean = ss[0];
        int i;
        for (i = 1; i < n - 1; i++) {
            if (ss[i - 1] < ss[i] && ss[i] > ss[i + 1]) {
                for (int j = 0; j < CANDIDATES; j++) {
                    if (score[j] == 0.0f || score[j] < ss[i]) {
                        for (int jj = CANDIDATES - 1; jj > j; jj--) {
                            score[jj] = score[jj - 1];
                            f0[jj] = f0[jj - 1];
                        }
                        f0[j] = (float) i;
                        score[j] = ss[i];
                        if (found < CANDIDATES) {
                            found++;
                        }
                        break;
                    }
                }
            }
            mean += ss[i];
        }
        mean = (mean + ss[i]) / n;

        for (int c = 0; c < found; c++) {
            int j = (int) f0[c];
            float x1 = f0[c] * targetStep + targetMin;
            float x2 = (f0[c] + 1.0f) * targetStep + targetMin;
            float x0 = (f0[c] - 1.0f) * targetStep + targetMin;
            double[] peak = new double[1];
            double fx = quadraticPeak(x0, ss[j - 1], x1, ss[j], x2, ss[j + 1], peak);
            f0[c] = (float) Math.exp(fx * Math.log(2.0));
            score[c] = (float) peak[0];
            voicing[c] = peak[0] > 0.0 && peak[0] > mean ? (float) (1.0 - mean / peak[0]) : 0.0f;
        }

        // remove candidates outside the pitch range (openSMILE's cPitchBase)
        if (found > 0) {
            for (int c = 0; c < CANDIDATES && found > 0; c++) {
                if (f0[c] > MAX_PITCH || f0[c] < MIN_PITCH) {
                    float original = f0[c];
                    for (int j = c + 1; j < CANDIDATES; j++) {
                        f0[j - 1] = f0[j];
                        voicing[j - 1] = voicing[j];
                        score[j - 1] = score[j];
                    }
                    f0[CANDIDATES - 1] = 0.0f;
                    voicing[CANDIDATES - 1] = 0.0f;
                    score[CANDIDATES - 1] = 0.0f;
                    if (original > 0.0f) {
                        found--;
                        c--;
                    }
                }
            }
        }
        int best = 0;
        float max = score[0];
        for (int c = 1; c < CANDIDATES; c++) {
            if (score[c] > max) {
                max = score[c];
                best = c;
            }
        }
        return new Candidate(f0[best], voicing[best]);
    }

    /**
     * openSMILE's smileMath_quadFrom3pts: x of the vertex of the parabola through three points, its
     * height in {@code peak[0]}; falls back to the highest point when no parabola exists.
     */
    static double quadraticPeak(double x1, double y1, double x2, double y2, double x3, double y3, double[] peak) {
        double den = x1 * x1 * x2 + x2 * x2 * x3 + x3 * x3 * x1 - x3 * x3 * x2 - x2 * x2 * x1 - x1 * x1 * x3;
        if (den != 0.0) {
            double a = (y1 * x2 + y2 * x3 + y3 * x1 - y3 * x2 - y2 * x1 - y1 * x3) / den;
            double b = (x1 * x1 * y2 + x2 * x2 * y3 + x3 * x3 * y1 - x3 * x3 * y2 - x2 * x2 * y1 - x1 * x1 * y3) / den;
            double c = (x1 * x1 * x2 * y3 + x2 * x2 * x3 * y1 + x3 * x3 * x1 * y2 - x3 * x3 * x2 * y1
                    - x2 * x2 * x1 * y3 - x1 * x1 * x3 * y2) / den;
            if (a != 0.0) {
                double x = -b / (2.0 * a);
                peak[0] = c - a * x * x;
                return x;
            }
        }
        if (y1 > y2 && y1 > y3) {
            peak[0] = y1;
            return x1;
        } else if (y2 > y1 && y2 > y3) {
            peak[0] = y2;
            return x2;
        } else if (y3 > y1 && y3 > y2) {
            peak[0] = y3;
            return x3;
        }
        peak[0] = y1;
        return x1;
    }
}
