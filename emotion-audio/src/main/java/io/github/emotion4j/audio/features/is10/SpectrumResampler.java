package io.github.emotion4j.audio.features.is10;

/**
 * openSMILE's {@code cSpecResample} for the IS10 LSP branch: turns the 512-point spectrum of a 25 ms frame
 * into 275 time samples at 11 kHz by a direct inverse DFT of length 352 over bins 0..136 (the DC bin is
 * not halved; bins above 136 and the Nyquist bin are dropped):
 * {@code y[i] = (X[0] + sum_{k=1..136} (Re X[k] cos(2 pi k i / 352) - Im X[k] sin(2 pi k i / 352))) / 256}.
 *
 * <p>Evaluated exactly as openSMILE 3.0.1's {@code smileDsp_irdft} does: single precision, tables rounded
 * from double, each product rounded and added in bin order. The line spectral pairs computed from these
 * samples are so sensitive to rounding on tonal input that a faster, more accurate evaluation (the earlier
 * double-precision two-stage DFT) moved them by up to 2e-3 rad away from openSMILE's. Five output samples
 * are accumulated side by side, which changes nothing in the rounding and keeps the processor busy.
 *
 * <p>Immutable (shared tables) and thread-safe; internal to the IS10 extractor.
 */
final class SpectrumResampler {

    static final int OUTPUT_LENGTH = 275;
    static final int HIGHEST_BIN = 136;
    private static final int PERIOD = 352;
    private static final float SCALE = 256.0f;
    private static final int BLOCK = 5;

    /** {@code COS[i * HIGHEST_BIN + k - 1] = (float) cos(2 pi k i / 352)}, and the same for sine. */
    private static final float[] COS = new float[OUTPUT_LENGTH * HIGHEST_BIN];
    private static final float[] SIN = new float[OUTPUT_LENGTH * HIGHEST_BIN];

    static {
        double twoPi = 2.0 * Math.PI;
        for (int i = 0; i < OUTPUT_LENGTH; i++) {
            for (int k = 1; k <= HIGHEST_BIN; k++) {
                double angle = twoPi * (double) (k * i) / PERIOD;
                COS[i * HIGHEST_BIN + k - 1] = (float) Math.cos(angle);
                SIN[i * HIGHEST_BIN + k - 1] = (float) Math.sin(angle);
            }
        }
    }

    /**
     * @param spectrum a 512-point spectrum in {@link SinglePrecisionRealFft}'s layout (borrowed)
     * @param out the 275 output samples (overwritten)
     */
    void resample(float[] spectrum, float[] out) {
        float dc = spectrum[0];
        for (int i = 0; i < OUTPUT_LENGTH; i += BLOCK) {
            float y0 = dc;
            float y1 = dc;
            float y2 = dc;
            float y3 = dc;
            float y4 = dc;
            int r0 = i * HIGHEST_BIN - 1;
            int r1 = r0 + HIGHEST_BIN;
            int r2 = r1 + HIGHEST_BIN;
            int r3 = r2 + HIGHEST_BIN;
            int r4 = r3 + HIGHEST_BIN;
            for (int k = 1; k <= HIGHEST_BIN; k++) {
                float re = spectrum[2 * k];
                float im = spectrum[2 * k + 1];
                y0 += re * COS[r0 + k];
                y0 -= im * SIN[r0 + k];
                y1 += re * COS[r1 + k];
                y1 -= im * SIN[r1 + k];
                y2 += re * COS[r2 + k];
                y2 -= im * SIN[r2 + k];
                y3 += re * COS[r3 + k];
                y3 -= im * SIN[r3 + k];
                y4 += re * COS[r4 + k];
                y4 -= im * SIN[r4 + k];
            }
            out[i] = y0 / SCALE;
            out[i + 1] = y1 / SCALE;
            out[i + 2] = y2 / SCALE;
            out[i + 3] = y3 / SCALE;
            out[i + 4] = y4 / SCALE;
        }
    }
}
