package io.github.emotion4j.audio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AudioMapsTest {

    /**
     * The paper (section 2.4): n' is the closest multiple of 17 larger than n, at least 34; (n' − 17)/17 maps; fewer
     * than 8 are made 8 by repeating the last one.
     */
    @ParameterizedTest(name = "n = {0}: n'' = {1}, {2} maps, {3} after lengthening")
    @CsvSource({
        "16, 34, 1, 8",    // below 34: padded to 34 → (34 − 17)/17 = 1
        "33, 34, 1, 8",
        "34, 34, 1, 8",    // already a multiple of 17 and >= 34
        "35, 51, 2, 8",    // next multiple of 17 → (51 − 17)/17 = 2
        "51, 51, 2, 8",
        "200, 204, 11, 11" // 204 = 12·17 → (204 − 17)/17 = 11, no lengthening needed
    })
    void followsThePapersFormulas(int n, int paddedLength, int maps, int lengthened) {
        assertEquals(paddedLength, AudioMaps.paddedLength(n));
        assertEquals(maps, AudioMaps.mapCount(n));
        float[][][] built = AudioMaps.build(frames(n));
        assertEquals(maps, built.length);
        assertEquals(lengthened, AudioMaps.atLeast(built, 8).length);
    }

    @ParameterizedTest
    @CsvSource({"16", "33", "34", "35", "51", "200"})
    void mapKHoldsColumns17kTo17kPlus33WithTheLastColumnRepeated(int n) {
        double[][] frames = frames(n);
        float[][][] maps = AudioMaps.build(frames);
        for (int k = 0; k < maps.length; k++) {
            assertEquals(34, maps[k].length);
            for (int f = 0; f < 34; f++) {
                assertEquals(34, maps[k][f].length);
                for (int t = 0; t < 34; t++) {
                    int column = Math.min(17 * k + t, n - 1);
                    assertEquals((float) frames[column][f], maps[k][f][t], "map " + k + " feature " + f + " step " + t);
                }
            }
        }
    }

    @Test
    void lengtheningRepeatsTheLastMap() {
        float[][][] maps = AudioMaps.build(frames(51));
        float[][][] eight = AudioMaps.atLeast(maps, 8);
        assertSame(maps[0], eight[0]);
        for (int k = 1; k < 8; k++) {
            assertSame(maps[1], eight[k]);
        }
    }

    @Test
    void windowsOfEightCoverEveryMapOnce_orOverlapAtTheEnd() {
        assertEquals(List.of(0), AudioMaps.windowStarts(8, 8));
        assertEquals(List.of(0, 3), AudioMaps.windowStarts(11, 8));
        assertEquals(List.of(0, 8), AudioMaps.windowStarts(16, 8));
        assertEquals(List.of(0, 8, 9), AudioMaps.windowStarts(17, 8));
        assertThrows(IllegalArgumentException.class, () -> AudioMaps.windowStarts(7, 8));
    }

    @Test
    void refusesEmptyAndMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> AudioMaps.paddedLength(0));
        assertThrows(IllegalArgumentException.class, () -> AudioMaps.build(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> AudioMaps.build(new double[][] {new double[33]}));
        assertThrows(IllegalArgumentException.class, () -> AudioMaps.atLeast(new float[0][][], 8));
    }

    /** n frames whose values say where they are: frame t, feature f holds t + f / 100. */
    private static double[][] frames(int n) {
        double[][] frames = new double[n][34];
        for (int t = 0; t < n; t++) {
            for (int f = 0; f < 34; f++) {
                frames[t][f] = t + f / 100.0;
            }
        }
        return frames;
    }
}
