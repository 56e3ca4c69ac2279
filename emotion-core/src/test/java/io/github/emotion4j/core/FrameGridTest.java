package io.github.emotion4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FrameGridTest {

    @Test
    void thePapersGridKeepsSevenAndAHalfFramesPerSecond() {
        assertEquals(8 / 60.0, FrameGrid.PAPER.periodSeconds(), 1e-12);
        assertEquals(133_333, FrameGrid.PAPER.instantMicros(1));
        assertEquals(1_066_667, FrameGrid.PAPER.instantMicros(8));
        assertEquals(15, FrameGrid.PAPER.countWithin(Duration.ofSeconds(2)));
        assertEquals(16, FrameGrid.PAPER.countWithin(Duration.ofMillis(2001)));
        assertEquals(0, FrameGrid.PAPER.countWithin(Duration.ZERO));
        assertEquals(75, FrameGrid.PAPER.countWithin(Duration.ofSeconds(10)));
    }

    @Test
    void knowsItsInstants() {
        assertTrue(FrameGrid.PAPER.contains(133_333));
        assertTrue(FrameGrid.PAPER.contains(0));
        assertFalse(FrameGrid.PAPER.contains(100_000));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new FrameGrid(0, 8));
        assertThrows(IllegalArgumentException.class, () -> new FrameGrid(60, 0));
        assertThrows(IllegalArgumentException.class, () -> new FrameGrid(Double.NaN, 8));
    }

    @Test
    void requestsMerge() {
        MediaRequest merged = MediaRequest.audio().and(MediaRequest.frames(60, 8)).and(MediaRequest.frames(60, 8));

        assertTrue(merged.wantsAudio());
        assertEquals(1, merged.grids().size());
        assertFalse(MediaRequest.nothing().wantsAudio() || MediaRequest.nothing().wantsFrames());
    }
}
