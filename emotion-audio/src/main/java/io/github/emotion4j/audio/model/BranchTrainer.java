package io.github.emotion4j.audio.model;

import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.bundle.SavableBranch;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.train.TrainingListener;

/**
 * Trains one kind of branch ({@code B}) from labelled clips. Implementations hold only their (immutable) options and are
 * thread-safe; each call trains a new branch, which the caller owns and closes.
 */
public interface BranchTrainer<B extends SavableBranch> {

    /**
     * Trains a branch on {@code train}. Clips without audio, or too short for the branch's features, are left out
     * and reported to the listener.
     *
     * @param validation clips to report accuracy on: after every epoch for the networks (through {@link
     *     TrainingListener#epochFinished}; they also keep the parameters of their best validation epoch), once, as a
     *     {@link TrainingListener#note}, for the SVM; {@code null} for none
     * @throws EmotionException when a file cannot be decoded or the data cannot train a model (no usable clip,
     *     a single class)
     */
    B train(Dataset train, Dataset validation, TrainingListener listener) throws EmotionException;

    /** Trains without validation data. */
    default B train(Dataset train, TrainingListener listener) throws EmotionException {
        return train(train, null, listener);
    }
}
