package io.github.emotion4j.audio.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShortTermFeaturesTest {

    private static final int RATE = 16000;

    /** A 300 Hz tone with a slow amplitude swell plus white noise: every band holds signal. */
    private static float[] toneInNoise(int length, long seed) {
        Random random = new Random(seed);
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            double swell = 1.0 + 0.5 * Math.sin(2 * Math.PI * 0.7 * i / RATE);
            samples[i] = (float) (0.3 * swell * Math.sin(2 * Math.PI * 300 * i / RATE) + 0.05 * random.nextGaussian());
        }
        return samples;
    }

    private static float[] tone(double hz, int length, int rate) {
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate + 0.3));
        }
        return samples;
    }

    @Test
    void defaultsAreThePapersSettings() {
        ShortTermFeatures defaults = ShortTermFeatures.defaults();
        assertEquals(0.100, defaults.windowSeconds());
        assertEquals(0.050, defaults.stepSeconds());
        assertFalse(defaults.deltas());
        assertEquals(1600, defaults.windowSamples(RATE));
        assertEquals(800, defaults.stepSamples(RATE));
        assertEquals(ShortTermFeatures.featureNames(), defaults.names());
        assertSame(defaults, ShortTermFeatures.defaults());
    }

    @Test
    void namesFollowPyAudioAnalysis() {
        List<String> names = ShortTermFeatures.featureNames();
        assertEquals(34, names.size());
        assertEquals(List.of("zcr", "energy", "energy_entropy", "spectral_centroid", "spectral_spread",
                "spectral_entropy", "spectral_flux", "spectral_rolloff", "mfcc_1"), names.subList(0, 9));
        assertEquals("mfcc_13", names.get(20));
        assertEquals("chroma_1", names.get(21));
        assertEquals("chroma_12", names.get(32));
        assertEquals("chroma_std", names.get(33));
        List<String> withDeltas = ShortTermFeatures.builder().deltas(true).build().names();
        assertEquals(68, withDeltas.size());
        assertEquals(names, withDeltas.subList(0, 34));
        assertEquals("delta zcr", withDeltas.get(34));
        assertEquals("delta chroma_std", withDeltas.get(67));
    }

    @Test
    void inputShorterThanOneWindowIsATypedError() {
        ShortTermFeatures extractor = ShortTermFeatures.defaults();
        AudioTooShortException tooShort = assertThrows(AudioTooShortException.class,
                () -> extractor.extract(new float[1599], RATE));
        assertEquals(1599, tooShort.samples());
        assertEquals(1600, tooShort.requiredSamples());
        assertTrue(tooShort.getMessage().contains("1599"), tooShort.getMessage());
        assertThrows(AudioTooShortException.class, () -> extractor.extract(new float[0], RATE));
        assertEquals(1, extractor.extract(toneInNoise(1600, 1), RATE).frameCount());
    }

    @ParameterizedTest
    @ValueSource(ints = {1600, 1601, 2399, 2400, 2401, 3200, 16000, 48123})
    void frameCountIsFloorOfSamplesMinusWindowOverStepPlusOne(int samples) {
        int expected = Math.floorDiv(samples - 1600, 800) + 1;
        ShortTermFeatures extractor = ShortTermFeatures.defaults();
        assertEquals(expected, extractor.extract(toneInNoise(samples, samples), RATE).frameCount());
        assertEquals(expected, extractor.frameCount(samples, RATE));
        assertEquals(0, extractor.frameCount(1599, RATE));
    }

    @Test
    void frameStartTimesAreMultiplesOfTheStep() {
        FeatureMatrix features = ShortTermFeatures.defaults().extract(toneInNoise(RATE, 2), RATE);
        assertEquals(19, features.frameCount());
        for (int t = 0; t < features.frameCount(); t++) {
            assertEquals(t * 800 / (double) RATE, features.frameStartSeconds(t), "frame " + t);
        }
        assertArrayEquals(new double[] {0.0, 0.05, 0.1}, Arrays.copyOf(features.frameStartSeconds(), 3),
                1e-15);
    }

    @Test
    void windowAndStepAreSettable() {
        ShortTermFeatures extractor = ShortTermFeatures.builder().windowSeconds(0.050).stepSeconds(0.020).build();
        assertEquals(800, extractor.windowSamples(RATE));
        assertEquals(320, extractor.stepSamples(RATE));
        // 0.05 s at 22050 Hz is 1102.5 samples: ties go to even, as Python's round() in pyAudioAnalysis
        assertEquals(1102, ShortTermFeatures.defaults().stepSamples(22050));
        FeatureMatrix features = extractor.extract(tone(1000, RATE, RATE), RATE);
        assertEquals((RATE - 800) / 320 + 1, features.frameCount());
        assertEquals(0.020, features.frameStartSeconds(1), 1e-15);

        // A 1000 Hz tone sits on bin 50 of an 800-sample window; pyAudioAnalysis places bin k at
        // (k + 1)·fs/(2·400), so the centroid is 51/400 of Nyquist (101/800 with the default window).
        double[] centroid = features.column("spectral_centroid");
        for (double value : centroid) {
            assertEquals(51.0 / 400.0, value, 1e-6);
        }
        double defaultCentroid = ShortTermFeatures.defaults().extract(tone(1000, RATE, RATE), RATE)
                .get(0, ShortTermFeatures.SPECTRAL_CENTROID);
        assertEquals(101.0 / 800.0, defaultCentroid, 1e-6);
        // 2000 zero crossings per second
        assertEquals(0.125, features.get(3, ShortTermFeatures.ZCR), 0.002);
    }

    @Test
    void deltasAreDifferencesToThePreviousFrameAndZeroFirst() {
        float[] samples = toneInNoise(3 * RATE, 3);
        FeatureMatrix plain = ShortTermFeatures.defaults().extract(samples, RATE);
        FeatureMatrix withDeltas = ShortTermFeatures.builder().deltas(true).build().extract(samples, RATE);
        assertEquals(plain.frameCount(), withDeltas.frameCount());
        for (int f = 0; f < 34; f++) {
            assertEquals(0.0, withDeltas.get(0, 34 + f), "first-frame delta of " + plain.names().get(f));
        }
        for (int t = 0; t < plain.frameCount(); t++) {
            for (int f = 0; f < 34; f++) {
                assertEquals(plain.get(t, f), withDeltas.get(t, f));
                if (t > 0) {
                    assertEquals(plain.get(t, f) - plain.get(t - 1, f), withDeltas.get(t, 34 + f),
                            "delta " + plain.names().get(f) + " at frame " + t);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(floats = {0.3f, 0.0625f, 2.5f})
    void featuresDoNotDependOnGain(float gain) {
        float[] samples = toneInNoise(2 * RATE, 4);
        float[] scaled = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            scaled[i] = samples[i] * gain;
        }
        FeatureMatrix original = ShortTermFeatures.defaults().extract(samples, RATE);
        FeatureMatrix louder = ShortTermFeatures.defaults().extract(scaled, RATE);
        for (int f = 0; f < original.featureCount(); f++) {
            double[] expected = original.column(f);
            double[] actual = louder.column(f);
            double columnMax = Arrays.stream(expected).map(Math::abs).max().orElse(0);
            for (int t = 0; t < expected.length; t++) {
                assertEquals(expected[t], actual[t], 1e-6 * columnMax + 1e-9,
                        original.names().get(f) + " at frame " + t + ", gain " + gain);
            }
        }
    }

    @Test
    void samplesAreNotModified() {
        float[] samples = toneInNoise(RATE, 5);
        float[] copy = samples.clone();
        ShortTermFeatures.defaults().extract(samples, RATE);
        assertArrayEquals(copy, samples);
    }

    @Test
    void nonFiniteSamplesAreRejectedByIndex() {
        float[] samples = toneInNoise(RATE, 6);
        samples[1234] = Float.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ShortTermFeatures.defaults().extract(samples, RATE));
        assertTrue(nan.getMessage().contains("sample 1234") && nan.getMessage().contains("NaN"), nan.getMessage());
        samples[1234] = Float.NEGATIVE_INFINITY;
        IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class,
                () -> ShortTermFeatures.defaults().extract(samples, RATE));
        assertTrue(infinite.getMessage().contains("Infinity"), infinite.getMessage());
    }

    @Test
    void sampleRateMustBePositive() {
        for (int rate : new int[] {0, -16000}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> ShortTermFeatures.defaults().extract(new float[4000], rate));
            assertTrue(error.getMessage().contains(String.valueOf(rate)), error.getMessage());
        }
        assertThrows(NullPointerException.class, () -> ShortTermFeatures.defaults().extract(null, RATE));
    }

    @Test
    void builderRejectsNonPositiveOrNonFiniteDurations() {
        for (double bad : new double[] {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                    () -> ShortTermFeatures.builder().windowSeconds(bad).build());
            assertTrue(window.getMessage().startsWith("window") && window.getMessage().contains(String.valueOf(bad)),
                    window.getMessage());
            IllegalArgumentException step = assertThrows(IllegalArgumentException.class,
                    () -> ShortTermFeatures.builder().stepSeconds(bad).build());
            assertTrue(step.getMessage().startsWith("step"), step.getMessage());
        }
    }

    @Test
    void windowsTooShortForTheReferenceChromaAreRejected() {
        // 10 ms at 16 kHz: 80 bins, but the chroma map reaches semitone 98
        ShortTermFeatures tiny = ShortTermFeatures.builder().windowSeconds(0.010).stepSeconds(0.005).build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> tiny.extract(new float[RATE], RATE));
        assertTrue(error.getMessage().contains("chroma") && error.getMessage().contains("198 samples"),
                error.getMessage());
        ShortTermFeatures subSample = ShortTermFeatures.builder().stepSeconds(1e-6).build();
        assertThrows(IllegalArgumentException.class, () -> subSample.extract(new float[RATE], RATE));
    }

    @Test
    void digitalSilenceGivesDefinedValues() {
        FeatureMatrix silence = ShortTermFeatures.defaults().extract(new float[RATE], RATE);
        for (double[] row : silence.values()) {
            for (double value : row) {
                assertTrue(Double.isFinite(value), "non-finite value in silence: " + value);
            }
        }
        assertEquals(0.0, silence.get(0, ShortTermFeatures.ZCR));
        assertEquals(0.0, silence.get(0, ShortTermFeatures.ENERGY));
        assertEquals(0.0, silence.get(0, ShortTermFeatures.CHROMA_STD));
        // log10(eps) in every filter: c0 = sqrt(40)·log10(eps)
        assertEquals(Math.sqrt(40) * Math.log10(Math.ulp(1.0)), silence.get(0, ShortTermFeatures.MFCC), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {8000, 22050, 44100, 48000})
    void otherSampleRatesWork(int rate) {
        // 22050 Hz gives an odd 2205-sample window, 44100 Hz 4410 = 2·3²·5·7²
        ShortTermFeatures extractor = ShortTermFeatures.defaults();
        FeatureMatrix features = extractor.extract(tone(1000, rate, rate), rate);
        int window = extractor.windowSamples(rate);
        int step = extractor.stepSamples(rate);
        assertEquals((int) Math.round(0.1 * rate), window);
        assertEquals((rate - window) / step + 1, features.frameCount());
        assertEquals(2000.0 / rate, features.get(5, ShortTermFeatures.ZCR), 0.001);
        // the tone holds almost all the energy, so roll-off lands on its bin: 1000 Hz of fs/2
        assertEquals(1000.0 / (rate / 2.0), features.get(5, ShortTermFeatures.SPECTRAL_ROLLOFF), 2.0 / (0.1 * rate));
        for (double[] row : features.values()) {
            for (double value : row) {
                assertTrue(Double.isFinite(value));
            }
        }
    }

    @Test
    void oneExtractorServesManyThreads() throws Exception {
        ShortTermFeatures extractor = ShortTermFeatures.builder().deltas(true).build();
        List<float[]> signals = new ArrayList<>();
        List<FeatureMatrix> expected = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            signals.add(toneInNoise(2 * RATE + 37 * i, 10 + i));
            expected.add(ShortTermFeatures.builder().deltas(true).build().extract(signals.get(i), RATE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FeatureMatrix>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (float[] signal : signals) {
                    results.add(pool.submit(() -> extractor.extract(signal, RATE)));
                }
            }
            for (int r = 0; r < results.size(); r++) {
                assertEquals(expected.get(r % 4), results.get(r).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toStringShowsTheSettings() {
        assertEquals("ShortTermFeatures[window=0.1s, step=0.05s, deltas=false]",
                ShortTermFeatures.defaults().toString());
    }
}
