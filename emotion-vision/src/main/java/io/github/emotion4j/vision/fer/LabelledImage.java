package io.github.emotion4j.vision.fer;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.vision.image.Image;
import java.util.Objects;

/**
 * A face image with its emotion label (a FER-2013 sample, an aligned face from a clip). Immutable value; the
 * image is immutable too.
 *
 * @param image the face
 * @param label its emotion
 */
public record LabelledImage(Image image, Emotion label) {

    public LabelledImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(label, "label");
    }
}
