package io.github.emotion4j.vision.vgg;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and on what batches one training stage runs. Immutable value.
 *
 * @param epochs passes over the training data, at least 1
 * @param batchSize faces (stages 1, 2) or face sequences (stage 3) per update, at least 1
 * @param augmentation random changes to training faces
 * @param keepBest with validation data, end with the parameters of the epoch of best validation accuracy
 * @param timeLimit no epoch is started that would, at the pace of the last one, end after this much time from the
 *     stage's start; {@link Duration#ZERO} for no limit
 * @param balancedClasses weight each training example's loss by {@code n / (k n_c)} for its class {@code c} ({@code n}
 *     examples, {@code k} classes present, {@code n_c} of class {@code c}), so that every class counts as much as
 *     the others: for unbalanced data such as FER-2013, where DISGUST is 1.5 % of the faces
 */
public record StageSettings(int epochs, int batchSize, Augmentation augmentation, boolean keepBest, Duration timeLimit,
        boolean balancedClasses) {

    public StageSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("a stage needs at least 1 epoch, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("time limit must not be negative, got " + timeLimit);
        }
    }

    /**
     * {@code epochs} epochs of {@code batchSize}, default augmentation, keeping the best epoch, no time limit, every
     * example weighted alike.
     */
    public static StageSettings of(int epochs, int batchSize) {
        return new StageSettings(epochs, batchSize, Augmentation.DEFAULT, true, Duration.ZERO, false);
    }

    /** These settings with another augmentation. */
    public StageSettings withAugmentation(Augmentation value) {
        return new StageSettings(epochs, batchSize, value, keepBest, timeLimit, balancedClasses);
    }

    /** These settings with a time limit ({@link Duration#ZERO} for none). */
    public StageSettings withTimeLimit(Duration limit) {
        return new StageSettings(epochs, batchSize, augmentation, keepBest, limit, balancedClasses);
    }

    /** These settings keeping, or not, the best epoch's parameters. */
    public StageSettings withKeepBest(boolean keep) {
        return new StageSettings(epochs, batchSize, augmentation, keep, timeLimit, balancedClasses);
    }

    /** These settings with, or without, class-balanced example weights. */
    public StageSettings withBalancedClasses(boolean balanced) {
        return new StageSettings(epochs, batchSize, augmentation, keepBest, timeLimit, balanced);
    }
}
