package io.github.emotion4j.fusion;

/**
 * The outcome of a {@link WeightSearch}: the chosen fusion, how it does on the validation predictions, and how
 * many weight vectors were tried. Immutable value.
 *
 * @param fusion the best weights
 * @param evaluation their accuracy, UAR and confusion matrix on the searched table
 * @param gridPoints the number of weight vectors scored
 */
public record SearchResult(WeightedFusion fusion, FusionEvaluation evaluation, long gridPoints) {
}
