package io.github.emotion4j.core;

import java.time.Duration;

/**
 * Sample instants of a video: the instants {@code k / gridFps} seconds of a regular grid (60 fps in the
 * paper, whatever the clip's own frame rate), keeping every {@code gap}-th (8 in the paper). The frame
 * sampled at an instant is the frame a player shows then. Immutable value.
 *
 * @param gridFps the grid's rate in instants per second, positive
 * @param gap keep every gap-th instant, at least 1
 */
public record FrameGrid(double gridFps, int gap) {

    /** The paper's sampling: a 60 fps grid, every 8th instant (7.5 frames per second). */
    public static final FrameGrid PAPER = new FrameGrid(60, 8);

    public FrameGrid {
        if (!Double.isFinite(gridFps) || gridFps <= 0) {
            throw new IllegalArgumentException("grid rate must be a positive number of frames per second, got " + gridFps);
        }
        if (gap < 1) {
            throw new IllegalArgumentException("frame gap must be at least 1, got " + gap);
        }
    }

    /** Seconds between two kept instants: gap / gridFps. */
    public double periodSeconds() {
        return gap / gridFps;
    }

    /** The k-th kept instant in microseconds from the start of the video. */
    public long instantMicros(long k) {
        return Math.round(k * gap * 1_000_000.0 / gridFps);
    }

    /** How many kept instants lie before {@code duration}: the number of frames a clip that long yields. */
    public long countWithin(Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        long count = (long) Math.ceil(seconds / periodSeconds() - 1e-9);
        return Math.max(0, count);
    }

    /** Whether an instant (microseconds from the start) is one of this grid's kept instants (within 2 µs). */
    public boolean contains(long micros) {
        double k = micros * gridFps / (gap * 1_000_000.0);
        long nearest = Math.round(k);
        return nearest >= 0 && Math.abs(instantMicros(nearest) - micros) <= 2;
    }
}
