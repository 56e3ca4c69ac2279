package io.github.emotion4j.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The checked exception of emotion4j: something about a user's file, model or data prevented a result.
 *
 * <p>Subtypes say what went wrong ({@link MediaDecodeException}, {@link ModelFormatException}, {@link
 * NoPredictionException}, ...); the message always names the file when there is one, and {@link #file()}
 * returns it.
 */
public class EmotionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public EmotionException(String message) {
        this(null, message, null);
    }

    public EmotionException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /** An exception about {@code file}; the message is prefixed with the file name. */
    public EmotionException(Path file, String message, Throwable cause) {
        super(file == null ? message : file + ": " + message, cause);
        this.file = file;
    }

    /** The file this exception is about, when there is one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
