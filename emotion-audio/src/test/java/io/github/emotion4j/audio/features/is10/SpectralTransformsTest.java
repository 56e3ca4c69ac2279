package io.github.emotion4j.audio.features.is10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The FFT and the spectral resampler against their definitions evaluated directly. */
class SpectralTransformsTest {

    @Test
    void realFftMatchesTheDefinition() {
        for (int n : new int[] {4, 8, 64, 512, 1024}) {
            Random random = new Random(n);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextGaussian();
            }
            PowerOfTwoFft fft = new PowerOfTwoFft(n);
            double[] re = new double[n / 2 + 1];
            double[] im = new double[n / 2 + 1];
            fft.forward(x, re, im, new double[n / 2], new double[n / 2]);
            for (int k = 0; k <= n / 2; k++) {
                double sr = 0.0;
                double si = 0.0;
                for (int j = 0; j < n; j++) {
                    sr += x[j] * Math.cos(2 * Math.PI * j * k / n);
                    si -= x[j] * Math.sin(2 * Math.PI * j * k / n);
                }
                assertEquals(sr, re[k], 1e-9 * n, "re, n=" + n + " k=" + k);
                assertEquals(si, im[k], 1e-9 * n, "im, n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void rejectsLengthsThatAreNotPowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new PowerOfTwoFft(400));
        assertThrows(IllegalArgumentException.class, () -> new PowerOfTwoFft(2));
    }

    @Test
    void resamplerEvaluatesTheTruncatedInverseDft() {
        Random random = new Random(3);
        double[] re = new double[257];
        double[] im = new double[257];
        for (int k = 0; k < 257; k++) {
            re[k] = random.nextGaussian();
            im[k] = random.nextGaussian();
        }
        double[] out = new double[SpectrumResampler.OUTPUT_LENGTH];
        new SpectrumResampler().resample(re, im, out, new double[SpectrumResampler.SCRATCH], new double[32], new double[32]);
        for (int i = 0; i < out.length; i++) {
            double y = re[0];
            for (int k = 1; k <= 136; k++) {
                double a = 2 * Math.PI * k * i / 352.0;
                y += re[k] * Math.cos(a) - im[k] * Math.sin(a);
            }
            assertEquals(y / 256.0, out[i], 1e-12, "sample " + i);
        }
    }
}
