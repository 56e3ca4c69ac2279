package io.github.emotion4j.audio.features.is10;

/**
 * openSMILE's {@code cSpecResample} for the IS10 LSP branch: turns the complex 512-point spectrum of a
 * 25 ms frame into 275 time samples at 11 kHz by an inverse DFT of length 352 over bins 0..136
 * (the DC bin is not halved; bins above 136 and the Nyquist bin are dropped):
 * {@code y[i] = Re(sum_{k=0..136} X[k] e^{2 pi i k i / 352}) / 256}.
 *
 * <p>Computed as a two-stage DFT (352 = 32 x 11): for each output residue {@code n2 = i mod 32} the bins
 * are summed per class {@code k mod 11}, then an 11-point stage finishes every output. Immutable and
 * thread-safe; internal to the IS10 extractor.
 */
final class SpectrumResampler {

    static final int OUTPUT_LENGTH = 275;
    static final int HIGHEST_BIN = 136;
    private static final int PERIOD = 352;
    private static final int INNER = 32;
    private static final int OUTER = 11;
    private static final double SCALE = 1.0 / 256.0;

    private final double[] cos = new double[PERIOD];
    private final double[] sin = new double[PERIOD];

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
     * @param scratch at least {@code 2 * 11 * 32} doubles
     */
    static final boolean EXACT = Boolean.getBoolean("is10.exactIrdft");
    private static float[] fcos;
    private static float[] fsin;
    static {
        fcos = new float[OUTPUT_LENGTH * 137];
        fsin = new float[OUTPUT_LENGTH * 137];
        for (int i = 0; i < OUTPUT_LENGTH; i++) {
            for (int k = 1; k <= 136; k++) {
                double kn = 2.0 * Math.PI * (double) (k * i) / 352.0;
                fcos[i * 137 + k] = (float) Math.cos(kn);
                fsin[i * 137 + k] = (float) Math.sin(kn);
            }
        }
    }

    void resample(double[] re, double[] im, double[] out, double[] scratch) {
        if (EXACT) {
            for (int i = 0; i < OUTPUT_LENGTH; i++) {
                float o = (float) re[0];
                for (int k = 1; k <= 136; k++) {
                    o += (float) re[k] * fcos[i * 137 + k];
                    o += (float) (-im[k]) * fsin[i * 137 + k];
                }
                o /= 256.0f;
                out[i] = o;
            }
            return;
        }
        // stage 1: B[k1][n2] = sum_{k = k1 mod 11} X[k] w^{n2 k}
        for (int k1 = 0; k1 < OUTER; k1++) {
            for (int n2 = 0; n2 < INNER; n2++) {
                double br = 0.0;
                double bi = 0.0;
                for (int k = k1; k <= HIGHEST_BIN; k += OUTER) {
                    int m = (n2 * k) % PERIOD;
                    double xr = re[k];
                    double xi = k == 0 ? 0.0 : im[k];
                    br += xr * cos[m] - xi * sin[m];
                    bi += xr * sin[m] + xi * cos[m];
                }
                int idx = 2 * (k1 * INNER + n2);
                scratch[idx] = br;
                scratch[idx + 1] = bi;
            }
        }
        // stage 2: y[32 n1 + n2] = Re sum_{k1} B[k1][n2] w^{32 n1 k1}
        for (int i = 0; i < OUTPUT_LENGTH; i++) {
            int n1 = i / INNER;
            int n2 = i % INNER;
            double sum = 0.0;
            for (int k1 = 0; k1 < OUTER; k1++) {
                int m = (INNER * n1 * k1) % PERIOD;
                int idx = 2 * (k1 * INNER + n2);
                sum += scratch[idx] * cos[m] - scratch[idx + 1] * sin[m];
            }
            out[i] = sum * SCALE;
        }
    }
}
