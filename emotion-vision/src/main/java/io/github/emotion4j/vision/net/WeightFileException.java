package io.github.emotion4j.vision.net;

/**
 * A network weight file that cannot be used: missing, truncated, not in the {@link WeightFile} format, not
 * matching its recorded SHA-256, or not fitting the network it is loaded into. The message names the file and
 * what is wrong.
 *
 * <p>Unchecked: the embedded weights ship inside the library jar, so a failure means a broken or tampered
 * installation rather than a condition a caller can recover from.
 */
public class WeightFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WeightFileException(String message) {
        super(message);
    }

    public WeightFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
