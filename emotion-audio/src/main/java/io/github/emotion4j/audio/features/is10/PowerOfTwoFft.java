package io.github.emotion4j.audio.features.is10;

/**
 * Forward DFT of a real sequence whose length is a power of two (at least 4), computed with a radix-2
 * complex FFT of half the length and the usual split step. Output uses the standard sign convention
 * {@code X[k] = sum_j x[j] e^{-2 pi i jk/n}}, bins {@code 0..n/2}.
 *
 * <p>Immutable (only precomputed tables) and thread-safe; callers pass their own scratch arrays.
 * Internal to the IS10 extractor.
 */
final class PowerOfTwoFft {

    private final int n;
    private final int half;
    private final int[] bitReversed;
    /** Per butterfly stage of span {@code s}: {@code e^{-2 pi i j / s}}, j = 0 .. s/2 - 1, stages concatenated. */
    private final double[] twiddleCos;
    private final double[] twiddleSin;
    /** {@code e^{-2 pi i k / n}}, k = 0 .. half. */
    private final double[] splitCos;
    private final double[] splitSin;

    PowerOfTwoFft(int n) {
        if (n < 4 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two >= 4, got " + n);
        }
        this.n = n;
        this.half = n / 2;
        int bits = Integer.numberOfTrailingZeros(half);
        bitReversed = new int[half];
        for (int i = 0; i < half; i++) {
            bitReversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        twiddleCos = new double[Math.max(1, half)];
        twiddleSin = new double[twiddleCos.length];
        for (int size = 2, offset = 0; size <= half; offset += size / 2, size <<= 1) {
            for (int j = 0; j < size / 2; j++) {
                double a = -2.0 * Math.PI * j / size;
                twiddleCos[offset + j] = Math.cos(a);
                twiddleSin[offset + j] = Math.sin(a);
            }
        }
        splitCos = new double[half + 1];
        splitSin = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            double a = -2.0 * Math.PI * k / n;
            splitCos[k] = Math.cos(a);
            splitSin[k] = Math.sin(a);
        }
    }

    int length() {
        return n;
    }

    /**
     * Transforms {@code x[0..n)} (borrowed, not modified) into {@code re[0..n/2]} and {@code im[0..n/2]}
     * (owned by the caller, overwritten). {@code scratchRe}/{@code scratchIm} need {@code n/2} entries.
     */
    void forward(double[] x, double[] re, double[] im, double[] scratchRe, double[] scratchIm) {
        for (int m = 0; m < half; m++) {
            int j = bitReversed[m];
            scratchRe[j] = x[2 * m];
            scratchIm[j] = x[2 * m + 1];
        }
        complexInPlace(scratchRe, scratchIm);
        // split: X[k] = E[k] + W^k O[k], E = (Z[k] + conj Z[half-k]) / 2, O = (Z[k] - conj Z[half-k]) / 2i
        for (int k = 0; k <= half; k++) {
            int a = k == half ? 0 : k;
            int b = k == 0 ? 0 : half - k;
            double zr = scratchRe[a];
            double zi = scratchIm[a];
            double cr = scratchRe[b];
            double ci = -scratchIm[b];
            double er = 0.5 * (zr + cr);
            double ei = 0.5 * (zi + ci);
            double dr = zr - cr;
            double di = zi - ci;
            // (dr + i di) / 2i = (di - i dr) / 2
            double or = 0.5 * di;
            double oi = -0.5 * dr;
            double wr = splitCos[k];
            double wi = splitSin[k];
            re[k] = er + wr * or - wi * oi;
            im[k] = ei + wr * oi + wi * or;
        }
    }

    /**
     * In-place forward complex DFT of length {@code n/2} ({@code e^{-2 pi i jk/(n/2)}}) of
     * {@code (re, im)}, both owned by the caller.
     */
    void complexForward(double[] re, double[] im) {
        for (int i = 0; i < half; i++) {
            int j = bitReversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        complexInPlace(re, im);
    }

    private void complexInPlace(double[] re, double[] im) {
        // first stage: span 2, twiddle 1
        for (int p = 0; p < half; p += 2) {
            double tr = re[p + 1];
            double ti = im[p + 1];
            re[p + 1] = re[p] - tr;
            im[p + 1] = im[p] - ti;
            re[p] += tr;
            im[p] += ti;
        }
        for (int size = 4, offset = 1; size <= half; offset += size / 2, size <<= 1) {
            int halfSize = size >> 1;
            for (int start = 0; start < half; start += size) {
                for (int j = 0; j < halfSize; j++) {
                    double wr = twiddleCos[offset + j];
                    double wi = twiddleSin[offset + j];
                    int p = start + j;
                    int q = p + halfSize;
                    double tr = wr * re[q] - wi * im[q];
                    double ti = wr * im[q] + wi * re[q];
                    re[q] = re[p] - tr;
                    im[q] = im[p] - ti;
                    re[p] += tr;
                    im[p] += ti;
                }
            }
        }
    }
}
