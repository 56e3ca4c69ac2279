package io.github.emotion4j.audio.features.is10;

import org.jtransforms.utils.CommonUtils;

/**
 * The real FFT openSMILE 3.0.1 computes its spectra with (the 25 ms frames' and the pitch branch's): Ooura's
 * split-radix algorithm ({@code fftsg.c}, {@code rdft}) in single precision, with openSMILE's own twiddle
 * table. The butterflies
 * are JTransforms' implementation of the same algorithm (statement for statement the same arithmetic);
 * the tables are built here exactly as openSMILE's {@code makewt}/{@code makect} build them (single
 * precision angle steps, double precision {@code cos}/{@code sin}, {@code 0.5 / cos} in double), because
 * JTransforms rounds two of those constants differently and the last bit matters: on a pure tone the line
 * spectral pairs downstream amplify a one-ulp difference in the spectrum to 1e-3 rad.
 *
 * <p>Output layout (in place): {@code a[0]} = DC, {@code a[1]} = Nyquist (both real), {@code a[2k]},
 * {@code a[2k+1]} = real and imaginary part of bin {@code k} with the usual sign,
 * {@code X[k] = sum_j x[j] e^{-2 pi i jk/n}}.
 *
 * <p>Immutable after construction (only the tables) and thread-safe: callers pass their own array.
 * Internal to the IS10 extractor.
 */
final class SinglePrecisionRealFft {

    private final int n;
    private final int nw;
    private final int nc;
    private final int[] ip;
    private final float[] w;

    /** @param n transform length, a power of two of at least 64 */
    SinglePrecisionRealFft(int n) {
        if (n < 64 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two >= 64, got " + n);
        }
        this.n = n;
        this.nw = n >> 2;
        this.nc = n >> 2;
        this.ip = new int[2 + (int) Math.ceil(Math.sqrt(n))];
        this.w = new float[nw + nc];
        makeTwiddles();
        makeCosines();
    }

    /** Transforms {@code a[0..n)} (owned by the caller) in place; see the class comment for the layout. */
    void forward(float[] a) {
        CommonUtils.cftfsub(n, a, 0, ip, nw, w);
        CommonUtils.rftfsub(n, a, 0, nc, w, nw);
        float xi = a[0] - a[1];
        a[0] += a[1];
        a[1] = xi;
    }

    /** openSMILE's {@code makewt(nw, ip, w)}: the butterfly twiddles in {@code w[0..nw)}. */
    private void makeTwiddles() {
        ip[0] = nw;
        ip[1] = 1;
        int nwh = nw >> 1;
        float delta = (float) Math.atan(1.0) / nwh;
        float wn4r = (float) Math.cos(delta * nwh);
        w[0] = 1;
        w[1] = wn4r;
        CommonUtils.makeipt(nw, ip);
        w[2] = (float) (0.5 / Math.cos(delta * 2));
        w[3] = (float) (0.5 / Math.cos(delta * 6));
        for (int j = 4; j < nwh; j += 4) {
            w[j] = (float) Math.cos(delta * j);
            w[j + 1] = (float) Math.sin(delta * j);
            w[j + 2] = (float) Math.cos(3 * delta * j);
            w[j + 3] = (float) -Math.sin(3 * delta * j);
        }
        int nw0 = 0;
        while (nwh > 2) {
            int nw1 = nw0 + nwh;
            nwh >>= 1;
            w[nw1] = 1;
            w[nw1 + 1] = wn4r;
            if (nwh == 4) {
                w[nw1 + 2] = w[nw0 + 4];
                w[nw1 + 3] = w[nw0 + 5];
            } else if (nwh > 4) {
                w[nw1 + 2] = 0.5f / w[nw0 + 4];
                w[nw1 + 3] = 0.5f / w[nw0 + 6];
                for (int j = 4; j < nwh; j += 4) {
                    System.arraycopy(w, nw0 + 2 * j, w, nw1 + j, 4);
                }
            }
            nw0 = nw1;
        }
    }

    /** openSMILE's {@code makect(nc, ip, w + nw)}: the real-split cosines in {@code w[nw..nw+nc)}. */
    private void makeCosines() {
        ip[1] = nc;
        int nch = nc >> 1;
        float delta = (float) Math.atan(1.0) / nch;
        w[nw] = (float) Math.cos(delta * nch);
        w[nw + nch] = 0.5f * w[nw];
        for (int j = 1; j < nch; j++) {
            w[nw + j] = (float) (0.5 * Math.cos(delta * j));
            w[nw + nc - j] = (float) (0.5 * Math.sin(delta * j));
        }
    }
}
