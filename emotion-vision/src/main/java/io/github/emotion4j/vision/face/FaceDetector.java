package io.github.emotion4j.vision.face;

import io.github.emotion4j.vision.image.Image;
import java.util.List;

/**
 * Finds faces in an image.
 *
 * <p>Implementations state whether they are thread-safe. An implementation that holds native memory releases it in
 * {@link #close()}, which must be idempotent; the default {@code close()} does nothing. The image is only read.
 */
public interface FaceDetector extends AutoCloseable {

    /**
     * Every face found in {@code image}, largest first (ties: top-most, then left-most); an empty list when there is
     * none. The list is unmodifiable and owned by the caller.
     *
     * @param image a gray or RGB image, only read
     */
    List<FaceBox> detect(Image image);

    /** Releases what this detector holds; idempotent. Does nothing unless an implementation says otherwise. */
    @Override
    default void close() {
    }
}
