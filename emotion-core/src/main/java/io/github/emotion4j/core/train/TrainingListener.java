package io.github.emotion4j.core.train;

/**
 * Receives progress from a trainer (SVM grid search, network epochs, multi-stage training), for progress bars
 * and logs. Stages are named by the trainer ("grid search", "stage 1: FER-2013", ...). Every method has an
 * empty default; implementations must be quick and thread-safe (a trainer may report from worker threads).
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** A stage begins; {@code totalSteps} is its number of steps (iterations, grid points), or -1 if unknown. */
    default void stageStarted(String stage, long totalSteps) {
    }

    /** {@code step} of {@code totalSteps} is done; {@code loss} is the latest training loss, or NaN. */
    default void progress(String stage, long step, long totalSteps, double loss) {
    }

    /**
     * An epoch (or a grid point, or another natural unit) has finished, with the training loss and, when a
     * validation set was given, the validation accuracy in [0, 1] (NaN when none).
     */
    default void epochFinished(String stage, int epoch, double trainLoss, double validationAccuracy) {
    }

    /** A free-form message worth showing (chosen hyper-parameters, early stop, ...). */
    default void note(String stage, String message) {
    }

    /** The stage is over. */
    default void stageFinished(String stage) {
    }
}
