package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The faces of one labelled clip in time order (one per sampled frame with a face), for stages 2 and 3 of the
 * VGG-LSTM training. Faces may live in memory ({@link #inMemory}) or in files read on demand
 * ({@link FaceCropDataset}), so that a data set larger than memory can be trained on.
 *
 * <p>Implementations are immutable and thread-safe; every image returned is immutable.
 */
public interface FaceClip {

    /** A name for messages (the clip's file or folder). */
    String id();

    /** The clip's emotion. */
    Emotion label();

    /** The number of faces, at least 1. */
    int size();

    /**
     * Face {@code index} (0-based, time order).
     *
     * @throws IOException when a face stored in a file cannot be read (the message names the file)
     */
    Image face(int index) throws IOException;

    /** Every face in order, as a new list; the default reads them one by one with {@link #face}. */
    default List<Image> faces() throws IOException {
        List<Image> all = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            all.add(face(i));
        }
        return all;
    }

    /**
     * A clip over faces already in memory (the list is copied, the images are shared).
     *
     * @throws IllegalArgumentException when {@code faces} is empty
     */
    static FaceClip inMemory(String id, Emotion label, List<Image> faces) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (faces.isEmpty()) {
            throw new IllegalArgumentException("clip " + id + " has no faces");
        }
        List<Image> copy = List.copyOf(faces);
        return new FaceClip() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Emotion label() {
                return label;
            }

            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public Image face(int index) {
                return copy.get(index);
            }

            @Override
            public String toString() {
                return "FaceClip[" + id + ", " + label + ", " + copy.size() + " faces]";
            }
        };
    }
}
