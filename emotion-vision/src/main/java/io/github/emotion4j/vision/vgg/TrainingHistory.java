package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.eval.Evaluation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one training stage did: every epoch's mean training loss and validation accuracy, which epoch's
 * parameters the network ended with, and the evaluation of those on the validation data. Immutable value.
 *
 * @param stage the stage's name
 * @param epochs one entry per epoch run, in order
 * @param keptEpoch the epoch (1-based) whose parameters the network holds at the end
 * @param validation the final network's evaluation on the validation data, when there was any
 */
public record TrainingHistory(String stage, List<Epoch> epochs, int keptEpoch, Optional<Evaluation> validation) {

    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /**
     * One epoch.
     *
     * @param epoch 1-based
     * @param trainLoss mean training loss over the epoch's batches, as DL4J scores them: the data loss (cross-entropy)
     *     plus the weight-decay penalty
     * @param validationAccuracy accuracy on the validation data in [0, 1], NaN without
     * @param seconds wall time of the epoch, validation included
     */
    public record Epoch(int epoch, double trainLoss, double validationAccuracy, double seconds) {
    }

    /** A Markdown table of the epochs. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("| epoch | train loss | validation accuracy | seconds |\n|---:|---:|---:|---:|\n");
        for (Epoch e : epochs) {
            out.append(String.format(Locale.ROOT, "| %d | %.4f | %s | %.0f |%n", e.epoch(), e.trainLoss(),
                    Double.isNaN(e.validationAccuracy()) ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * e.validationAccuracy()),
                    e.seconds()));
        }
        return out.toString();
    }
}
