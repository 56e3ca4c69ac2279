package io.github.emotion4j.audio.model;

import io.github.emotion4j.audio.features.AudioTooShortException;
import java.util.List;

/**
 * A fixed-length acoustic feature vector describing a whole clip (the input of {@link AudioSvmBranch}): the
 * paper's 1582 openSMILE IS10 functionals ({@link Is10Features}), or the lighter {@link ShortTermStatistics}. Each kind has an {@link #id()} that
 * bundles record, so that a loaded SVM computes the features it was trained on; {@link #forId} finds the
 * kinds this module provides.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ClipFeatures {

    /** A stable identifier written into bundles (for example {@code "is10"}). */
    String id();

    /** The feature names, one per element of {@link #extract}'s result; unmodifiable. */
    List<String> names();

    /**
     * The feature vector of a signal.
     *
     * @param samples mono PCM in [-1, 1]; borrowed: read, never modified or kept
     * @param sampleRate samples per second (16000 for clips decoded by emotion4j)
     * @return {@code names().size()} finite values; owned by the caller
     * @throws AudioTooShortException when the signal is too short for these features
     * @throws IllegalArgumentException when the sample rate is not supported or a sample is not finite
     */
    double[] extract(float[] samples, int sampleRate);

    /**
     * The feature kind with this {@link #id()}.
     *
     * @throws IllegalArgumentException when this module provides no such kind (the message lists those it has)
     */
    static ClipFeatures forId(String id) {
        for (ClipFeatures features : List.of(Is10Features.OPENSMILE, Is10Features.CORRECTED, ShortTermStatistics.INSTANCE)) {
            if (features.id().equals(id)) {
                return features;
            }
        }
        throw new IllegalArgumentException("unknown clip feature set '" + id + "'; known: " + Is10Features.OPENSMILE.id() + ", "
                + Is10Features.CORRECTED.id() + ", " + ShortTermStatistics.ID);
    }
}
