package io.github.emotion4j.audio.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A sequence of feature vectors: one row per analysis frame, one named column per feature, and the start
 * time of every frame in seconds. Produced by {@link ShortTermFeatures#extract}; can also be built from
 * rows with {@link #of}.
 *
 * <p>Immutable and thread-safe. Every accessor that returns an array returns a fresh copy the caller owns;
 * {@link #get} reads one value without copying.
 */
public final class FeatureMatrix {

    private final List<String> names;
    private final double[] frameStarts;
    /** Row-major, frameCount × featureCount. */
    private final double[] values;

    /** Takes ownership of the arrays; the caller guarantees consistent sizes. */
    FeatureMatrix(List<String> names, double[] frameStarts, double[] values) {
        this.names = List.copyOf(names);
        this.frameStarts = frameStarts;
        this.values = values;
    }

    /**
     * A matrix holding copies of the given rows.
     *
     * @param names             column names, unique and non-null; copied
     * @param frameStartSeconds start time of each row in seconds; copied
     * @param rows              {@code rows[frame][feature]}, each row as long as {@code names}; copied
     * @throws IllegalArgumentException if the sizes disagree or a name is repeated
     */
    public static FeatureMatrix of(List<String> names, double[] frameStartSeconds, double[][] rows) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(frameStartSeconds, "frameStartSeconds");
        Objects.requireNonNull(rows, "rows");
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("feature names must be unique: " + names);
        }
        if (frameStartSeconds.length != rows.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + frameStartSeconds.length
                    + " frame start times");
        }
        int width = names.size();
        double[] values = new double[rows.length * width];
        for (int t = 0; t < rows.length; t++) {
            if (rows[t].length != width) {
                throw new IllegalArgumentException("row " + t + " has " + rows[t].length + " values, expected "
                        + width + " (one per name)");
            }
            System.arraycopy(rows[t], 0, values, t * width, width);
        }
        return new FeatureMatrix(names, frameStartSeconds.clone(), values);
    }

    /** Column names in order; unmodifiable. */
    public List<String> names() {
        return names;
    }

    /** The number of columns. */
    public int featureCount() {
        return names.size();
    }

    /** The number of rows (frames). */
    public int frameCount() {
        return frameStarts.length;
    }

    /** The index of the column called {@code name}, or −1 if there is none. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /** Start of frame {@code frame} in seconds from the beginning of the signal. */
    public double frameStartSeconds(int frame) {
        Objects.checkIndex(frame, frameStarts.length);
        return frameStarts[frame];
    }

    /** Start times of all frames in seconds; a copy. */
    public double[] frameStartSeconds() {
        return frameStarts.clone();
    }

    /** One value. */
    public double get(int frame, int feature) {
        Objects.checkIndex(frame, frameStarts.length);
        Objects.checkIndex(feature, names.size());
        return values[frame * names.size() + feature];
    }

    /** One frame's feature vector; a copy. */
    public double[] row(int frame) {
        Objects.checkIndex(frame, frameStarts.length);
        int width = names.size();
        return Arrays.copyOfRange(values, frame * width, (frame + 1) * width);
    }

    /** One feature over all frames; a copy. */
    public double[] column(int feature) {
        Objects.checkIndex(feature, names.size());
        int width = names.size();
        double[] column = new double[frameStarts.length];
        for (int t = 0; t < column.length; t++) {
            column[t] = values[t * width + feature];
        }
        return column;
    }

    /**
     * One feature over all frames, by name; a copy.
     *
     * @throws IllegalArgumentException if no column has that name
     */
    public double[] column(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no feature named '" + name + "'; the features are " + names);
        }
        return column(index);
    }

    /** All values as {@code [frame][feature]}; a copy. */
    public double[][] values() {
        double[][] rows = new double[frameStarts.length][];
        for (int t = 0; t < rows.length; t++) {
            rows[t] = row(t);
        }
        return rows;
    }

    /** All values as {@code [frame][feature]} in single precision (network input); a copy. */
    public float[][] toFloatRows() {
        int width = names.size();
        float[][] rows = new float[frameStarts.length][width];
        for (int t = 0; t < rows.length; t++) {
            for (int f = 0; f < width; f++) {
                rows[t][f] = (float) values[t * width + f];
            }
        }
        return rows;
    }

    /**
     * Writes the matrix as CSV: a header {@code frame_start_s,<names>} and one line per frame, numbers in
     * Java's shortest round-trip form ({@link Double#toString}), lines ending in {@code \n}. Nothing is
     * quoted, so names should not contain commas (the extractor's names do not).
     *
     * @param out where to write; not closed or flushed
     * @throws IOException if {@code out} fails
     */
    public void toCsv(Appendable out) throws IOException {
        out.append("frame_start_s");
        for (String name : names) {
            out.append(',').append(name);
        }
        out.append('\n');
        int width = names.size();
        StringBuilder line = new StringBuilder();
        for (int t = 0; t < frameStarts.length; t++) {
            line.setLength(0);
            line.append(frameStarts[t]);
            for (int f = 0; f < width; f++) {
                line.append(',').append(values[t * width + f]);
            }
            out.append(line).append('\n');
        }
    }

    /** The CSV form of {@link #toCsv(Appendable)} as a string. */
    public String toCsv() {
        StringBuilder text = new StringBuilder();
        try {
            toCsv(text);
        } catch (IOException e) {
            throw new UncheckedIOException("StringBuilder cannot fail", e);
        }
        return text.toString();
    }

    /** Equal when names, frame start times and values are all exactly equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureMatrix that
                && names.equals(that.names)
                && Arrays.equals(frameStarts, that.frameStarts)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, Arrays.hashCode(frameStarts), Arrays.hashCode(values));
    }

    /** A short summary: size and time span, not the values. */
    @Override
    public String toString() {
        if (frameStarts.length == 0) {
            return "FeatureMatrix[" + names.size() + " features x 0 frames]";
        }
        return String.format(Locale.ROOT, "FeatureMatrix[%d features x %d frames, starts %.3f..%.3f s]",
                names.size(), frameStarts.length, frameStarts[0], frameStarts[frameStarts.length - 1]);
    }
}
