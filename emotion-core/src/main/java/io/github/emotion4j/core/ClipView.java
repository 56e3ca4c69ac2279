package io.github.emotion4j.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** A clip as one branch sees it: the shared clip with that branch's own view of the frames. Thread-safe. */
final class ClipView implements MediaClip {

    private final MediaClip clip;
    private final FrameSequence frames;

    ClipView(MediaClip clip, FrameSequence frames) {
        this.clip = clip;
        this.frames = frames;
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
        return Optional.ofNullable(frames);
    }

    @Override
    public <T> T computeIfAbsent(ClipKey<T> key, Function<? super MediaClip, ? extends T> computation) {
        return clip.computeIfAbsent(key, computation);
    }
}
