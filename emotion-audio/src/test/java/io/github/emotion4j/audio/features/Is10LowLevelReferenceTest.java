package io.github.emotion4j.audio.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the default mode's smoothed low-level descriptors and deltas, frame by frame, with openSMILE
 * 3.0.1's LLD output ({@code NAME.is10_lld.csv}). A cell agrees when it is within
 * {@code 1e-3 |ref| + 1e-4 max|column|}.
 *
 * <p>Every column agrees on at least 99% of the frames. The line spectral pairs, whose values on the pure
 * tones follow openSMILE's single-precision rounding, are also held to an absolute bound: 99% of the
 * frames within 1e-5 rad.
 */
class Is10LowLevelReferenceTest {

    static Stream<String> files() {
        return Is10ReferenceData.FILES.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void contoursAgreeWithOpenSmile(String name) {
        List<String> lines = Is10ReferenceData.lowLevelLines(name);
        double[][] ours = new Is10Extractor().extractLowLevel(Is10ReferenceData.samples(name), 16000);
        int rows = lines.size() - 1;
        assertEquals(rows, ours.length, "one row per analysis frame");
        double[][] ref = new double[rows][];
        for (int t = 0; t < rows; t++) {
            String[] fields = lines.get(t + 1).split(",");
            ref[t] = Arrays.stream(fields, 1, fields.length).mapToDouble(Double::parseDouble).toArray();
            assertEquals(t * 0.01, Double.parseDouble(fields[0]), 1e-9, "frame time");
        }
        List<String> columns = Is10Extractor.lowLevelNames();
        List<String> failures = new ArrayList<>();
        double worstLspError = 0.0;
        for (int c = 0; c < columns.size(); c++) {
            double scale = 0.0;
            for (double[] r : ref) {
                scale = Math.max(scale, Math.abs(r[c]));
            }
            int agreeing = 0;
            double[] errors = new double[rows];
            for (int t = 0; t < rows; t++) {
                errors[t] = Math.abs(ours[t][c] - ref[t][c]);
                if (errors[t] <= 1e-3 * Math.abs(ref[t][c]) + 1e-4 * scale) {
                    agreeing++;
                }
            }
            double fraction = agreeing / (double) rows;
            if (columns.get(c).startsWith("lspFreq")) {
                Arrays.sort(errors);
                double p99 = errors[(int) Math.floor(0.99 * (rows - 1))];
                worstLspError = Math.max(worstLspError, p99);
                if (p99 > 1e-5) {
                    failures.add(String.format(Locale.ROOT, "%s: 99th percentile error %.3g rad", columns.get(c), p99));
                }
            }
            if (fraction < 0.99) {
                failures.add(String.format(Locale.ROOT, "%s: %.3f of frames agree", columns.get(c), fraction));
            }
        }
        System.out.printf(Locale.ROOT, "IS10 LLD %-8s 99th-percentile LSP error %.2g rad%n", name, worstLspError);
        assertTrue(failures.isEmpty(), name + ": " + failures);
    }
}
