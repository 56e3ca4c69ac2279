package io.github.emotion4j.core.bundle;

import io.github.emotion4j.core.EmotionBranch;
import io.github.emotion4j.core.EmotionException;

/**
 * Builds a branch of one type from a bundle: the extension point that lets {@link
 * io.github.emotion4j.core.EmotionRecognizer#load} build branches core does not know. Register an
 * implementation in {@code META-INF/services/io.github.emotion4j.core.bundle.BranchFactory}. Implementations
 * are stateless and thread-safe.
 */
public interface BranchFactory {

    /** The type name this factory loads, as bundles write it (for example {@code "audio-svm"}). */
    String type();

    /**
     * Loads a branch; the caller owns and closes it.
     *
     * @throws EmotionException (typically {@link io.github.emotion4j.core.ModelFormatException}) when the files
     *     do not hold a valid model of this type
     */
    EmotionBranch load(BranchSource source) throws EmotionException;
}
