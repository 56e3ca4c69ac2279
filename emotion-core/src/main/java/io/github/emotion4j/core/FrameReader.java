package io.github.emotion4j.core;

import java.util.Optional;

/**
 * One pass over a clip's sampled frames, in time order. Owns the decoder it reads from: close it (or read
 * to the end) to release it; {@code close()} is idempotent. Not thread-safe: one reader per thread.
 */
public interface FrameReader extends AutoCloseable {

    /**
     * The next frame, or empty at the end of the clip.
     *
     * @throws MediaDecodeException when the video cannot be decoded further (a damaged file)
     */
    Optional<VideoFrame> next() throws MediaDecodeException;

    @Override
    void close();
}
