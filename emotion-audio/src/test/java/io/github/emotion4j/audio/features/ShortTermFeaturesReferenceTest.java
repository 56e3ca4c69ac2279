package io.github.emotion4j.audio.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Compares every column with pyAudioAnalysis ({@code feature_extraction(x, 16000, 1600, 800)}, deltas on)
 * on the six reference files: |ours − ref| ≤ 1e−5·max|ref column| + 1e−9, except the pure tone's MFCC
 * columns, where filter bands hold only FFT round-off and 1e−3 absolute is allowed.
 */
class ShortTermFeaturesReferenceTest {

    static final List<String> FILES = ReferenceAudio.NAMES;

    private static final double RELATIVE_TOLERANCE = 1e-5;
    private static final double ABSOLUTE_FLOOR = 1e-9;
    private static final double PURE_TONE_MFCC_TOLERANCE = 1e-3;
    /** Columns whose values all stay below this (e.g. chroma of a pure tone, ~1e-34) are only noise. */
    private static final double SIGNIFICANT_COLUMN_MAX = 1e-6;

    @ParameterizedTest
    @FieldSource("FILES")
    void matchesPyAudioAnalysis(String file) throws Exception {
        float[] samples = ReferenceAudio.readWav(file);
        ReferenceAudio.Table reference = ReferenceAudio.readCsv(file + ".pyaa.csv");
        FeatureMatrix ours = ShortTermFeatures.builder().deltas(true).build().extract(samples, 16000);

        assertEquals(reference.header(), ours.names(), "column names");
        assertEquals(reference.rows().length, ours.frameCount(), "frame count");

        double worstRelative = 0.0;
        String worstColumn = "";
        double worstToneMfcc = 0.0;
        double worstShareOfTolerance = 0.0;
        for (int c = 0; c < reference.header().size(); c++) {
            String name = reference.header().get(c);
            boolean toneMfcc = file.startsWith("sine") && name.contains("mfcc_");
            double columnMax = 0.0;
            double columnError = 0.0;
            for (int t = 0; t < reference.rows().length; t++) {
                double expected = reference.rows()[t][c];
                double actual = ours.get(t, c);
                columnMax = Math.max(columnMax, Math.abs(expected));
                columnError = Math.max(columnError, Math.abs(actual - expected));
            }
            double tolerance = toneMfcc ? PURE_TONE_MFCC_TOLERANCE : RELATIVE_TOLERANCE * columnMax + ABSOLUTE_FLOOR;
            assertTrue(columnError <= tolerance, String.format(Locale.ROOT,
                    "%s %s: max |ours - ref| = %.3g exceeds %.3g (column max %.3g)", file, name, columnError,
                    tolerance, columnMax));
            worstShareOfTolerance = Math.max(worstShareOfTolerance, columnError / tolerance);
            if (toneMfcc) {
                worstToneMfcc = Math.max(worstToneMfcc, columnError);
            } else if (columnMax > SIGNIFICANT_COLUMN_MAX && columnError / columnMax > worstRelative) {
                worstRelative = columnError / columnMax;
                worstColumn = name;
            }
        }
        System.out.printf(Locale.ROOT, "pyAudioAnalysis %-8s %3d frames: worst |ours - ref| / max|ref column| %.2e"
                        + " (%s)%s; at most %.1f%% of the tolerance used%n",
                file, ours.frameCount(), worstRelative, worstColumn,
                file.startsWith("sine") ? String.format(Locale.ROOT, ", MFCC columns %.2e absolute", worstToneMfcc)
                        : "",
                100 * worstShareOfTolerance);
    }
}
