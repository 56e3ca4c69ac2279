package io.github.emotion4j.audio.features.is10;

/**
 * openSMILE's {@code cSpecResample} for the IS10 LSP branch: turns the complex 512-point spectrum of a
 * 25 ms frame into 275 time samples at 11 kHz by an inverse DFT of length 352 over bins 0..136
 * (the DC bin is not halved; bins above 136 and the Nyquist bin are dropped):
 * {@code y[i] = Re(sum_{k=0..136} X[k] e^{2 pi i k i / 352}) / 256}.
 *
 * <p>Computed as a two-stage DFT (352 = 32 x 11): the bins of each class {@code k mod 11} go through a
 * 32-point FFT and a twiddle, then an 11-point stage finishes every output sample. Immutable and
 * thread-safe (callers pass scratch); internal to the IS10 extractor.
 */
final class SpectrumResampler {

    static final int OUTPUT_LENGTH = 275;
    static final int HIGHEST_BIN = 136;
    /** Scratch doubles {@link #resample} needs. */
    static final int SCRATCH = 2 * 11 * 32;
    private static final int PERIOD = 352;
    private static final int INNER = 32;
    private static final int OUTER = 11;
    private static final double SCALE = 1.0 / 256.0;

    private final double[] cos = new double[PERIOD];
    private final double[] sin = new double[PERIOD];
    private final PowerOfTwoFft fft32 = new PowerOfTwoFft(2 * INNER);

    SpectrumResampler() {
        for (int m = 0; m < PERIOD; m++) {
            double a = 2.0 * Math.PI * m / PERIOD;
            cos[m] = Math.cos(a);
            sin[m] = Math.sin(a);
        }
    }

    /**
     * @param re real parts of bins 0..136 (borrowed)
     * @param im imaginary parts, standard sign convention (borrowed)
     * @param out 275 output samples (overwritten)
     * @param scratch at least {@link #SCRATCH} doubles
     * @param cr scratch of 32 doubles
     * @param ci scratch of 32 doubles
     */
    void resample(double[] re, double[] im, double[] out, double[] scratch, double[] cr, double[] ci) {
        // stage 1: B[k1][n2] = w^{n2 k1} sum_{k2} X[k1 + 11 k2] e^{2 pi i n2 k2 / 32}, by a 32-point FFT
        for (int k1 = 0; k1 < OUTER; k1++) {
            java.util.Arrays.fill(cr, 0.0);
            java.util.Arrays.fill(ci, 0.0);
            for (int k = k1, k2 = 0; k <= HIGHEST_BIN; k += OUTER, k2++) {
                cr[k2] = re[k];
                ci[k2] = k == 0 ? 0.0 : -im[k]; // conjugate: inverse DFT through the forward one
            }
            fft32.complexForward(cr, ci);
            int m = 0;
            for (int n2 = 0; n2 < INNER; n2++) {
                double ar = cr[n2];
                double ai = -ci[n2];
                int idx = 2 * (k1 * INNER + n2);
                scratch[idx] = ar * cos[m] - ai * sin[m];
                scratch[idx + 1] = ar * sin[m] + ai * cos[m];
                m += k1;
            }
        }
        // stage 2: y[32 n1 + n2] = Re sum_{k1} B[k1][n2] w^{32 n1 k1}
        for (int i = 0; i < OUTPUT_LENGTH; i++) {
            int n1 = i / INNER;
            int n2 = i % INNER;
            int step = INNER * n1;
            int m = 0;
            double sum = 0.0;
            for (int k1 = 0; k1 < OUTER; k1++) {
                int idx = 2 * (k1 * INNER + n2);
                sum += scratch[idx] * cos[m] - scratch[idx + 1] * sin[m];
                m += step;
                if (m >= PERIOD) {
                    m -= PERIOD;
                }
            }
            out[i] = sum * SCALE;
        }
    }
}
