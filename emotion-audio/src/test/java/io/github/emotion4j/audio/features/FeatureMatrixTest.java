package io.github.emotion4j.audio.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureMatrixTest {

    private static final List<String> NAMES = List.of("a", "b", "c");

    private static FeatureMatrix sample() {
        return FeatureMatrix.of(NAMES, new double[] {0.0, 0.05},
                new double[][] {{1.0, 2.5, -3.0}, {4.0, 1.0e-20, 0.1}});
    }

    @Test
    void accessorsReadTheValues() {
        FeatureMatrix matrix = sample();
        assertEquals(3, matrix.featureCount());
        assertEquals(2, matrix.frameCount());
        assertEquals(NAMES, matrix.names());
        assertEquals(1, matrix.indexOf("b"));
        assertEquals(-1, matrix.indexOf("z"));
        assertEquals(0.1, matrix.get(1, 2));
        assertArrayEquals(new double[] {4.0, 1.0e-20, 0.1}, matrix.row(1));
        assertArrayEquals(new double[] {2.5, 1.0e-20}, matrix.column(1));
        assertArrayEquals(new double[] {-3.0, 0.1}, matrix.column("c"));
        assertEquals(0.05, matrix.frameStartSeconds(1));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.get(2, 0));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> matrix.column("zcr"));
        assertTrue(unknown.getMessage().contains("zcr"), unknown.getMessage());
    }

    @Test
    void returnedArraysAreCopies() {
        FeatureMatrix matrix = sample();
        matrix.row(0)[0] = 99;
        matrix.column(0)[0] = 99;
        matrix.values()[0][0] = 99;
        matrix.frameStartSeconds()[1] = 99;
        assertEquals(1.0, matrix.get(0, 0));
        assertEquals(0.05, matrix.frameStartSeconds(1));
        assertThrows(UnsupportedOperationException.class, () -> matrix.names().set(0, "x"));
    }

    @Test
    void factoryCopiesAndValidates() {
        double[][] rows = {{1, 2, 3}};
        double[] starts = {0};
        FeatureMatrix matrix = FeatureMatrix.of(NAMES, starts, rows);
        rows[0][0] = 99;
        starts[0] = 99;
        assertEquals(1.0, matrix.get(0, 0));
        assertEquals(0.0, matrix.frameStartSeconds(0));
        assertThrows(IllegalArgumentException.class, () -> FeatureMatrix.of(NAMES, new double[2], rows));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureMatrix.of(NAMES, new double[1], new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureMatrix.of(List.of("a", "a", "c"), new double[1], new double[][] {{1, 2, 3}}));
    }

    @Test
    void floatRowsMatchTheValues() {
        float[][] rows = sample().toFloatRows();
        assertArrayEquals(new float[] {1.0f, 2.5f, -3.0f}, rows[0]);
        assertArrayEquals(new float[] {4.0f, 1.0e-20f, 0.1f}, rows[1]);
    }

    @Test
    void csvHasAHeaderAndRoundTripsEveryValue() throws IOException {
        FeatureMatrix matrix = sample();
        StringBuilder out = new StringBuilder();
        matrix.toCsv(out);
        String[] lines = out.toString().split("\n");
        assertEquals(3, lines.length);
        assertEquals("frame_start_s,a,b,c", lines[0]);
        for (int t = 0; t < 2; t++) {
            double[] parsed = Arrays.stream(lines[t + 1].split(",")).mapToDouble(Double::parseDouble).toArray();
            assertEquals(matrix.frameStartSeconds(t), parsed[0]);
            assertArrayEquals(matrix.row(t), Arrays.copyOfRange(parsed, 1, parsed.length));
        }
        assertEquals(out.toString(), matrix.toCsv());
    }

    @Test
    void equalityIsByContent() {
        assertEquals(sample(), sample());
        assertEquals(sample().hashCode(), sample().hashCode());
        assertNotEquals(sample(), FeatureMatrix.of(NAMES, new double[] {0.0, 0.05},
                new double[][] {{1.0, 2.5, -3.0}, {4.0, 1.0e-20, 0.2}}));
        assertEquals("FeatureMatrix[3 features x 2 frames, starts 0.000..0.050 s]", sample().toString());
    }
}
