package io.github.emotion4j.audio.features.is10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The single-precision FFT and the spectral resampler against their definitions evaluated in double. */
class SpectralTransformsTest {

    @Test
    void singlePrecisionFftMatchesTheDefinition() {
        for (int n : new int[] {64, 512, 1024}) {
            Random random = new Random(n);
            float[] a = new float[n];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = (float) random.nextGaussian();
                x[i] = a[i];
            }
            new SinglePrecisionRealFft(n).forward(a);
            for (int k = 0; k <= n / 2; k++) {
                double sr = 0.0;
                double si = 0.0;
                for (int j = 0; j < n; j++) {
                    sr += x[j] * Math.cos(2 * Math.PI * j * k / n);
                    si -= x[j] * Math.sin(2 * Math.PI * j * k / n);
                }
                double re = k == 0 ? a[0] : k == n / 2 ? a[1] : a[2 * k];
                double im = k == 0 || k == n / 2 ? 0.0 : a[2 * k + 1];
                assertEquals(sr, re, 2e-6 * n, "re, n=" + n + " k=" + k);
                assertEquals(si, im, 2e-6 * n, "im, n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void singlePrecisionFftRejectsLengthsItDoesNotSupport() {
        assertThrows(IllegalArgumentException.class, () -> new SinglePrecisionRealFft(400));
        assertThrows(IllegalArgumentException.class, () -> new SinglePrecisionRealFft(32));
    }

    @Test
    void resamplerEvaluatesTheTruncatedInverseDft() {
        Random random = new Random(3);
        float[] spectrum = new float[512];
        for (int i = 0; i < spectrum.length; i++) {
            spectrum[i] = (float) random.nextGaussian();
        }
        float[] out = new float[SpectrumResampler.OUTPUT_LENGTH];
        new SpectrumResampler().resample(spectrum, out);
        for (int i = 0; i < out.length; i++) {
            double y = spectrum[0];
            for (int k = 1; k <= 136; k++) {
                double a = 2 * Math.PI * k * i / 352.0;
                y += spectrum[2 * k] * Math.cos(a) - spectrum[2 * k + 1] * Math.sin(a);
            }
            assertEquals(y / 256.0, out[i], 2e-6, "sample " + i);
        }
    }
}
