package io.github.emotion4j.audio.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's image-like audio maps (section 2.4). The short-term features form a {@code 34 × n} matrix
 * (feature × time). When {@code n} is not a multiple of 17 or is below 34, its last column is repeated up to
 * {@code n'}, the smallest multiple of 17 that is at least {@code max(n, 34)}. The matrix is cut into 34x34 maps
 * with a hop of 17 columns (50 % overlap): {@code (n' − 17) / 17} maps, map {@code k} covering columns
 * {@code 17k … 17k + 33}. A network that reads sequences of 8 maps gets at least 8: when there are fewer, the
 * last map is repeated ({@link #atLeast}).
 *
 * <p>For example n = 16, 33 and 34 give n' = 34 and 1 map; n = 35 and 51 give n' = 51 and 2 maps; n = 200 gives
 * n' = 204 and 11 maps.
 *
 * <p>Maps are {@code float[34][34]} indexed {@code [feature][time]}. Stateless and thread-safe.
 */
public final class AudioMaps {

    /** Height (features) and width (steps) of a map. */
    public static final int SIZE = 34;
    /** Columns between the starts of consecutive maps. */
    public static final int HOP = 17;
    /** The number of maps the paper's Inception-LSTM reads at a time. */
    public static final int SEQUENCE_LENGTH = 8;

    private AudioMaps() {
    }

    /**
     * n': the smallest multiple of 17 that is at least {@code max(n, 34)}.
     *
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public static int paddedLength(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a feature matrix needs at least one column, got " + n);
        }
        int atLeast = Math.max(n, SIZE);
        return (atLeast + HOP - 1) / HOP * HOP;
    }

    /** The number of maps a {@code 34 × n} matrix gives: {@code (n' − 17) / 17}. */
    public static int mapCount(int n) {
        return (paddedLength(n) - HOP) / HOP;
    }

    /**
     * The maps of a feature sequence.
     *
     * @param frames {@code n} rows (time steps) of 34 features; borrowed
     * @return {@link #mapCount mapCount(n)} new maps, each {@code [feature][time]}
     * @throws IllegalArgumentException when there is no row or a row does not hold 34 values
     */
    public static float[][][] build(double[][] frames) {
        int n = frames.length;
        int count = mapCount(n);
        for (double[] row : frames) {
            if (row.length != SIZE) {
                throw new IllegalArgumentException("audio maps need " + SIZE + " features per step, got " + row.length);
            }
        }
        float[][][] maps = new float[count][SIZE][SIZE];
        for (int k = 0; k < count; k++) {
            for (int t = 0; t < SIZE; t++) {
                double[] column = frames[Math.min(k * HOP + t, n - 1)];
                for (int f = 0; f < SIZE; f++) {
                    maps[k][f][t] = (float) column[f];
                }
            }
        }
        return maps;
    }

    /**
     * {@code maps} when there are at least {@code minimum}, otherwise {@code minimum} maps: {@code maps} followed
     * by copies of the last one (the copies share its array).
     *
     * @throws IllegalArgumentException when {@code maps} is empty or {@code minimum < 1}
     */
    public static float[][][] atLeast(float[][][] maps, int minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum number of maps must be >= 1, got " + minimum);
        }
        if (maps.length == 0) {
            throw new IllegalArgumentException("no maps to lengthen");
        }
        float[][][] out = new float[Math.max(maps.length, minimum)][][];
        for (int k = 0; k < out.length; k++) {
            out[k] = maps[Math.min(k, maps.length - 1)];
        }
        return out;
    }

    /**
     * Where the windows of {@code length} consecutive maps start that cover {@code count} maps: 0, length,
     * 2·length, … while a whole window fits, and, when maps remain, a last window ending at the last map (it
     * overlaps the one before). A clip with more maps than one window is scored as the mean of its windows'
     * scores, and trained on every window.
     *
     * @throws IllegalArgumentException when {@code count < length} or {@code length < 1}
     */
    public static List<Integer> windowStarts(int count, int length) {
        if (length < 1 || count < length) {
            throw new IllegalArgumentException("cannot cut " + count + " maps into windows of " + length);
        }
        List<Integer> starts = new ArrayList<>();
        int start = 0;
        for (; start + length <= count; start += length) {
            starts.add(start);
        }
        if (start < count) {
            starts.add(count - length);
        }
        return List.copyOf(starts);
    }
}
