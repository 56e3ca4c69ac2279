package io.github.emotion4j.core.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.Json;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How well predictions match the truth over the seven classes: the confusion matrix (counts, and row-normalised
 * percentages as in the paper's Tables 1-6), overall accuracy and unweighted average recall (UAR, the mean of
 * the per-class recalls over the classes present in the truth). Immutable and thread-safe; build one with
 * {@link #of} or a {@link Builder}.
 */
public final class Evaluation {

    private static final int N = Emotion.COUNT;

    private final long[][] counts;

    private Evaluation(long[][] counts) {
        this.counts = counts;
    }

    /** The evaluation of paired labels: {@code truth.get(i)} against {@code predicted.get(i)}. */
    public static Evaluation of(List<Emotion> truth, List<Emotion> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException("truth and predictions differ in length: " + truth.size() + " vs " + predicted.size());
        }
        Builder builder = builder();
        for (int i = 0; i < truth.size(); i++) {
            builder.add(truth.get(i), predicted.get(i));
        }
        return builder.build();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of samples of class {@code truth} predicted as {@code predicted}. */
    public long count(Emotion truth, Emotion predicted) {
        return counts[truth.ordinal()][predicted.ordinal()];
    }

    /** A copy of the 7x7 count matrix, rows = truth, columns = prediction, in {@link Emotion} order. */
    public long[][] counts() {
        long[][] copy = new long[N][];
        for (int i = 0; i < N; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** The number of evaluated samples. */
    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long c : row) {
                total += c;
            }
        }
        return total;
    }

    /** The number of samples whose truth is {@code truth}. */
    public long support(Emotion truth) {
        long sum = 0;
        for (long c : counts[truth.ordinal()]) {
            sum += c;
        }
        return sum;
    }

    /** Correct predictions over all samples, in [0, 1] (NaN without samples). */
    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < N; i++) {
            correct += counts[i][i];
        }
        return correct / (double) total();
    }

    /** The recall of one class (NaN when the truth holds none of it). */
    public double recall(Emotion emotion) {
        return counts[emotion.ordinal()][emotion.ordinal()] / (double) support(emotion);
    }

    /** The unweighted average recall over the classes present in the truth, in [0, 1]. */
    public double unweightedAverageRecall() {
        double sum = 0;
        int classes = 0;
        for (Emotion e : Emotion.values()) {
            if (support(e) > 0) {
                sum += recall(e);
                classes++;
            }
        }
        return sum / classes;
    }

    /** Row-normalised percentages: {@code [truth][predicted]}, each non-empty row summing to 100. */
    public double[][] rowPercentages() {
        double[][] percent = new double[N][N];
        for (int i = 0; i < N; i++) {
            long support = support(Emotion.values()[i]);
            for (int j = 0; j < N; j++) {
                percent[i][j] = support == 0 ? 0 : 100.0 * counts[i][j] / support;
            }
        }
        return percent;
    }

    /** The evaluation of both sets of samples together. */
    public Evaluation plus(Evaluation other) {
        long[][] sum = counts();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                sum[i][j] += other.counts[i][j];
            }
        }
        return new Evaluation(sum);
    }

    /**
     * A Markdown table as the paper prints its confusion matrices: row-normalised percentages (rows = truth),
     * then the support of each row, then accuracy and UAR.
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| truth \\ predicted |");
        for (Emotion e : Emotion.values()) {
            sb.append(' ').append(e.abbreviation()).append(" |");
        }
        sb.append(" n |\n|---|");
        sb.append("---:|".repeat(N + 1)).append('\n');
        double[][] percent = rowPercentages();
        for (Emotion truth : Emotion.values()) {
            sb.append("| ").append(truth.abbreviation()).append(" |");
            for (int j = 0; j < N; j++) {
                sb.append(String.format(Locale.ROOT, " %.2f |", percent[truth.ordinal()][j]));
            }
            sb.append(' ').append(support(truth)).append(" |\n");
        }
        sb.append(String.format(Locale.ROOT, "%nAccuracy %.2f %%, unweighted average recall %.2f %% (%d samples).%n",
                100 * accuracy(), 100 * unweightedAverageRecall(), total()));
        return sb.toString();
    }

    /** CSV of the counts: header {@code truth,AN,...,SU}, one row per true class. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("truth");
        for (Emotion e : Emotion.values()) {
            sb.append(',').append(e.name());
        }
        sb.append('\n');
        for (Emotion truth : Emotion.values()) {
            sb.append(truth.name());
            for (long c : counts[truth.ordinal()]) {
                sb.append(',').append(c);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** JSON: classes, counts, row percentages, per-class recall, accuracy, UAR and the number of samples. */
    public ObjectNode toJsonNode() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("samples", total());
        node.put("accuracy", accuracy());
        node.put("unweighted_average_recall", unweightedAverageRecall());
        ArrayNode classes = node.putArray("classes");
        Emotion.all().forEach(e -> classes.add(e.name()));
        ArrayNode countRows = node.putArray("counts");
        ArrayNode percentRows = node.putArray("row_percentages");
        double[][] percent = rowPercentages();
        ObjectNode recalls = node.putObject("recall");
        for (Emotion truth : Emotion.values()) {
            ArrayNode countRow = countRows.addArray();
            ArrayNode percentRow = percentRows.addArray();
            for (int j = 0; j < N; j++) {
                countRow.add(counts[truth.ordinal()][j]);
                percentRow.add(Math.round(percent[truth.ordinal()][j] * 100) / 100.0);
            }
            double recall = recall(truth);
            if (Double.isNaN(recall)) {
                recalls.putNull(truth.name());
            } else {
                recalls.put(truth.name(), recall);
            }
        }
        return node;
    }

    /** {@link #toJsonNode()} as text. */
    public String toJson() {
        return Json.write(toJsonNode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evaluation other && java.util.Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Evaluation[%d samples, accuracy %.2f %%, UAR %.2f %%]", total(),
                100 * accuracy(), 100 * unweightedAverageRecall());
    }

    /** Accumulates (truth, prediction) pairs. Not thread-safe. */
    public static final class Builder {
        private final long[][] counts = new long[N][N];

        private Builder() {
        }

        public Builder add(Emotion truth, Emotion predicted) {
            counts[Objects.requireNonNull(truth, "truth").ordinal()][Objects.requireNonNull(predicted, "predicted").ordinal()]++;
            return this;
        }

        public Evaluation build() {
            long[][] copy = new long[N][];
            for (int i = 0; i < N; i++) {
                copy[i] = counts[i].clone();
            }
            return new Evaluation(copy);
        }
    }
}
