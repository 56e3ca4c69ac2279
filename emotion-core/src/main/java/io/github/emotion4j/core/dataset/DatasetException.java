package io.github.emotion4j.core.dataset;

import io.github.emotion4j.core.EmotionException;
import java.nio.file.Path;

/** A data set cannot be read: a missing folder or file, an unknown label, a malformed line. Names the file. */
public class DatasetException extends EmotionException {

    private static final long serialVersionUID = 1L;

    public DatasetException(Path file, String message) {
        super(file, message, null);
    }

    public DatasetException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
