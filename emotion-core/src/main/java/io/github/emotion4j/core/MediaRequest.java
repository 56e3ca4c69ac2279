package io.github.emotion4j.core;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a branch needs decoded from a clip: the audio track (16 kHz mono float PCM), video frames on one or
 * more {@link FrameGrid}s, or both. The recognizer merges its branches' requests with {@link #and} and
 * decodes each clip once for all of them. Immutable value.
 */
public final class MediaRequest {

    private static final MediaRequest NOTHING = new MediaRequest(false, Set.of());
    private static final MediaRequest AUDIO = new MediaRequest(true, Set.of());

    private final boolean audio;
    private final Set<FrameGrid> grids;

    private MediaRequest(boolean audio, Set<FrameGrid> grids) {
        this.audio = audio;
        this.grids = grids;
    }

    /** Nothing to decode (a branch that reads the file itself, or a test branch). */
    public static MediaRequest nothing() {
        return NOTHING;
    }

    /** The audio track, resampled to 16 kHz mono float PCM. */
    public static MediaRequest audio() {
        return AUDIO;
    }

    /** Every {@code gap}-th instant of a {@code gridFps} grid; see {@link FrameGrid}. */
    public static MediaRequest frames(double gridFps, int gap) {
        return frames(new FrameGrid(gridFps, gap));
    }

    /** Video frames on the given grid. */
    public static MediaRequest frames(FrameGrid grid) {
        return new MediaRequest(false, Set.of(grid));
    }

    /** Everything this request and {@code other} ask for. */
    public MediaRequest and(MediaRequest other) {
        Set<FrameGrid> union = new LinkedHashSet<>(grids);
        union.addAll(other.grids);
        return new MediaRequest(audio || other.audio, Set.copyOf(union));
    }

    /** Whether the audio track is requested. */
    public boolean wantsAudio() {
        return audio;
    }

    /** Whether video frames are requested. */
    public boolean wantsFrames() {
        return !grids.isEmpty();
    }

    /** The requested frame grids (empty when no frames are requested). */
    public Set<FrameGrid> grids() {
        return grids;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaRequest other && audio == other.audio && grids.equals(other.grids);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(audio) * 31 + grids.hashCode();
    }

    @Override
    public String toString() {
        return "MediaRequest[audio=" + audio + ", frames=" + grids + "]";
    }
}
