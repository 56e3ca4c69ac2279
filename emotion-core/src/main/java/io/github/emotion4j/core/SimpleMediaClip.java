package io.github.emotion4j.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** The plain {@link MediaClip}: parts given at construction, a per-clip cache. Thread-safe. */
final class SimpleMediaClip implements MediaClip {

    private final Path source;
    private final Duration duration;
    private final AudioTrack audio;
    private final FrameSequence frames;
    private final ConcurrentMap<ClipKey<?>, CompletableFuture<Object>> cache;

    SimpleMediaClip(Path source, Duration duration, AudioTrack audio, FrameSequence frames) {
        this(source, duration, audio, frames, new ConcurrentHashMap<>());
    }

    private SimpleMediaClip(Path source, Duration duration, AudioTrack audio, FrameSequence frames,
            ConcurrentMap<ClipKey<?>, CompletableFuture<Object>> cache) {
        this.source = Objects.requireNonNull(source, "source");
        this.duration = Objects.requireNonNull(duration, "duration");
        this.audio = audio;
        this.frames = frames;
        this.cache = cache;
    }

    /** The same clip (and cache) with other frames: the recognizer's per-branch view of shared frames. */
    SimpleMediaClip withFrames(FrameSequence otherFrames) {
        return new SimpleMediaClip(source, duration, audio, otherFrames, cache);
    }

    @Override
    public Path source() {
        return source;
    }

    @Override
    public Duration duration() {
        return duration;
    }

    @Override
    public Optional<AudioTrack> audio() {
        return Optional.ofNullable(audio);
    }

    @Override
    public Optional<FrameSequence> frames() {
        return Optional.ofNullable(frames);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(ClipKey<T> key, Function<? super MediaClip, ? extends T> computation) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = cache.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                T value = computation.apply(this);
                mine.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                cache.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return (T) existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + key + " of " + source, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public String toString() {
        return "MediaClip[" + source + ", " + duration + ", audio=" + (audio != null) + ", frames=" + (frames != null) + "]";
    }
}
