package io.github.emotion4j.vision.face;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that is missing, truncated or not in the expected format. The message names the file and what was
 * wrong; {@link #file()} gives the file.
 */
public class ModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** An exception for {@code file}; the message becomes {@code "<file>: <problem>"}. */
    public ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** An exception for {@code file} caused by {@code cause}; the message becomes {@code "<file>: <problem>"}. */
    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that could not be loaded. */
    public Path file() {
        return file;
    }
}
