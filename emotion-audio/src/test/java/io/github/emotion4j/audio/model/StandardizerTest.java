package io.github.emotion4j.audio.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.ModelFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardizerTest {

    @TempDir
    Path temp;

    private static final List<String> NAMES = List.of("a", "b", "constant");

    @Test
    void zScoresWithTheTrainingMeanAndPopulationStandardDeviation() {
        // a: 1, 2, 3 → mean 2, std sqrt(2/3); b: 10, 10, 40 → mean 20, std sqrt(200); constant: std 0 → only centred
        Standardizer s = Standardizer.fit(NAMES, List.of(new double[] {1, 10, 5}, new double[] {2, 10, 5}, new double[] {3, 40, 5}));
        assertArrayEquals(new double[] {(3 - 2) / Math.sqrt(2.0 / 3), (40 - 20) / Math.sqrt(200), 0}, s.apply(new double[] {3, 40, 5}), 1e-12);
        assertArrayEquals(new double[] {0, 0, 2}, s.apply(new double[] {2, 20, 7}), 1e-12);
    }

    @Test
    void writesAndReadsBackBitForBit() throws Exception {
        Standardizer s = Standardizer.fit(NAMES, List.of(new double[] {0.1, 1e-7, 3}, new double[] {0.7, 3e-7, 3}, new double[] {1.0 / 3, 2e-7, 3}));
        Path file = temp.resolve("stats.json");
        s.write(file);
        Standardizer read = Standardizer.read(file, NAMES);
        double[] probe = {0.123456789, 2.5e-7, 4};
        assertArrayEquals(s.apply(probe), read.apply(probe), 0.0);
    }

    @Test
    void refusesStatisticsOfOtherFeaturesAndMalformedFiles() throws Exception {
        Path file = temp.resolve("stats.json");
        Standardizer.fit(NAMES, List.of(new double[] {1, 2, 3}, new double[] {2, 3, 4})).write(file);
        ModelFormatException other = assertThrows(ModelFormatException.class, () -> Standardizer.read(file, List.of("x", "y", "z")));
        assertTrue(other.getMessage().contains(file.toString()), other.getMessage());
        Files.writeString(file, "{\"names\": [\"a\", \"b\", \"constant\"], \"mean\": [1, 2], \"std\": [1, 1, 1]}");
        assertThrows(ModelFormatException.class, () -> Standardizer.read(file, NAMES));
        Files.writeString(file, "{\"names\": [\"a\", \"b\", \"constant\"], \"mean\": [1, 2, 3], \"std\": [1, 0, 1]}");
        assertThrows(ModelFormatException.class, () -> Standardizer.read(file, NAMES));
        Files.writeString(file, "not json");
        assertThrows(ModelFormatException.class, () -> Standardizer.read(file, NAMES));
    }

    @Test
    void refusesNoDataWrongWidthsAndNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(NAMES, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(NAMES, List.of(new double[] {1, 2})));
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(NAMES, List.of(new double[] {1, Double.NaN, 3})));
        Standardizer s = Standardizer.fit(NAMES, List.of(new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> s.apply(new double[] {1}));
        assertEquals(3, s.size());
    }
}
