package io.github.emotion4j.vision.fer;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.dataset.DatasetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * FER-2013 (Goodfellow et al. 2013): 35,887 gray 48x48 faces labelled with seven emotions, the paper's stage-1
 * data. Its label numbers 0..6 are angry, disgust, fear, happy, sad, surprise, neutral; this class maps them to
 * {@link Emotion}, whose order differs. Reads either distribution: the CSV ({@link Fer2013Csv}) or image folders
 * ({@link Fer2013Folders}). Stateless and thread-safe.
 */
public final class Fer2013 {

    /** Side of every FER-2013 image in pixels. */
    public static final int SIZE = 48;

    /** FER-2013 label number → class. */
    private static final List<Emotion> BY_LABEL = List.of(Emotion.ANGER, Emotion.DISGUST, Emotion.FEAR,
            Emotion.HAPPINESS, Emotion.SADNESS, Emotion.SURPRISE, Emotion.NEUTRAL);

    private Fer2013() {
    }

    /**
     * The class of a FER-2013 label number.
     *
     * @throws IllegalArgumentException unless {@code 0 <= label <= 6}
     */
    public static Emotion emotionOf(int label) {
        if (label < 0 || label >= BY_LABEL.size()) {
            throw new IllegalArgumentException("FER-2013 labels are 0..6 (angry, disgust, fear, happy, sad, surprise, "
                    + "neutral), got " + label);
        }
        return BY_LABEL.get(label);
    }

    /** The FER-2013 label number of a class. */
    public static int labelOf(Emotion emotion) {
        return BY_LABEL.indexOf(emotion);
    }

    /**
     * One split of FER-2013 from either distribution: a CSV file ({@code emotion,pixels,Usage}) or a folder
     * holding split folders ({@code train/<class>/*.jpg}, ...).
     *
     * @throws DatasetException when the file or folder is missing or malformed (the message names it)
     */
    public static List<LabelledImage> read(Path csvOrFolder, FerSplit split) throws DatasetException {
        if (Files.isDirectory(csvOrFolder)) {
            return Fer2013Folders.read(csvOrFolder, split);
        }
        return Fer2013Csv.read(csvOrFolder, split);
    }
}
