package io.github.emotion4j.vision.face;

import io.github.emotion4j.vision.image.Image;

/**
 * Finds the 68 iBUG landmarks of one face, given the image and a box around the face (usually from a
 * {@link FaceDetector}).
 *
 * <p>Implementations state whether they are thread-safe. An implementation that holds native memory or files
 * releases them in {@link #close()}, which must be idempotent; the default {@code close()} does nothing. The image is
 * only read.
 */
public interface LandmarkDetector extends AutoCloseable {

    /**
     * The landmarks of the face in {@code face}, in {@code image}'s pixel coordinates.
     *
     * @param image a gray or RGB image, only read
     * @param face the face's box in {@code image}; it may reach past the image's edges
     */
    FaceLandmarks detect(Image image, FaceBox face);

    /** Releases what this detector holds; idempotent. Does nothing unless an implementation says otherwise. */
    @Override
    default void close() {
    }
}
