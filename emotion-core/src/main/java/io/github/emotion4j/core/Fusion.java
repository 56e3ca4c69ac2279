package io.github.emotion4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decision-level fusion rule of emotion4j: the weighted mean of the scores of the branches that did not
 * abstain, renormalised over them ({@code sum_i w_i s_i / sum_i w_i} over non-abstaining branches with
 * {@code w_i > 0}). {@link EmotionRecognizer} fuses with it, and so does the weight search of emotion-fusion,
 * so that searched weights mean the same thing at prediction time. Stateless and thread-safe.
 */
public final class Fusion {

    private Fusion() {
    }

    /**
     * The fused scores, or empty when every branch with a positive weight abstained.
     *
     * @param results one result per branch
     * @param weights one weight per branch, finite and >= 0
     */
    public static Optional<EmotionScores> weightedMean(List<BranchResult> results, List<Double> weights) {
        if (results.size() != weights.size()) {
            throw new IllegalArgumentException(results.size() + " results but " + weights.size() + " weights");
        }
        List<EmotionScores> scores = new ArrayList<>();
        List<Double> used = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            double w = weights.get(i);
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("weight must be finite and >= 0, got " + w);
            }
            if (w > 0 && !results.get(i).abstained()) {
                scores.add(results.get(i).scores().orElseThrow());
                used.add(w);
            }
        }
        return scores.isEmpty() ? Optional.empty() : Optional.of(EmotionScores.weightedMean(scores, used));
    }
}
