package io.github.emotion4j.audio.features;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Throughput harness (a main program, not a test): IS10 over 60 s of speech-like audio built from the two
 * reference speech files, repeated after a warm-up; prints wall and thread CPU time per run.
 *
 * <pre>
 * mvn -q -o -pl emotion-audio test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Demotion4j.shared=/work/shared -cp emotion-audio/target/classes:emotion-audio/target/test-classes:$(cat cp.txt) \
 *     io.github.emotion4j.audio.features.Is10Benchmark 15
 * </pre>
 */
public final class Is10Benchmark {

    private Is10Benchmark() {
    }

    public static void main(String[] args) {
        float[] a = Is10ReferenceData.samples("speech1");
        float[] b = Is10ReferenceData.samples("speech2");
        float[] x = new float[60 * 16000];
        for (int p = 0, k = 0; p < x.length; k++) {
            float[] s = k % 2 == 0 ? a : b;
            int n = Math.min(s.length, x.length - p);
            System.arraycopy(s, 0, x, p, n);
            p += n;
        }
        Is10Extractor extractor = new Is10Extractor();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        double best = Double.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            double[] features = extractor.extract(x, 16000);
            long wall1 = System.nanoTime();
            long cpu1 = threads.getCurrentThreadCpuTime();
            best = Math.min(best, (wall1 - wall0) / 1e9);
            System.out.printf(Locale.ROOT, "run %2d: wall %.3f s, cpu %.3f s (%d features)%n", run,
                    (wall1 - wall0) / 1e9, (cpu1 - cpu0) / 1e9, features.length);
        }
        System.out.printf(Locale.ROOT, "best wall time for 60 s of audio: %.3f s%n", best);
    }
}
