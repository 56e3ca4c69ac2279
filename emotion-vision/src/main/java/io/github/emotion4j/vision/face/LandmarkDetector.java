package io.github.emotion4j.vision.face;

import io.github.emotion4j.vision.image.Image;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The landmarks of several faces at once, in order: {@code faces.get(i)} is a box in {@code images.get(i)}.
     * Network implementations run them as one batch; the default calls {@link #detect(Image, FaceBox)} for each.
     *
     * @throws IllegalArgumentException when the lists differ in length
     */
    default List<FaceLandmarks> detectAll(List<Image> images, List<FaceBox> faces) {
        if (images.size() != faces.size()) {
            throw new IllegalArgumentException(images.size() + " images but " + faces.size() + " face boxes");
        }
        List<FaceLandmarks> out = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            out.add(detect(images.get(i), faces.get(i)));
        }
        return out;
    }

    /** Releases what this detector holds; idempotent. Does nothing unless an implementation says otherwise. */
    @Override
    default void close() {
    }
}
