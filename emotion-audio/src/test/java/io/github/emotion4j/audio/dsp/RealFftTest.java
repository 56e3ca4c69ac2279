package io.github.emotion4j.audio.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RealFftTest {

    static IntStream sizes() {
        // every length up to 64 (all radix mixes, odd and even, primes), then the sizes the extractors use
        return IntStream.concat(IntStream.rangeClosed(1, 64),
                IntStream.of(98, 100, 121, 243, 400, 441, 1009, 1102, 1600, 2205, 2048, 4410, 4800));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void matchesTheDefinitionOfTheDft(int n) {
        Random random = new Random(n);
        double[] x = new double[n + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        int offset = 3;
        RealFft fft = new RealFft(n);
        double[] re = new double[fft.spectrumSize()];
        double[] im = new double[fft.spectrumSize()];
        fft.forward(x, offset, re, im);

        double scale = 0.0;
        for (int t = 0; t < n; t++) {
            scale += Math.abs(x[offset + t]);
        }
        double tolerance = 1e-13 * scale;
        for (int k = 0; k < fft.spectrumSize(); k++) {
            double expectedRe = 0.0;
            double expectedIm = 0.0;
            for (int t = 0; t < n; t++) {
                double angle = 2.0 * Math.PI * ((long) k * t % n) / n;
                expectedRe += x[offset + t] * Math.cos(angle);
                expectedIm -= x[offset + t] * Math.sin(angle);
            }
            assertEquals(expectedRe, re[k], tolerance, "n=" + n + " re[" + k + "]");
            assertEquals(expectedIm, im[k], tolerance, "n=" + n + " im[" + k + "]");
        }
    }

    @Test
    void pureToneOnABinGivesOneLine() {
        int n = 1600;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = Math.cos(2.0 * Math.PI * 44 * t / n);
        }
        double[] magnitudes = new double[n / 2 + 1];
        new RealFft(n).magnitudes(x, 0, new double[n / 2 + 1], new double[n / 2 + 1], magnitudes, n / 2 + 1);
        for (int k = 0; k <= n / 2; k++) {
            assertEquals(k == 44 ? n / 2.0 : 0.0, magnitudes[k], 1e-10, "bin " + k);
        }
    }

    @Test
    void leavesTheInputUntouched() {
        double[] x = new Random(7).doubles(1600).toArray();
        double[] copy = x.clone();
        new RealFft(1600).forward(x, 0, new double[801], new double[801]);
        assertArrayEquals(copy, x);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new RealFft(0));
        RealFft fft = new RealFft(16);
        assertEquals(16, fft.size());
        assertEquals(9, fft.spectrumSize());
        IllegalArgumentException shortInput = assertThrows(IllegalArgumentException.class,
                () -> fft.forward(new double[20], 5, new double[9], new double[9]));
        assertTrue(shortInput.getMessage().contains("offset 5"), shortInput.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> fft.forward(new double[16], 0, new double[8], new double[9]));
        assertThrows(IllegalArgumentException.class,
                () -> fft.magnitudes(new double[16], 0, new double[9], new double[9], new double[4], 5));
    }
}
