package io.github.emotion4j.core;

import java.util.Arrays;

/**
 * Streaming band-limited resampler for mono float PCM: a Kaiser-windowed sinc low-pass (16 zero crossings each
 * side, beta 8.6, cut-off at 0.97 of the lower Nyquist frequency), evaluated from a table with 512 entries per
 * zero crossing and linear interpolation between them (stop-band about -80 dB).
 *
 * <p>Output sample {@code j} sits at input time {@code j * inRate / outRate}; after {@link #finish()} the
 * output holds exactly {@code ceil(n * outRate / inRate)} samples for {@code n} input samples, the signal
 * past either end counting as silence. Not thread-safe: one instance per stream.
 */
final class SincResampler {

    private static final int ZERO_CROSSINGS = 16;
    private static final int TABLE_STEPS = 512;
    private static final double KAISER_BETA = 8.6;
    private static final double CUTOFF = 0.97;
    private static final float[] KERNEL = kernelTable();

    private final double step;
    private final double cutoff;
    private final double halfWidth;
    private final double gain;

    private float[] input = new float[1 << 14];
    private long inputOffset;
    private int inputSize;
    private long consumed;
    private long produced;
    private float[] output = new float[1 << 14];
    private int outputSize;

    SincResampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + inRate + " -> " + outRate);
        }
        this.step = inRate / (double) outRate;
        this.cutoff = Math.min(1.0, outRate / (double) inRate) * CUTOFF;
        this.halfWidth = ZERO_CROSSINGS / cutoff;
        this.gain = cutoff;
    }

    /** Adds input samples and computes every output sample they make possible. */
    void push(float[] samples, int count) {
        ensureInput(inputSize + count);
        System.arraycopy(samples, 0, input, inputSize, count);
        inputSize += count;
        consumed += count;
        produce(false);
    }

    /** Flushes: pads the input with silence and completes the output. Returns all output samples. */
    float[] finish() {
        produce(true);
        return Arrays.copyOf(output, outputSize);
    }

    private void produce(boolean flush) {
        long total = flush ? (long) Math.ceil(consumed / step - 1e-9) : Long.MAX_VALUE;
        while (produced < total) {
            double center = produced * step;
            long last = (long) Math.floor(center + halfWidth);
            if (!flush && last >= consumed) {
                break;
            }
            addOutput(sampleAt(center));
            produced++;
        }
        long keepFrom = (long) Math.floor(produced * step - halfWidth) - 1;
        discardBefore(keepFrom);
    }

    private float sampleAt(double center) {
        long first = (long) Math.ceil(center - halfWidth);
        long last = (long) Math.floor(center + halfWidth);
        double sum = 0;
        for (long k = Math.max(first, 0); k <= last && k < consumed; k++) {
            double distance = Math.abs(center - k) * cutoff * TABLE_STEPS;
            int index = (int) distance;
            if (index >= KERNEL.length - 1) {
                continue;
            }
            double fraction = distance - index;
            double h = KERNEL[index] + fraction * (KERNEL[index + 1] - KERNEL[index]);
            sum += h * input[(int) (k - inputOffset)];
        }
        return (float) (sum * gain);
    }

    private void discardBefore(long sample) {
        int drop = (int) Math.min(inputSize, Math.max(0, sample - inputOffset));
        if (drop > 4096) {
            System.arraycopy(input, drop, input, 0, inputSize - drop);
            inputSize -= drop;
            inputOffset += drop;
        }
    }

    private void ensureInput(int size) {
        if (size > input.length) {
            input = Arrays.copyOf(input, Math.max(size, input.length * 2));
        }
    }

    private void addOutput(float value) {
        if (outputSize == output.length) {
            output = Arrays.copyOf(output, output.length * 2);
        }
        output[outputSize++] = value;
    }

    /** sinc(x) times a Kaiser window, sampled at x = i / TABLE_STEPS for x in [0, ZERO_CROSSINGS]. */
    private static float[] kernelTable() {
        float[] table = new float[ZERO_CROSSINGS * TABLE_STEPS + 2];
        double denominator = besselI0(KAISER_BETA);
        for (int i = 0; i < table.length; i++) {
            double x = i / (double) TABLE_STEPS;
            if (x > ZERO_CROSSINGS) {
                table[i] = 0;
                continue;
            }
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = x / ZERO_CROSSINGS;
            double window = besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / denominator;
            table[i] = (float) (sinc * window);
        }
        return table;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 50; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }
}
