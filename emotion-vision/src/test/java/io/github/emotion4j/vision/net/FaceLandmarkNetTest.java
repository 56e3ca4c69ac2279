package io.github.emotion4j.vision.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.vision.image.Image;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaceLandmarkNetTest {

    private static FaceLandmarkNet net;

    @BeforeAll
    static void load() {
        net = FaceLandmarkNet.load();
    }

    @AfterAll
    static void close() {
        net.close();
    }

    @Test
    void matchesFaceApiOnTheReferenceCropsWithinHalfAPixel() throws Exception {
        Map<String, Reference.Row> table = Reference.table("faceapi_testdata.tsv");
        for (String crop : Reference.CROPS) {
            String[] cells = table.get(crop).values();
            float[] points = net.predict(Reference.crop(crop));
            assertEquals(136, points.length);
            double worst = 0;
            for (int i = 0; i < 68; i++) {
                String[] xy = cells[7 + i].split(",");
                double dx = points[2 * i] - Double.parseDouble(xy[0]);
                double dy = points[2 * i + 1] - Double.parseDouble(xy[1]);
                worst = Math.max(worst, Math.max(Math.abs(dx), Math.abs(dy)));
            }
            assertTrue(worst <= 0.5, crop + ": largest coordinate difference " + worst + " px");
        }
    }

    @Test
    void aBatchGivesWhatSinglePredictionsGive() throws Exception {
        Image grace = Reference.crop("grace112.rgb");
        Image astro = Reference.crop("astro112.rgb");
        List<float[]> batch = net.predictAll(List.of(grace, astro));
        assertArrayEquals(net.predict(grace), batch.get(0), 1e-3f);
        assertArrayEquals(net.predict(astro), batch.get(1), 1e-3f);
    }

    @Test
    void pointsOfANonSquareCropAreInItsOwnCoordinates() throws Exception {
        Image grace = Reference.crop("grace112.rgb");
        // 106 wide, 112 high: 6 columns missing; padding puts 3 left and 3 right
        byte[] rgb = grace.copyPixels();
        byte[] narrow = new byte[106 * 112 * 3];
        byte[] padded = new byte[112 * 112 * 3];
        for (int y = 0; y < 112; y++) {
            System.arraycopy(rgb, (y * 112 + 3) * 3, narrow, y * 106 * 3, 106 * 3);
            System.arraycopy(rgb, (y * 112 + 3) * 3, padded, (y * 112 + 3) * 3, 106 * 3);
        }
        float[] onPadded = net.predict(Image.rgb(112, 112, padded));
        float[] onNarrow = net.predict(Image.rgb(106, 112, narrow));
        for (int i = 0; i < 68; i++) {
            assertEquals(onPadded[2 * i] - 3, onNarrow[2 * i], 1e-3, "x" + i);
            assertEquals(onPadded[2 * i + 1], onNarrow[2 * i + 1], 1e-3, "y" + i);
        }
    }

    @Test
    void scalesPointsBackToTheCropSize() {
        float[] row = new float[136];
        row[0] = 0.5f;
        row[1] = 0.25f;
        float[] wide = FaceLandmarkNet.toCropCoordinates(row, 200, 150);   // 50 rows missing: 25 above
        assertEquals(100f, wide[0], 1e-4);
        assertEquals(25f, wide[1], 1e-4);
        float[] tall = FaceLandmarkNet.toCropCoordinates(row, 147, 150);   // 3 columns missing: round(1.5)=2 right, 1 left
        assertEquals(74f, tall[0], 1e-4);
        assertEquals(37.5f, tall[1], 1e-4);
    }
}
