package io.github.emotion4j.core;

import java.nio.file.Path;

/**
 * Turns a media file into a {@link MediaClip} holding what was requested. The default is {@link
 * FFmpegMediaDecoder}; a recognizer can be given another (for example one that reads a data set's own
 * extracted frames). Implementations are thread-safe.
 */
public interface MediaDecoder {

    /**
     * Decodes what {@code request} asks for. Audio is decoded at once; frames are decoded lazily, when a branch
     * reads them.
     *
     * @throws MediaDecodeException when the file is missing, unreadable, not media, a still image, truncated
     *     or holds no decodable stream
     */
    MediaClip decode(Path media, MediaRequest request) throws MediaDecodeException;

    /**
     * What the file holds, from its headers (nothing is decoded).
     *
     * @throws MediaDecodeException as {@link #decode}
     */
    MediaInfo inspect(Path media) throws MediaDecodeException;
}
