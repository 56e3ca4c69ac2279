package io.github.emotion4j.audio.features;

import java.util.Arrays;
import java.util.Locale;

/**
 * Throwaway timing harness (not a test): extracts the default features from 60 s of 16 kHz audio built by
 * repeating the reference speech files, and prints the first (cold) call and the best and median of warm
 * calls. Run on one core, e.g. from the module directory after {@code mvn test-compile}:
 * {@code taskset -c 0 java -cp target/classes:target/test-classes:$(cat cp.txt)
 * io.github.emotion4j.audio.features.ShortTermFeaturesSpeed} (cp.txt from
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class ShortTermFeaturesSpeed {

    private ShortTermFeaturesSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int rate = 16000;
        float[] speech1 = ReferenceAudio.readWav("speech1");
        float[] speech2 = ReferenceAudio.readWav("speech2");
        float[] signal = new float[60 * rate];
        for (int filled = 0, part = 0; filled < signal.length; part++) {
            float[] source = part % 2 == 0 ? speech1 : speech2;
            int count = Math.min(source.length, signal.length - filled);
            System.arraycopy(source, 0, signal, filled, count);
            filled += count;
        }
        ShortTermFeatures extractor = ShortTermFeatures.defaults();
        long start = System.nanoTime();
        FeatureMatrix features = extractor.extract(signal, rate);
        double coldMs = (System.nanoTime() - start) / 1e6;
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        double[] warmMs = new double[runs];
        for (int r = 0; r < runs; r++) {
            start = System.nanoTime();
            features = extractor.extract(signal, rate);
            warmMs[r] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(warmMs);
        System.out.printf(Locale.ROOT, "60 s at 16 kHz, %d frames: first call %.1f ms; warm best %.1f ms,"
                + " median %.1f ms over %d calls (real-time factor %.5f)%n", features.frameCount(), coldMs, warmMs[0],
                warmMs[runs / 2], runs, warmMs[runs / 2] / 60000.0);
    }
}
