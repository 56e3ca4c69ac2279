package io.github.emotion4j.audio.features.is10;

/**
 * Order-8 LPC by autocorrelation and Levinson-Durbin, and its line spectral pair frequencies found by
 * the Chebyshev-grid root search of the Speex codec (as used by openSMILE's {@code cLpc} and
 * {@code cLsp}): grid step 0.2 (retried with 0.05 when a root is missed), 11 bisections, missing roots 0,
 * frequencies in radians (0..pi). Arithmetic is in single precision as in openSMILE, so that silent
 * frames give exactly openSMILE's constants.
 *
 * <p>Stateless and thread-safe; internal to the IS10 extractor.
 */
final class LineSpectralPairs {

    static final int ORDER = 8;

    private LineSpectralPairs() {
    }

    /**
     * Computes the 8 LPC coefficients (without the leading 1) of {@code x[0..n)} into {@code lpc}.
     * An all-zero signal gives all-zero coefficients.
     */
    static void lpc(float[] x, int n, float[] lpc) {
        float[] r = new float[ORDER + 1];
        for (int lag = ORDER; lag >= 0; lag--) {
            float acc = 0.0f;
            for (int i = lag; i < n; i++) {
                acc += x[i] * x[i - lag];
            }
            r[lag] = acc;
        }
        java.util.Arrays.fill(lpc, 0, ORDER, 0.0f);
        if (r[0] == 0.0f) {
            return;
        }
        float e = r[0];
        for (int m = 1; m <= ORDER; m++) {
            float sum = r[m];
            for (int i = 1; i < m; i++) {
                sum += lpc[i - 1] * r[m - i];
            }
            float k = (-1.0f / e) * sum;
            lpc[m - 1] = k;
            for (int i = 1; i <= m / 2; i++) {
                float a = lpc[i - 1];
                lpc[i - 1] += k * lpc[m - i - 1];
                if (i < m / 2 || (m & 1) == 1) {
                    lpc[m - i - 1] += k * a;
                }
            }
            e *= 1.0f - k * k;
            if (e == 0.0f) {
                for (int i = m; i < ORDER; i++) {
                    lpc[i] = 0.0f;
                }
                break;
            }
        }
    }

    /** LSP frequencies (radians) of the LPC polynomial {@code 1 + sum a_i z^-i} into {@code lsp[0..8)}. */
    static void lsp(float[] a, float[] lsp) {
        int roots = search(a, lsp, 0.2f);
        if (roots != ORDER) {
            roots = search(a, lsp, 0.05f);
            for (int i = roots; i < ORDER; i++) {
                lsp[i] = 0.0f;
            }
        }
    }

    private static int search(float[] a, float[] freq, float delta) {
        int m = ORDER / 2;
        float[] p = new float[m + 1];
        float[] q = new float[m + 1];
        p[0] = 1.0f;
        q[0] = 1.0f;
        for (int i = 0; i < m; i++) {
            p[i + 1] = (a[i] + a[ORDER - 1 - i]) - p[i];
            q[i + 1] = (a[i] - a[ORDER - 1 - i]) + q[i];
        }
        for (int i = 0; i < m; i++) {
            p[i] = 2 * p[i];
            q[i] = 2 * q[i];
        }
        int roots = 0;
        float xr = 0.0f;
        float xl = 1.0f;
        for (int j = 0; j < ORDER; j++) {
            float[] pt = (j & 1) == 1 ? q : p;
            float psuml = chebyshev(pt, xl, m);
            boolean searching = true;
            while (searching && xr >= -1.0f) {
                float dd = delta * (1.0f - 0.9f * xl * xl);
                if (Math.abs((double) psuml) < .2) {
                    dd *= 0.5f;
                }
                xr = xl - dd;
                float psumr = chebyshev(pt, xr, m);
                float tempPsumr = psumr;
                float tempXr = xr;
                if (psumr * psuml < 0.0f) {
                    roots++;
                    float xm = 0.0f;
                    for (int k = 0; k <= 10; k++) {
                        xm = 0.5f * (xl + xr);
                        float psumm = chebyshev(pt, xm, m);
                        if (!(psumm * psuml < 0.0f)) {
                            psuml = psumm;
                            xl = xm;
                        } else {
                            xr = xm;
                        }
                    }
                    if (xm > 1.0f) {
                        xm = 1.0f;
                    } else if (xm < -1.0f) {
                        xm = -1.0f;
                    }
                    freq[j] = (float) Math.acos(xm);
                    xl = xm;
                    searching = false;
                } else {
                    psuml = tempPsumr;
                    xl = tempXr;
                }
            }
        }
        return roots;
    }

    private static float chebyshev(float[] coef, float x, int m) {
        float b0 = 0.0f;
        float b1 = 0.0f;
        x *= 2;
        for (int k = m; k > 0; k--) {
            float tmp = b0;
            b0 = x * b0 - b1 + coef[m - k];
            b1 = tmp;
        }
        return -b1 + 0.5f * x * b0 + coef[m];
    }
}
