package io.github.emotion4j.audio.model;

/**
 * The paper's "sequence length converter" (section 2.3): a sequence of feature vectors shorter than the minimum
 * is lengthened by repeating its last vector. Stateless and thread-safe.
 */
public final class SequenceLength {

    /** The paper's minimum number of short-term steps for the audio LSTM. */
    public static final int PAPER_MINIMUM = 16;

    private SequenceLength() {
    }

    /**
     * {@code frames} when it has at least {@code minimum} rows, otherwise a sequence of {@code minimum} rows whose
     * first rows are {@code frames}' and the rest copies of its last row.
     *
     * @param frames the sequence, one row per step; borrowed: the result may share its row arrays
     * @return a sequence of {@code max(frames.length, minimum)} rows; the outer array is new
     * @throws IllegalArgumentException when {@code frames} is empty or {@code minimum < 1}
     */
    public static double[][] atLeast(double[][] frames, int minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum sequence length must be >= 1, got " + minimum);
        }
        if (frames.length == 0) {
            throw new IllegalArgumentException("cannot lengthen an empty sequence");
        }
        double[][] out = new double[Math.max(frames.length, minimum)][];
        for (int t = 0; t < out.length; t++) {
            out[t] = frames[Math.min(t, frames.length - 1)];
        }
        return out;
    }
}
