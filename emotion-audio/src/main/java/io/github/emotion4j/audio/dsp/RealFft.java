package io.github.emotion4j.audio.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Forward discrete Fourier transform of a real sequence of any length {@code n}, in double precision:
 * {@code X[k] = Σ_t x[t]·e^(−2πi·k·t/n)} for {@code k = 0 .. n/2} (the other half is the complex conjugate
 * and is not computed). No window, no scaling.
 *
 * <p>Method: for even {@code n} the real input is packed into {@code n/2} complex values (even samples as
 * real parts, odd samples as imaginary parts), transformed by an in-place mixed-radix Cooley–Tukey FFT
 * (decimation in time after a digit-reversal permutation; butterflies of radix 4, 2, 3 and 5, and a direct
 * DFT for any other prime factor), then separated into the spectrum of the real signal. Odd {@code n} uses
 * a complex transform of length {@code n} with zero imaginary parts. Lengths whose factors are all small
 * (1600 = 2⁶·5², 2205, 4410, 4800, …) cost O(n log n); a length with a large prime factor {@code p} costs
 * O(n·p). Twiddle factors are tabulated once, from {@link Math#cos}/{@link Math#sin}, so the round-off is
 * a few units in the last place times log n.
 *
 * <p>Thread-safety: an instance is immutable after construction (it holds only its tables) and may be
 * shared by any number of threads. Buffers: the input array is borrowed and never modified; the output
 * arrays belong to the caller and are overwritten. Even lengths allocate nothing per call; odd lengths
 * and prime factors above 5 allocate small temporaries per call.
 *
 * <p>Internal API of emotion4j's audio module (shared by the short-term and IS10 feature extractors); not
 * part of the library's supported public API.
 */
public final class RealFft {

    private final int n;
    /** Length of the complex transform: n/2 for even n (packed), n for odd n. */
    private final int complexLength;
    private final boolean packed;
    /** Radix of each butterfly stage, first stage first. */
    private final int[] radices;
    /** Position in the work buffer → index of the complex input value that goes there. */
    private final int[] inputIndexAtPosition;
    /** cos and sin of 2π·t/complexLength, t = 0 .. complexLength − 1. */
    private final double[] cosTable;
    private final double[] sinTable;
    /** cos and sin of 2π·k/n, k = 0 .. n/2 (separation of the packed transform); null for odd n. */
    private final double[] separateCos;
    private final double[] separateSin;

    /**
     * Prepares a transform of length {@code n}.
     *
     * @param n the number of real input samples, at least 1
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public RealFft(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT length must be at least 1, got " + n);
        }
        this.n = n;
        this.packed = n % 2 == 0;
        this.complexLength = packed ? n / 2 : n;
        this.radices = factorize(complexLength);
        this.inputIndexAtPosition = digitReversal(complexLength, radices);
        this.cosTable = new double[complexLength];
        this.sinTable = new double[complexLength];
        for (int t = 0; t < complexLength; t++) {
            cosTable[t] = cosOfTurn(t, complexLength);
            sinTable[t] = sinOfTurn(t, complexLength);
        }
        if (packed) {
            separateCos = new double[complexLength + 1];
            separateSin = new double[complexLength + 1];
            for (int k = 0; k <= complexLength; k++) {
                separateCos[k] = cosOfTurn(k, n);
                separateSin[k] = sinOfTurn(k, n);
            }
        } else {
            separateCos = null;
            separateSin = null;
        }
    }

    /** The number of real input samples this transform takes. */
    public int size() {
        return n;
    }

    /** The number of spectrum values {@link #forward} writes: {@code n/2 + 1} (bins 0 to Nyquist). */
    public int spectrumSize() {
        return n / 2 + 1;
    }

    /**
     * Computes bins {@code 0 .. n/2} of the spectrum of {@code input[offset .. offset + n − 1]}.
     *
     * @param input  real samples; borrowed, read only
     * @param offset index of the first sample in {@code input}
     * @param re     receives the real parts; length at least {@link #spectrumSize()}; overwritten
     * @param im     receives the imaginary parts; length at least {@link #spectrumSize()}; overwritten
     * @throws IllegalArgumentException if the input range or an output array is too short
     */
    public void forward(double[] input, int offset, double[] re, double[] im) {
        checkArguments(input, offset, re, im);
        if (packed) {
            forwardPacked(input, offset, re, im);
        } else {
            forwardOdd(input, offset, re, im);
        }
    }

    /**
     * Computes the magnitudes {@code |X[k]|} of bins {@code 0 .. count − 1}, using {@code re} and
     * {@code im} as work space (they are left holding the complex spectrum).
     *
     * @param input      real samples; borrowed, read only
     * @param offset     index of the first sample in {@code input}
     * @param re         work array, length at least {@link #spectrumSize()}; overwritten
     * @param im         work array, length at least {@link #spectrumSize()}; overwritten
     * @param magnitudes receives {@code count} magnitudes; overwritten
     * @param count      how many bins to write, at most {@link #spectrumSize()}
     */
    public void magnitudes(double[] input, int offset, double[] re, double[] im, double[] magnitudes, int count) {
        if (count < 0 || count > spectrumSize() || magnitudes.length < count) {
            throw new IllegalArgumentException("cannot write " + count + " magnitudes of a length-" + n
                    + " FFT into an array of " + magnitudes.length);
        }
        forward(input, offset, re, im);
        for (int k = 0; k < count; k++) {
            magnitudes[k] = Math.sqrt(re[k] * re[k] + im[k] * im[k]);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("RealFft[n=").append(n).append(", radices=");
        for (int i = 0; i < radices.length; i++) {
            text.append(i == 0 ? "" : "·").append(radices[i]);
        }
        return text.append(packed ? ", packed]" : "]").toString();
    }

    private void checkArguments(double[] input, int offset, double[] re, double[] im) {
        if (offset < 0 || offset > input.length - n) {
            throw new IllegalArgumentException("input of length " + input.length + " has no " + n
                    + " samples from offset " + offset);
        }
        int needed = spectrumSize();
        if (re.length < needed || im.length < needed) {
            throw new IllegalArgumentException("output arrays need " + needed + " values, got re " + re.length
                    + " and im " + im.length);
        }
    }

    private void forwardPacked(double[] input, int offset, double[] re, double[] im) {
        int m = complexLength;
        for (int position = 0; position < m; position++) {
            int source = offset + 2 * inputIndexAtPosition[position];
            re[position] = input[source];
            im[position] = input[source + 1];
        }
        transformInPlace(re, im);
        // Z = FFT of z[t] = x[2t] + i·x[2t+1]. With E[k] = (Z[k] + conj Z[m−k]) / 2 (spectrum of the even
        // samples) and O[k] = (Z[k] − conj Z[m−k]) / 2i (odd samples): X[k] = E[k] + e^(−2πik/n)·O[k] and
        // X[m−k] = conj E[k] − e^(2πik/n)·conj O[k].
        double z0re = re[0];
        double z0im = im[0];
        re[0] = z0re + z0im;
        im[0] = 0.0;
        re[m] = z0re - z0im;
        im[m] = 0.0;
        for (int k = 1, j = m - 1; k <= j; k++, j--) {
            double aRe = re[k];
            double aIm = im[k];
            double bRe = re[j];
            double bIm = im[j];
            double evenRe = 0.5 * (aRe + bRe);
            double evenIm = 0.5 * (aIm - bIm);
            double oddRe = 0.5 * (aIm + bIm);
            double oddIm = 0.5 * (bRe - aRe);
            double c = separateCos[k];
            double s = separateSin[k];
            double turnedRe = c * oddRe + s * oddIm;
            double turnedIm = c * oddIm - s * oddRe;
            re[j] = evenRe - turnedRe;
            im[j] = turnedIm - evenIm;
            re[k] = evenRe + turnedRe;
            im[k] = evenIm + turnedIm;
        }
    }

    private void forwardOdd(double[] input, int offset, double[] re, double[] im) {
        int m = complexLength;
        double[] workRe = new double[m];
        double[] workIm = new double[m];
        for (int position = 0; position < m; position++) {
            workRe[position] = input[offset + inputIndexAtPosition[position]];
        }
        transformInPlace(workRe, workIm);
        int bins = spectrumSize();
        System.arraycopy(workRe, 0, re, 0, bins);
        System.arraycopy(workIm, 0, im, 0, bins);
    }

    /** Butterfly stages over a digit-reversed buffer of complexLength values. */
    private void transformInPlace(double[] re, double[] im) {
        int span = 1;
        for (int radix : radices) {
            int stride = complexLength / (span * radix);
            switch (radix) {
                case 2 -> radix2(re, im, span, stride);
                case 3 -> radix3(re, im, span, stride);
                case 4 -> radix4(re, im, span, stride);
                case 5 -> radix5(re, im, span, stride);
                default -> radixGeneric(re, im, span, stride, radix);
            }
            span *= radix;
        }
    }

    // In every stage: groups of `radix` sub-transforms of length `span` are combined into one of length
    // span·radix. For offset j within a sub-transform, input q is first multiplied by the twiddle
    // e^(−2πi·j·q/(span·radix)) = table[j·q·stride], then a radix-point DFT writes output r to j + r·span.

    private void radix2(double[] re, double[] im, int span, int stride) {
        int size = 2 * span;
        for (int j = 0; j < span; j++) {
            double w1c = cosTable[j * stride];
            double w1s = sinTable[j * stride];
            for (int i0 = j; i0 < complexLength; i0 += size) {
                int i1 = i0 + span;
                double a1Re = re[i1] * w1c + im[i1] * w1s;
                double a1Im = im[i1] * w1c - re[i1] * w1s;
                double a0Re = re[i0];
                double a0Im = im[i0];
                re[i0] = a0Re + a1Re;
                im[i0] = a0Im + a1Im;
                re[i1] = a0Re - a1Re;
                im[i1] = a0Im - a1Im;
            }
        }
    }

    private void radix4(double[] re, double[] im, int span, int stride) {
        int size = 4 * span;
        for (int j = 0; j < span; j++) {
            double w1c = cosTable[j * stride];
            double w1s = sinTable[j * stride];
            double w2c = cosTable[2 * j * stride];
            double w2s = sinTable[2 * j * stride];
            double w3c = cosTable[3 * j * stride];
            double w3s = sinTable[3 * j * stride];
            for (int i0 = j; i0 < complexLength; i0 += size) {
                int i1 = i0 + span;
                int i2 = i1 + span;
                int i3 = i2 + span;
                double a0Re = re[i0];
                double a0Im = im[i0];
                double a1Re = re[i1] * w1c + im[i1] * w1s;
                double a1Im = im[i1] * w1c - re[i1] * w1s;
                double a2Re = re[i2] * w2c + im[i2] * w2s;
                double a2Im = im[i2] * w2c - re[i2] * w2s;
                double a3Re = re[i3] * w3c + im[i3] * w3s;
                double a3Im = im[i3] * w3c - re[i3] * w3s;
                double t0Re = a0Re + a2Re;
                double t0Im = a0Im + a2Im;
                double t1Re = a0Re - a2Re;
                double t1Im = a0Im - a2Im;
                double t2Re = a1Re + a3Re;
                double t2Im = a1Im + a3Im;
                double t3Re = a1Re - a3Re;
                double t3Im = a1Im - a3Im;
                re[i0] = t0Re + t2Re;
                im[i0] = t0Im + t2Im;
                re[i2] = t0Re - t2Re;
                im[i2] = t0Im - t2Im;
                // y1 = t1 − i·t3, y3 = t1 + i·t3
                re[i1] = t1Re + t3Im;
                im[i1] = t1Im - t3Re;
                re[i3] = t1Re - t3Im;
                im[i3] = t1Im + t3Re;
            }
        }
    }

    private static final double SIN_TURN_3 = Math.sqrt(3.0) / 2.0;

    private void radix3(double[] re, double[] im, int span, int stride) {
        int size = 3 * span;
        for (int j = 0; j < span; j++) {
            double w1c = cosTable[j * stride];
            double w1s = sinTable[j * stride];
            double w2c = cosTable[2 * j * stride];
            double w2s = sinTable[2 * j * stride];
            for (int i0 = j; i0 < complexLength; i0 += size) {
                int i1 = i0 + span;
                int i2 = i1 + span;
                double a0Re = re[i0];
                double a0Im = im[i0];
                double a1Re = re[i1] * w1c + im[i1] * w1s;
                double a1Im = im[i1] * w1c - re[i1] * w1s;
                double a2Re = re[i2] * w2c + im[i2] * w2s;
                double a2Im = im[i2] * w2c - re[i2] * w2s;
                double sumRe = a1Re + a2Re;
                double sumIm = a1Im + a2Im;
                double baseRe = a0Re - 0.5 * sumRe;
                double baseIm = a0Im - 0.5 * sumIm;
                double dRe = SIN_TURN_3 * (a1Re - a2Re);
                double dIm = SIN_TURN_3 * (a1Im - a2Im);
                re[i0] = a0Re + sumRe;
                im[i0] = a0Im + sumIm;
                // y1 = base − i·d, y2 = base + i·d
                re[i1] = baseRe + dIm;
                im[i1] = baseIm - dRe;
                re[i2] = baseRe - dIm;
                im[i2] = baseIm + dRe;
            }
        }
    }

    /** (cos(2π/5) − cos(4π/5)) / 2 = √5 / 4. */
    private static final double HALF_COS_DIFFERENCE_5 = Math.sqrt(5.0) / 4.0;
    private static final double SIN_TURN_5 = Math.sin(2.0 * Math.PI / 5.0);
    private static final double SIN_2TURN_5 = Math.sin(4.0 * Math.PI / 5.0);

    private void radix5(double[] re, double[] im, int span, int stride) {
        int size = 5 * span;
        for (int j = 0; j < span; j++) {
            double w1c = cosTable[j * stride];
            double w1s = sinTable[j * stride];
            double w2c = cosTable[2 * j * stride];
            double w2s = sinTable[2 * j * stride];
            double w3c = cosTable[3 * j * stride];
            double w3s = sinTable[3 * j * stride];
            double w4c = cosTable[4 * j * stride];
            double w4s = sinTable[4 * j * stride];
            for (int i0 = j; i0 < complexLength; i0 += size) {
                int i1 = i0 + span;
                int i2 = i1 + span;
                int i3 = i2 + span;
                int i4 = i3 + span;
                double a0Re = re[i0];
                double a0Im = im[i0];
                double a1Re = re[i1] * w1c + im[i1] * w1s;
                double a1Im = im[i1] * w1c - re[i1] * w1s;
                double a2Re = re[i2] * w2c + im[i2] * w2s;
                double a2Im = im[i2] * w2c - re[i2] * w2s;
                double a3Re = re[i3] * w3c + im[i3] * w3s;
                double a3Im = im[i3] * w3c - re[i3] * w3s;
                double a4Re = re[i4] * w4c + im[i4] * w4s;
                double a4Im = im[i4] * w4c - re[i4] * w4s;
                double s14Re = a1Re + a4Re;
                double s14Im = a1Im + a4Im;
                double s23Re = a2Re + a3Re;
                double s23Im = a2Im + a3Im;
                double d14Re = a1Re - a4Re;
                double d14Im = a1Im - a4Im;
                double d23Re = a2Re - a3Re;
                double d23Im = a2Im - a3Im;
                // b1 = a0 + cos(2π/5)·s14 + cos(4π/5)·s23 and b2 = a0 + cos(4π/5)·s14 + cos(2π/5)·s23, written
                // with cos(2π/5) + cos(4π/5) = −1/2 so that equal inputs cancel exactly.
                double meanPartRe = a0Re - 0.25 * (s14Re + s23Re);
                double meanPartIm = a0Im - 0.25 * (s14Im + s23Im);
                double differencePartRe = HALF_COS_DIFFERENCE_5 * (s14Re - s23Re);
                double differencePartIm = HALF_COS_DIFFERENCE_5 * (s14Im - s23Im);
                double b1Re = meanPartRe + differencePartRe;
                double b1Im = meanPartIm + differencePartIm;
                double b2Re = meanPartRe - differencePartRe;
                double b2Im = meanPartIm - differencePartIm;
                double e1Re = SIN_TURN_5 * d14Re + SIN_2TURN_5 * d23Re;
                double e1Im = SIN_TURN_5 * d14Im + SIN_2TURN_5 * d23Im;
                double e2Re = SIN_2TURN_5 * d14Re - SIN_TURN_5 * d23Re;
                double e2Im = SIN_2TURN_5 * d14Im - SIN_TURN_5 * d23Im;
                re[i0] = a0Re + s14Re + s23Re;
                im[i0] = a0Im + s14Im + s23Im;
                // y1 = b1 − i·e1, y4 = b1 + i·e1, y2 = b2 − i·e2, y3 = b2 + i·e2
                re[i1] = b1Re + e1Im;
                im[i1] = b1Im - e1Re;
                re[i4] = b1Re - e1Im;
                im[i4] = b1Im + e1Re;
                re[i2] = b2Re + e2Im;
                im[i2] = b2Im - e2Re;
                re[i3] = b2Re - e2Im;
                im[i3] = b2Im + e2Re;
            }
        }
    }

    private void radixGeneric(double[] re, double[] im, int span, int stride, int radix) {
        int size = radix * span;
        int rootStride = complexLength / radix;
        double[] aRe = new double[radix];
        double[] aIm = new double[radix];
        for (int j = 0; j < span; j++) {
            for (int i0 = j; i0 < complexLength; i0 += size) {
                for (int q = 0; q < radix; q++) {
                    int index = i0 + q * span;
                    int t = j * q * stride;
                    double c = cosTable[t];
                    double s = sinTable[t];
                    aRe[q] = re[index] * c + im[index] * s;
                    aIm[q] = im[index] * c - re[index] * s;
                }
                for (int r = 0; r < radix; r++) {
                    double sumRe = aRe[0];
                    double sumIm = aIm[0];
                    for (int q = 1; q < radix; q++) {
                        int t = (int) ((long) q * r % radix) * rootStride;
                        double c = cosTable[t];
                        double s = sinTable[t];
                        sumRe += aRe[q] * c + aIm[q] * s;
                        sumIm += aIm[q] * c - aRe[q] * s;
                    }
                    re[i0 + r * span] = sumRe;
                    im[i0 + r * span] = sumIm;
                }
            }
        }
    }

    /** Radices for a complex transform of length m: fours first, then a two, then odd primes ascending. */
    private static int[] factorize(int m) {
        List<Integer> factors = new ArrayList<>();
        int rest = m;
        while (rest % 4 == 0) {
            factors.add(4);
            rest /= 4;
        }
        if (rest % 2 == 0) {
            factors.add(2);
            rest /= 2;
        }
        for (int p = 3; (long) p * p <= rest; p += 2) {
            while (rest % p == 0) {
                factors.add(p);
                rest /= p;
            }
        }
        if (rest > 1) {
            factors.add(rest);
        }
        return factors.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Where each input value goes so that the stages can run in place. Stage s (radix p_s) combines
     * sub-transforms of length span_s = p_1·…·p_(s−1); its q-th sub-transform holds the inputs whose index
     * has digit q in the mixed-radix position that stage s decimates. Writing a buffer position as
     * Σ d_s·span_s, the input index is Σ d_s·(p_(s+1)·…·p_k).
     */
    private static int[] digitReversal(int m, int[] radices) {
        int stages = radices.length;
        int[] spans = new int[stages];
        int span = 1;
        for (int s = 0; s < stages; s++) {
            spans[s] = span;
            span *= radices[s];
        }
        int[] inputIndex = new int[m];
        for (int position = 0; position < m; position++) {
            int rest = position;
            int index = 0;
            int stride = 1;
            for (int s = stages - 1; s >= 0; s--) {
                int digit = rest / spans[s];
                rest %= spans[s];
                index += digit * stride;
                stride *= radices[s];
            }
            inputIndex[position] = index;
        }
        return inputIndex;
    }

    /** cos(2π·t/period), exact at multiples of a quarter turn. */
    private static double cosOfTurn(long t, long period) {
        long r = Math.floorMod(t, period);
        if (r == 0) {
            return 1.0;
        }
        if (4 * r == period || 4 * r == 3 * period) {
            return 0.0;
        }
        if (2 * r == period) {
            return -1.0;
        }
        return Math.cos(2.0 * Math.PI * r / period);
    }

    /** sin(2π·t/period), exact at multiples of a quarter turn. */
    private static double sinOfTurn(long t, long period) {
        long r = Math.floorMod(t, period);
        if (r == 0 || 2 * r == period) {
            return 0.0;
        }
        if (4 * r == period) {
            return 1.0;
        }
        if (4 * r == 3 * period) {
            return -1.0;
        }
        return Math.sin(2.0 * Math.PI * r / period);
    }
}
