package io.github.emotion4j.audio.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.audio.features.Is10Extractor.Mode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each of the three corrections of {@link Mode#CORRECTED} does what it says, shown on constructed
 * signals where openSMILE 3.0.1's behaviour and the intended one differ.
 */
class Is10CorrectedModeTest {

    private static final Is10Extractor OPENSMILE = new Is10Extractor(Mode.OPENSMILE_3_0_1);
    private static final Is10Extractor CORRECTED = new Is10Extractor(Mode.CORRECTED);
    private static final List<String> FEATURES = Is10Extractor.featureNames();
    private static final List<String> COLUMNS = Is10Extractor.lowLevelNames();

    private static double feature(double[] features, String name) {
        return features[FEATURES.indexOf(name)];
    }

    private static double[] column(double[][] lld, String name) {
        int c = COLUMNS.indexOf(name);
        double[] values = new double[lld.length];
        for (int t = 0; t < lld.length; t++) {
            values[t] = lld[t][c];
        }
        return values;
    }

    /**
     * A 100 Hz sine repeats every 160 samples, so every 25 ms frame starts at a zero crossing:
     * openSMILE 3.0.1's loudness, taken from the first sample, is 0; the intended loudness is
     * {@code (sum w x^2 / sum w / 1e-6)^0.3} over the Hamming-windowed frame.
     */
    @Test
    void loudnessCoversTheWholeFrame() {
        float[] x = new float[16000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * (i % 160) / 160.0));
        }
        double weighted = 0.0;
        double weights = 0.0;
        for (int i = 0; i < 400; i++) {
            double w = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / 399.0);
            double v = x[i] * 32768.0 / 32767.0;
            weighted += w * v * v;
            weights += w;
        }
        double expected = Math.pow(weighted / weights / 1e-6, 0.3);

        for (double v : column(OPENSMILE.extractLowLevel(x, 16000), "pcm_loudness_sma")) {
            assertEquals(0.0, v, 1e-12);
        }
        for (double v : column(CORRECTED.extractLowLevel(x, 16000), "pcm_loudness_sma")) {
            assertEquals(expected, v, 1e-4 * expected);
        }
        assertEquals(0.0, feature(OPENSMILE.extract(x, 16000), "pcm_loudness_sma_amean"), 1e-12);
        assertEquals(expected, feature(CORRECTED.extract(x, 16000), "pcm_loudness_sma_amean"), 1e-4 * expected);
    }

    /** Harmonic complex gliding from 120 to 180 Hz, the same glide twice with silence between. */
    private static float[] twoIdenticalGlides() {
        int glide = 9600;   // 0.6 s
        int gap = 4800;     // 0.3 s, a multiple of the 160-sample hop
        float[] x = new float[gap + glide + gap + glide + gap];
        for (int segment = 0; segment < 2; segment++) {
            int start = gap + segment * (glide + gap);
            double phase = 0.0;
            for (int i = 0; i < glide; i++) {
                double f0 = 120.0 + 60.0 * i / glide;
                phase += 2 * Math.PI * f0 / 16000.0;
                double v = 0.0;
                for (int h = 1; h <= 8; h++) {
                    v += Math.sin(h * phase) / h;
                }
                x[start + i] = (float) (0.2 * v);
            }
        }
        return x;
    }

    /**
     * openSMILE 3.0.1's running normaliser makes the F0 deltas of the second, identical glide much
     * smaller than those of the first; the corrected deltas are the same in both and equal the regression
     * formula {@code (x[t+1] - x[t-1] + 2 (x[t+2] - x[t-2])) / 10} inside the voiced segment.
     */
    @Test
    void segmentDeltasUseTheirOwnNormaliser() {
        float[] x = twoIdenticalGlides();
        int shift = (9600 + 4800) / 160;
        double[][] opensmile = OPENSMILE.extractLowLevel(x, 16000);
        double[][] corrected = CORRECTED.extractLowLevel(x, 16000);
        double[] f0 = column(corrected, "F0final_sma");
        double[] deltaCorrected = column(corrected, "F0final_sma_de");
        double[] deltaOpensmile = column(opensmile, "F0final_sma_de");

        int compared = 0;
        for (int t = 2; t + 2 < 30 + 60; t++) {
            boolean inside = f0[t - 2] != 0 && f0[t - 1] != 0 && f0[t] != 0 && f0[t + 1] != 0 && f0[t + 2] != 0;
            boolean insideToo = f0[t + shift - 2] != 0 && f0[t + shift + 2] != 0;
            if (!inside || !insideToo) {
                continue;
            }
            double regression = (f0[t + 1] - f0[t - 1] + 2 * (f0[t + 2] - f0[t - 2])) / 10.0;
            assertEquals(regression, deltaCorrected[t], 1e-5 * Math.abs(f0[t]));
            assertEquals(deltaCorrected[t], deltaCorrected[t + shift], 1e-6 * Math.abs(f0[t]));
            assertTrue(Math.abs(deltaOpensmile[t + shift]) < 0.5 * Math.abs(deltaOpensmile[t]),
                    "openSMILE's deltas shrink along the file at frame " + t);
            compared++;
        }
        assertTrue(compared > 30, "voiced frames compared: " + compared);
    }

    /**
     * openSMILE 3.0.1 leaves the last three frames out of the functionals (the last one out of the onset
     * functionals); the corrected mode summarises every frame. A loud final burst makes the difference
     * visible in the loudness mean.
     */
    @Test
    void functionalsSummariseEveryFrame() {
        Random random = new Random(5);
        float[] x = new float[8000];
        for (int i = 0; i < x.length; i++) {
            double amplitude = i >= x.length - 700 ? 0.5 : 0.01;
            x[i] = (float) (amplitude * random.nextGaussian());
        }
        int frames = (x.length - 960) / 160 + 1;

        double[] loudnessOs = column(OPENSMILE.extractLowLevel(x, 16000), "pcm_loudness_sma");
        double[] loudnessCorr = column(CORRECTED.extractLowLevel(x, 16000), "pcm_loudness_sma");
        assertEquals(frames, loudnessCorr.length);
        double meanFirst = mean(loudnessOs, frames - 3);
        double meanAll = mean(loudnessCorr, frames);
        assertTrue(meanAll > 1.2 * meanFirst, "the final burst counts only when all frames do");

        double[] os = OPENSMILE.extract(x, 16000);
        double[] corr = CORRECTED.extract(x, 16000);
        assertEquals(meanFirst, feature(os, "pcm_loudness_sma_amean"), 1e-5 * meanFirst);
        assertEquals(meanAll, feature(corr, "pcm_loudness_sma_amean"), 1e-5 * meanAll);
        assertEquals((frames - 1) * 0.01, feature(os, "F0final__Turn_duration"), 1e-6);
        assertEquals(frames * 0.01, feature(corr, "F0final__Turn_duration"), 1e-6);
    }

    private static double mean(double[] values, int n) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += (float) values[i];
        }
        return sum / n;
    }
}
