package io.github.emotion4j.fusion;

import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.Fusion;
import io.github.emotion4j.core.eval.Evaluation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decision-level fusion with a weight per branch: the weighted mean of the scores of the branches that did not
 * abstain, renormalised over them ({@link Fusion#weightedMean}, the rule {@link
 * io.github.emotion4j.core.EmotionRecognizer} applies). Immutable and thread-safe.
 */
public final class WeightedFusion {

    private final Map<String, Double> weights;

    /**
     * @param weights weight per branch name, finite and >= 0, at least one positive; iteration order is kept
     */
    public WeightedFusion(Map<String, Double> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("no branch weights");
        }
        weights.forEach((name, w) -> {
            if (w == null || !Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("weight of branch '" + name + "' must be finite and >= 0, got " + w);
            }
        });
        if (weights.values().stream().allMatch(w -> w == 0)) {
            throw new IllegalArgumentException("at least one weight must be positive: " + weights);
        }
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** The weights by branch name. */
    public Map<String, Double> weights() {
        return weights;
    }

    /**
     * The fused scores of one clip's branch results, or empty when every weighted branch abstained. Branches
     * without a weight are ignored.
     */
    public Optional<EmotionScores> fuse(Map<String, BranchResult> results) {
        List<BranchResult> used = new ArrayList<>();
        List<Double> usedWeights = new ArrayList<>();
        weights.forEach((name, w) -> {
            BranchResult r = results.get(name);
            if (r != null) {
                used.add(r);
                usedWeights.add(w);
            }
        });
        return used.isEmpty() ? Optional.empty() : Fusion.weightedMean(used, usedWeights);
    }

    /** This fusion applied to every clip of a table. */
    public FusionEvaluation evaluate(PredictionTable table) {
        List<Double> w = new ArrayList<>();
        for (String branch : table.branches()) {
            w.add(weights.getOrDefault(branch, 0.0));
        }
        Evaluation.Builder evaluation = Evaluation.builder();
        Map<Emotion, Integer> support = new EnumMap<>(Emotion.class);
        Map<Emotion, Integer> correct = new EnumMap<>(Emotion.class);
        int none = 0;
        int right = 0;
        for (int c = 0; c < table.size(); c++) {
            Emotion truth = table.truth().get(c);
            support.merge(truth, 1, Integer::sum);
            Optional<EmotionScores> fused = Fusion.weightedMean(table.clipResults(c), w);
            if (fused.isEmpty()) {
                none++;
                continue;
            }
            Emotion top = fused.get().top();
            evaluation.add(truth, top);
            if (top == truth) {
                right++;
                correct.merge(truth, 1, Integer::sum);
            }
        }
        double uar = support.entrySet().stream()
                .mapToDouble(e -> correct.getOrDefault(e.getKey(), 0) / (double) e.getValue()).average().orElse(Double.NaN);
        return new FusionEvaluation(evaluation.build(), none, right / (double) table.size(), uar);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("WeightedFusion{");
        weights.forEach((n, w) -> sb.append(sb.length() > 15 ? ", " : "").append(n).append('=')
                .append(String.format(Locale.ROOT, "%.3f", w)));
        return sb.append('}').toString();
    }
}
