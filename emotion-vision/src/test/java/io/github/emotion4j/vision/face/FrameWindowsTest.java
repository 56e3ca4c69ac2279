package io.github.emotion4j.vision.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FrameWindowsTest {

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aShortClipRepeatsItsLastFrame() {
        List<List<Integer>> windows = FrameWindows.of(range(0, 5));
        assertEquals(1, windows.size());
        assertEquals(concat(range(0, 5), Collections.nCopies(11, 4)), windows.get(0));
    }

    @Test
    void exactlySixteenFramesMakeOneWindow() {
        assertEquals(List.of(range(0, 16)), FrameWindows.of(range(0, 16)));
    }

    @Test
    void aLongClipGivesConsecutiveWindowsAndPadsTheLast() {
        List<List<Integer>> windows = FrameWindows.of(range(0, 40));
        assertEquals(3, windows.size());
        assertEquals(range(0, 16), windows.get(0));
        assertEquals(range(16, 32), windows.get(1));
        assertEquals(concat(range(32, 40), Collections.nCopies(8, 39)), windows.get(2));
    }

    @Test
    void seventeenFramesGiveASecondWindowOfTheLastFrame() {
        List<List<Integer>> windows = FrameWindows.of(range(0, 17));
        assertEquals(2, windows.size());
        assertEquals(Collections.nCopies(16, 16), windows.get(1));
    }

    @Test
    void noFramesGiveNoWindow() {
        assertEquals(List.of(), FrameWindows.of(List.of()));
    }

    @Test
    void otherLengthsWork() {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("d", "d", "d")),
                FrameWindows.of(List.of("a", "b", "c", "d"), 3));
    }

    @Test
    void windowsCannotBeChanged() {
        List<List<Integer>> windows = FrameWindows.of(range(0, 3));
        assertThrows(UnsupportedOperationException.class, () -> windows.get(0).set(0, 7));
        assertThrows(UnsupportedOperationException.class, () -> windows.add(List.of()));
    }

    @Test
    void theLengthMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> FrameWindows.of(range(0, 3), 0));
    }
}
