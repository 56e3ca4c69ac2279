package io.github.emotion4j.audio.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract of {@link Is10Extractor}: names, shapes, input checks, ownership and thread-safety. */
class Is10ExtractorTest {

    private static float[] noise(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.1 * random.nextGaussian());
        }
        return x;
    }

    @Test
    void namesAreOpenSmilesInOrder() {
        List<String> names = Is10Extractor.featureNames();
        assertEquals(Is10Extractor.FEATURE_COUNT, names.size());
        assertEquals(Is10ReferenceData.featureNames("speech1"), names);
        assertThrows(UnsupportedOperationException.class, () -> names.set(0, "x"));
    }

    @Test
    void lowLevelNamesAreTheReferenceColumns() {
        List<String> header = List.of(Is10ReferenceData.lowLevelLines("speech1").get(0).split(","));
        assertEquals(header.subList(1, header.size()), Is10Extractor.lowLevelNames());
        assertThrows(UnsupportedOperationException.class, () -> Is10Extractor.lowLevelNames().add("x"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1120, 1121, 1279, 1280, 16000})
    void oneRowPerAnalysisFrame(int length) {
        float[] x = noise(length, length);
        double[][] lld = new Is10Extractor().extractLowLevel(x, 16000);
        assertEquals((length - 960) / 160 + 1, lld.length);
        assertEquals(76, lld[0].length);
        double[] features = new Is10Extractor().extract(x, 16000);
        assertEquals(1582, features.length);
        int frames = (length - 960) / 160 + 1;
        assertEquals((frames - 1) * 0.01, features[1581], 1e-6, "duration covers all but the last frame");
        for (double v : features) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void staysFiniteOnAwkwardSignals() {
        int n = 8000;
        float[][] signals = new float[5][n];
        for (int i = 0; i < n; i++) {
            signals[1][i] = 0.3f;                                         // DC
            signals[2][i] = (i / 40) % 2 == 0 ? 1.0f : -1.0f;            // full-scale 200 Hz square
            signals[3][i] = i % 133 == 0 ? 1.0f : 0.0f;                  // click train
            signals[4][i] = (float) (1e-6 * Math.sin(2 * Math.PI * 150 * i / 16000.0)); // nearly silent
        }
        for (Is10Extractor.Mode mode : Is10Extractor.Mode.values()) {
            Is10Extractor extractor = new Is10Extractor(mode);
            for (float[] x : signals) {                                  // signals[0] is digital silence
                for (double v : extractor.extract(x, 16000)) {
                    assertTrue(Double.isFinite(v), mode + ": non-finite feature");
                }
            }
        }
    }

    @Test
    void rejectsOtherSampleRates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Is10Extractor().extract(new float[4000], 44100));
        assertTrue(e.getMessage().contains("44100"), e.getMessage());
    }

    @Test
    void rejectsShortInput() {
        AudioTooShortException e = assertThrows(AudioTooShortException.class,
                () -> new Is10Extractor().extract(new float[1119], 16000));
        assertEquals(1119, e.samples());
        assertEquals(1120, e.requiredSamples());
    }

    @Test
    void rejectsNonFiniteSamples() {
        float[] x = noise(2000, 1);
        x[1234] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Is10Extractor().extract(x, 16000));
        assertTrue(e.getMessage().contains("1234"), e.getMessage());
        x[1234] = Float.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> new Is10Extractor(Is10Extractor.Mode.CORRECTED)
                .extractLowLevel(x, 16000));
        assertThrows(NullPointerException.class, () -> new Is10Extractor().extract(null, 16000));
    }

    @Test
    void leavesTheInputAloneAndReturnsFreshArrays() {
        float[] x = noise(8000, 2);
        float[] copy = x.clone();
        Is10Extractor extractor = new Is10Extractor();
        double[] first = extractor.extract(x, 16000);
        assertArrayEquals(copy, x);
        first[0] = Double.NaN;
        double[] second = extractor.extract(x, 16000);
        assertTrue(Double.isFinite(second[0]));
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        Is10Extractor extractor = new Is10Extractor();
        List<float[]> inputs = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            float[] x = noise(6000 + 500 * i, 10 + i);
            inputs.add(x);
            expected.add(extractor.extract(x, 16000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (float[] x : inputs) {
                    results.add(pool.submit(() -> extractor.extract(x, 16000)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertArrayEquals(expected.get(i % inputs.size()), results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void describesItsMode() {
        assertEquals(Is10Extractor.Mode.OPENSMILE_3_0_1, new Is10Extractor().mode());
        assertEquals("Is10Extractor[CORRECTED]", new Is10Extractor(Is10Extractor.Mode.CORRECTED).toString());
        assertThrows(NullPointerException.class, () -> new Is10Extractor(null));
    }
}
