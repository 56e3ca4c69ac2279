package io.github.emotion4j.audio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.emotion4j.audio.features.FeatureMatrix;
import io.github.emotion4j.core.AudioTrack;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.FrameSequence;
import io.github.emotion4j.core.MediaClip;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ShortTermSequenceTest {

    @Test
    void theLstmAndMapsBranchesComputeTheShortTermFeaturesOncePerClip() throws Exception {
        float[] samples = SyntheticSpeech.utterance(Emotion.HAPPINESS, 2.0, new Random(1));
        CountingClip clip = new CountingClip(MediaClip.of(Path.of("happy.wav"), Duration.ofSeconds(2), AudioTrack.of(16_000, samples), null));
        assertFalse(TrainedModels.lstm().branch().predict(clip).abstained());
        assertFalse(TrainedModels.maps().branch().predict(clip).abstained());
        assertEquals(1, clip.computations.get(), "short-term features computed once for both branches");
        FeatureMatrix features = ShortTermSequence.of(clip).orElseThrow();
        assertEquals(34, features.featureCount());
        assertEquals((32000 - 1600) / 800 + 1, features.frameCount());
        assertEquals(1, clip.computations.get());
    }

    /** A clip that counts the computations it runs for {@link MediaClip#computeIfAbsent}. */
    private static final class CountingClip implements MediaClip {
        private final MediaClip clip;
        final AtomicInteger computations = new AtomicInteger();

        CountingClip(MediaClip clip) {
            this.clip = clip;
        }

        @Override
        public Path source() {
            return clip.source();
        }

        @Override
        public Duration duration() {
            return clip.duration();
        }

        @Override
        public Optional<AudioTrack> audio() {
            return clip.audio();
        }

        @Override
        public Optional<FrameSequence> frames() {
            return clip.frames();
        }

        @Override
        public <T> T computeIfAbsent(ClipKey<T> key, Function<? super MediaClip, ? extends T> computation) {
            return clip.computeIfAbsent(key, c -> {
                computations.incrementAndGet();
                return computation.apply(c);
            });
        }
    }
}
