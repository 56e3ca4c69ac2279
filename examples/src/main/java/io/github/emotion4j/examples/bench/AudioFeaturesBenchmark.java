package io.github.emotion4j.examples.bench;

import io.github.emotion4j.audio.features.FeatureMatrix;
import io.github.emotion4j.audio.features.Is10Extractor;
import io.github.emotion4j.audio.features.ShortTermFeatures;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the acoustic feature extractors on 60 s of 16 kHz speech-like audio, single-threaded. Run with the
 * command in BENCHMARKS.md; divide the time by 60 s for the real-time factor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=1"})
public class AudioFeaturesBenchmark {

    private float[] sixtySeconds;
    private final ShortTermFeatures shortTerm = ShortTermFeatures.defaults();
    private final Is10Extractor is10 = new Is10Extractor();

    @Setup
    public void setUp() {
        sixtySeconds = SpeechLikeAudio.generate(60, 42);
    }

    @Benchmark
    public double[] is10Functionals60s() {
        return is10.extract(sixtySeconds, 16_000);
    }

    @Benchmark
    public FeatureMatrix shortTermFeatures60s() {
        return shortTerm.extract(sixtySeconds, 16_000);
    }
}
