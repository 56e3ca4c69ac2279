package io.github.emotion4j.core.dataset;

import io.github.emotion4j.core.Emotion;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A media file with its emotion label and, when the data set says, its speaker or subject (for speaker-
 * independent splits). Immutable value.
 *
 * @param path the file
 * @param label its emotion
 * @param speaker the speaker or subject id, or null when unknown
 */
public record LabelledClip(Path path, Emotion label, String speaker) {

    public LabelledClip {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(label, "label");
    }

    /** A clip without speaker information. */
    public LabelledClip(Path path, Emotion label) {
        this(path, label, null);
    }

    /** The speaker or subject, when known. */
    public Optional<String> speakerId() {
        return Optional.ofNullable(speaker);
    }
}
