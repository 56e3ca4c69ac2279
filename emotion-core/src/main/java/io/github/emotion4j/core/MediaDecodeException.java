package io.github.emotion4j.core;

import java.nio.file.Path;

/**
 * A media file could not be decoded: missing, a directory, empty, not a format FFmpeg reads, a still image,
 * truncated, or without any decodable stream. The message names the file and the cause.
 */
public class MediaDecodeException extends EmotionException {

    private static final long serialVersionUID = 1L;

    public MediaDecodeException(Path file, String message) {
        super(file, message, null);
    }

    public MediaDecodeException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
