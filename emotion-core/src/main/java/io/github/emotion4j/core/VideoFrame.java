package io.github.emotion4j.core;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One sampled video frame: 8-bit BGR pixels (B, G, R per pixel, row-major, no padding) and two times: the grid
 * instant it was sampled at, and the presentation time of the decoded frame shown at that instant.
 *
 * <p>Immutable and thread-safe; one instance may be shared by several branches. {@link #pixels()} is a
 * read-only view (borrowed, valid for as long as the caller keeps the frame), {@link #copyPixels()} a copy
 * the caller owns.
 */
public final class VideoFrame {

    private final long instantMicros;
    private final long sourceMicros;
    private final int width;
    private final int height;
    private final byte[] bgr;

    /**
     * A frame over {@code bgr}, which this frame takes ownership of (the caller must not change it).
     *
     * @param instantMicros the grid instant, microseconds from the first video frame
     * @param sourceMicros the presentation time of the decoded frame, microseconds from the first video frame
     */
    public VideoFrame(long instantMicros, long sourceMicros, int width, int height, byte[] bgr) {
        if (width <= 0 || height <= 0 || (long) width * height * 3 != bgr.length) {
            throw new IllegalArgumentException("expected " + width + "x" + height + "x3 BGR bytes, got " + bgr.length);
        }
        this.instantMicros = instantMicros;
        this.sourceMicros = sourceMicros;
        this.width = width;
        this.height = height;
        this.bgr = bgr;
    }

    /** The grid instant this frame was sampled at, from the start of the video. */
    public Duration time() {
        return Duration.ofNanos(instantMicros * 1000);
    }

    /** The grid instant in microseconds from the start of the video. */
    public long timeMicros() {
        return instantMicros;
    }

    /** The presentation time of the decoded frame shown at {@link #time()}, in microseconds. */
    public long sourceTimeMicros() {
        return sourceMicros;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The BGR bytes as a read-only buffer positioned at 0 (borrowed, no copy). */
    public ByteBuffer pixels() {
        return ByteBuffer.wrap(bgr).asReadOnlyBuffer();
    }

    /** A copy of the BGR bytes; the caller owns it. */
    public byte[] copyPixels() {
        return bgr.clone();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "VideoFrame[t=%.3fs, %dx%d]", instantMicros / 1e6, width, height);
    }
}
