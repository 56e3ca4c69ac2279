package io.github.emotion4j.core;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A probability for each of the seven {@link Emotion}s, summing to 1.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the top class first, then every score:
 * {@code HAPPINESS {ANGER=0.010, ..., HAPPINESS=0.810, ...}}.
 */
public final class EmotionScores {

    private final double[] probabilities;

    private EmotionScores(double[] probabilities) {
        this.probabilities = probabilities;
    }

    /**
     * Scores from seven non-negative values in {@link Emotion} order, normalised to sum to 1.
     *
     * @throws IllegalArgumentException when there are not exactly 7 values, when one is negative, NaN or
     *     infinite, or when all are zero
     */
    public static EmotionScores of(double... probabilitiesInEmotionOrder) {
        if (probabilitiesInEmotionOrder == null || probabilitiesInEmotionOrder.length != Emotion.COUNT) {
            throw new IllegalArgumentException("expected " + Emotion.COUNT + " probabilities in Emotion order, got "
                    + (probabilitiesInEmotionOrder == null ? "null" : probabilitiesInEmotionOrder.length));
        }
        double sum = 0;
        for (int i = 0; i < Emotion.COUNT; i++) {
            double p = probabilitiesInEmotionOrder[i];
            if (!Double.isFinite(p) || p < 0) {
                throw new IllegalArgumentException("probability of " + Emotion.values()[i] + " must be finite and >= 0, got " + p);
            }
            sum += p;
        }
        if (!(sum > 0) || !Double.isFinite(sum)) {
            throw new IllegalArgumentException("probabilities must not all be zero: " + Arrays.toString(probabilitiesInEmotionOrder));
        }
        double[] normalised = new double[Emotion.COUNT];
        for (int i = 0; i < Emotion.COUNT; i++) {
            normalised[i] = probabilitiesInEmotionOrder[i] / sum;
        }
        return new EmotionScores(normalised);
    }

    /** Scores from single-precision values (network outputs) in {@link Emotion} order; see {@link #of(double...)}. */
    public static EmotionScores ofFloats(float... probabilitiesInEmotionOrder) {
        if (probabilitiesInEmotionOrder == null) {
            throw new IllegalArgumentException("expected " + Emotion.COUNT + " probabilities in Emotion order, got null");
        }
        double[] values = new double[probabilitiesInEmotionOrder.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = probabilitiesInEmotionOrder[i];
        }
        return of(values);
    }

    /** Scores from a map; emotions that are absent count as 0. */
    public static EmotionScores of(Map<Emotion, ? extends Number> probabilities) {
        double[] values = new double[Emotion.COUNT];
        probabilities.forEach((emotion, p) -> values[emotion.ordinal()] = p.doubleValue());
        return of(values);
    }

    /** All probability on one class. */
    public static EmotionScores certain(Emotion emotion) {
        double[] values = new double[Emotion.COUNT];
        values[emotion.ordinal()] = 1;
        return new EmotionScores(values);
    }

    /**
     * The weighted mean of several score sets, renormalised: {@code sum_i w_i s_i / sum_i w_i}.
     *
     * @throws IllegalArgumentException when the lists differ in size, a weight is negative or not finite, or
     *     all weights are zero
     */
    public static EmotionScores weightedMean(List<EmotionScores> scores, List<Double> weights) {
        if (scores.size() != weights.size() || scores.isEmpty()) {
            throw new IllegalArgumentException("need as many weights as score sets (and at least one): "
                    + scores.size() + " scores, " + weights.size() + " weights");
        }
        double[] sum = new double[Emotion.COUNT];
        for (int i = 0; i < scores.size(); i++) {
            double w = weights.get(i);
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("weight must be finite and >= 0, got " + w);
            }
            double[] p = scores.get(i).probabilities;
            for (int k = 0; k < Emotion.COUNT; k++) {
                sum[k] += w * p[k];
            }
        }
        return of(sum);
    }

    /** The probability of one class, in [0, 1]. */
    public double probability(Emotion emotion) {
        return probabilities[emotion.ordinal()];
    }

    /** The most probable class (the earlier one in {@link Emotion} order on a tie). */
    public Emotion top() {
        int best = 0;
        for (int i = 1; i < Emotion.COUNT; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return Emotion.values()[best];
    }

    /** A copy of the probabilities in {@link Emotion} order; the caller owns the array. */
    public double[] toArray() {
        return probabilities.clone();
    }

    /** The probabilities by class, in {@link Emotion} order; an unmodifiable copy. */
    public Map<Emotion, Double> toMap() {
        EnumMap<Emotion, Double> map = new EnumMap<>(Emotion.class);
        for (Emotion e : Emotion.values()) {
            map.put(e, probabilities[e.ordinal()]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** Whether every probability differs from the other's by at most {@code tolerance}. */
    public boolean approximatelyEquals(EmotionScores other, double tolerance) {
        for (int i = 0; i < Emotion.COUNT; i++) {
            if (Math.abs(probabilities[i] - other.probabilities[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmotionScores other && Arrays.equals(probabilities, other.probabilities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(top().name()).append(" {");
        for (Emotion e : Emotion.values()) {
            if (e.ordinal() > 0) {
                sb.append(", ");
            }
            sb.append(e.name()).append('=').append(String.format(Locale.ROOT, "%.3f", probabilities[e.ordinal()]));
        }
        return sb.append('}').toString();
    }
}
