package io.github.emotion4j.core;

import java.util.Set;

/**
 * A clip's sampled video frames, decoded lazily: frames are decoded, sampled and dropped as a reader moves
 * on, so a long clip is never held in memory.
 *
 * <p>Thread-safe. Whether {@link #open()} may be called more than once depends on the source: a sequence
 * from {@link FFmpegMediaDecoder} decodes again on each call; the sequence a recognizer hands to each of
 * several frame-reading branches is decoded once for all of them and can be opened once per branch.
 */
public interface FrameSequence {

    /** The grids the frames were sampled on. */
    Set<FrameGrid> grids();

    /**
     * Starts a pass over the frames; the caller owns the reader and must close it.
     *
     * @throws MediaDecodeException when the video cannot be opened
     */
    FrameReader open() throws MediaDecodeException;

    /** Calls {@code visitor} with every frame in time order, closing the reader afterwards. */
    default void forEach(FrameVisitor visitor) throws EmotionException {
        try (FrameReader reader = open()) {
            for (var frame = reader.next(); frame.isPresent(); frame = reader.next()) {
                visitor.visit(frame.get());
            }
        }
    }

    /** Receives frames from {@link #forEach}. */
    @FunctionalInterface
    interface FrameVisitor {
        void visit(VideoFrame frame) throws EmotionException;
    }
}
