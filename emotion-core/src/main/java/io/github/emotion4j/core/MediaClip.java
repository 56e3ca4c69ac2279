package io.github.emotion4j.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A decoded clip as branches see it: the source file, its duration, the audio track and the sampled video
 * frames when they were requested and the file has them.
 *
 * <p>Implementations are thread-safe: several branches read one clip at once. {@link #computeIfAbsent}
 * shares work between branches: features that two branches need (the short-term audio features, say) are
 * computed once per clip.
 */
public interface MediaClip {

    /** The file this clip was decoded from. */
    Path source();

    /** The clip's duration (the longest of its streams). */
    Duration duration();

    /** The audio track, resampled to 16 kHz mono; empty when not requested or when the file has no audio. */
    Optional<AudioTrack> audio();

    /** The sampled frames; empty when not requested or when the file has no video. */
    Optional<FrameSequence> frames();

    /**
     * The value for {@code key}, computing it from this clip on first use. Concurrent callers with the same key
     * wait for one computation; an exception thrown by it reaches every caller and nothing is stored.
     */
    <T> T computeIfAbsent(ClipKey<T> key, Function<? super MediaClip, ? extends T> computation);

    /** A clip made of parts already in memory (tests, custom decoders, data sets that ship their own frames). */
    static MediaClip of(Path source, Duration duration, AudioTrack audio, FrameSequence frames) {
        return new SimpleMediaClip(source, duration, audio, frames);
    }

    /**
     * A typed key for {@link #computeIfAbsent}; keys are compared by identity, so share one constant per kind of
     * value (for example {@code static final ClipKey<FeatureMatrix> SHORT_TERM = ClipKey.of("short-term features")}).
     */
    final class ClipKey<T> {
        private final String name;

        private ClipKey(String name) {
            this.name = name;
        }

        public static <T> ClipKey<T> of(String name) {
            return new ClipKey<>(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
