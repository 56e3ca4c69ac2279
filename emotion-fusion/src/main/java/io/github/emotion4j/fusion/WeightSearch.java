package io.github.emotion4j.fusion;

import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.Emotion;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's grid search of fusion weights: every weight vector on the simplex with the given step (weights
 * {@code k_i * step}, {@code k_i >= 0}, summing to 1) is scored on a {@link PredictionTable} of validation
 * predictions; the best by accuracy wins, ties broken by unweighted average recall, then by the more even
 * weights (higher entropy), then by enumeration order. Branch predictions are computed once, in the table; the
 * search only re-weights them, with exactly the arithmetic of {@link WeightedFusion}. Immutable and
 * thread-safe.
 */
public final class WeightSearch {

    private final int divisions;

    private WeightSearch(int divisions) {
        this.divisions = divisions;
    }

    /**
     * A search with weights in multiples of {@code step} (for example 0.05 → 21 values per branch).
     *
     * @throws IllegalArgumentException unless 0 &lt; step &lt;= 1 and 1/step is a whole number
     */
    public static WeightSearch withStep(double step) {
        if (!(step > 0) || step > 1) {
            throw new IllegalArgumentException("step must be in (0, 1], got " + step);
        }
        double divisions = 1 / step;
        long rounded = Math.round(divisions);
        if (Math.abs(divisions - rounded) > 1e-9 * divisions) {
            throw new IllegalArgumentException("1/step must be a whole number (0.1, 0.05, 0.025, ...), got step " + step);
        }
        return new WeightSearch((int) rounded);
    }

    /** The step between weight values. */
    public double step() {
        return 1.0 / divisions;
    }

    /** The number of weight vectors searched for {@code branches} branches: C(1/step + branches − 1, branches − 1). */
    public long gridSize(int branches) {
        long result = 1;
        for (int i = 1; i < branches; i++) {
            result = result * (divisions + i) / i;
        }
        return result;
    }

    /** The best weights on {@code table} and how they do. */
    public SearchResult search(PredictionTable table) {
        int branches = table.branches().size();
        int clips = table.size();
        double[][][] scores = new double[branches][clips][];
        for (int b = 0; b < branches; b++) {
            for (int c = 0; c < clips; c++) {
                BranchResult r = table.result(b, c);
                scores[b][c] = r.abstained() ? null : r.scores().orElseThrow().toArray();
            }
        }
        int[] truth = table.truth().stream().mapToInt(Emotion::ordinal).toArray();
        int[] support = new int[Emotion.COUNT];
        for (int t : truth) {
            support[t]++;
        }
        Best best = new Best();
        int[] k = new int[branches];
        enumerate(k, 0, divisions, () -> best.offer(k, score(k, scores, truth, support)));
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int b = 0; b < branches; b++) {
            weights.put(table.branches().get(b), best.k[b] / (double) divisions);
        }
        WeightedFusion fusion = new WeightedFusion(weights);
        return new SearchResult(fusion, fusion.evaluate(table), gridSize(branches));
    }

    private static void enumerate(int[] k, int index, int remaining, Runnable visit) {
        if (index == k.length - 1) {
            k[index] = remaining;
            visit.run();
            return;
        }
        for (int v = remaining; v >= 0; v--) {
            k[index] = v;
            enumerate(k, index + 1, remaining - v, visit);
        }
    }

    /** {accuracy, UAR} of one weight vector (clips without a prediction count as wrong). */
    private double[] score(int[] k, double[][][] scores, int[] truth, int[] support) {
        int[] correctByClass = new int[Emotion.COUNT];
        int correct = 0;
        double[] sum = new double[Emotion.COUNT];
        for (int c = 0; c < truth.length; c++) {
            java.util.Arrays.fill(sum, 0);
            boolean any = false;
            for (int b = 0; b < k.length; b++) {
                double[] p = scores[b][c];
                if (k[b] == 0 || p == null) {
                    continue;
                }
                double w = k[b] / (double) divisions;
                for (int e = 0; e < Emotion.COUNT; e++) {
                    sum[e] += w * p[e];
                }
                any = true;
            }
            if (!any) {
                continue;
            }
            double total = 0;
            for (double v : sum) {
                total += v;
            }
            int top = 0;
            for (int e = 1; e < Emotion.COUNT; e++) {
                if (sum[e] / total > sum[top] / total) {
                    top = e;
                }
            }
            if (top == truth[c]) {
                correct++;
                correctByClass[top]++;
            }
        }
        double recall = 0;
        int classes = 0;
        for (int e = 0; e < Emotion.COUNT; e++) {
            if (support[e] > 0) {
                recall += correctByClass[e] / (double) support[e];
                classes++;
            }
        }
        return new double[] {correct / (double) truth.length, recall / classes};
    }

    private static double entropy(int[] k) {
        int total = 0;
        for (int v : k) {
            total += v;
        }
        double h = 0;
        for (int v : k) {
            if (v > 0) {
                double p = v / (double) total;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /** The best weight vector seen so far. */
    private static final class Best {
        int[] k;
        double accuracy = -1;
        double uar = -1;
        double evenness = -1;

        void offer(int[] candidate, double[] score) {
            double even = entropy(candidate);
            boolean better = score[0] > accuracy + 1e-12
                    || (Math.abs(score[0] - accuracy) <= 1e-12 && (score[1] > uar + 1e-12
                    || (Math.abs(score[1] - uar) <= 1e-12 && even > evenness + 1e-12)));
            if (better) {
                k = candidate.clone();
                accuracy = score[0];
                uar = score[1];
                evenness = even;
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WeightSearch[step %.4f]", step());
    }
}
