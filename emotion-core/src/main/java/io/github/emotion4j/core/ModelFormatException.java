package io.github.emotion4j.core;

import java.nio.file.Path;

/**
 * A model file or bundle is not usable: missing, truncated, corrupt, tampered with (checksum mismatch), of a
 * newer format version than this library reads, or naming a branch type no module on the classpath provides.
 * The message names the file and what is wrong.
 */
public class ModelFormatException extends EmotionException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(Path file, String message) {
        super(file, message, null);
    }

    public ModelFormatException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
