package io.github.emotion4j.fusion;

import io.github.emotion4j.core.eval.Evaluation;

/**
 * How a fusion (or a single branch) did on a prediction table: the evaluation of the clips it gave a prediction
 * for, and the number of clips where it gave none (every branch with weight abstained). Accuracy and UAR here
 * count those clips as wrong, so that abstaining never looks better than guessing. Immutable value.
 *
 * @param evaluation confusion matrix of the clips with a prediction
 * @param noPrediction clips without a prediction
 * @param accuracy correct predictions over all clips
 * @param unweightedAverageRecall mean over the classes present of (correct of that class / clips of that class)
 */
public record FusionEvaluation(Evaluation evaluation, int noPrediction, double accuracy, double unweightedAverageRecall) {
}
