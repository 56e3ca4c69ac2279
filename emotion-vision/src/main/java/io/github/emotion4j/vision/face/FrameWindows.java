package io.github.emotion4j.vision.face;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cuts a per-frame sequence into fixed-length windows for a sequence model (the paper's VGG-LSTM reads 16 faces,
 * one every 8th frame of the 60 fps grid).
 *
 * <p>The windows are consecutive and do not overlap: items {@code 0..L-1}, {@code L..2L-1}, and so on. The last
 * window, and the only one of a sequence shorter than {@code L}, is padded to {@code L} by repeating its last
 * item; an empty sequence gives no window. So {@code n > 0} items give {@code ceil(n / L)} windows, and every item
 * appears in exactly one of them.
 *
 * <p>Stateless and thread-safe. The windows are unmodifiable lists that hold the caller's items (not copies of
 * them).
 */
public final class FrameWindows {

    /** The paper's sequence length, 16. */
    public static final int PAPER_LENGTH = 16;

    private FrameWindows() {
    }

    /** {@code items} cut into windows of {@link #PAPER_LENGTH}; see the class comment. */
    public static <T> List<List<T>> of(List<T> items) {
        return of(items, PAPER_LENGTH);
    }

    /**
     * {@code items} cut into windows of {@code length}; see the class comment.
     *
     * @throws IllegalArgumentException when {@code length < 1}
     */
    public static <T> List<List<T>> of(List<T> items, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be at least 1, got " + length);
        }
        List<List<T>> windows = new ArrayList<>();
        for (int start = 0; start < items.size(); start += length) {
            List<T> window = new ArrayList<>(items.subList(start, Math.min(items.size(), start + length)));
            T last = window.get(window.size() - 1);
            while (window.size() < length) {
                window.add(last);
            }
            windows.add(Collections.unmodifiableList(window));
        }
        return Collections.unmodifiableList(windows);
    }
}
