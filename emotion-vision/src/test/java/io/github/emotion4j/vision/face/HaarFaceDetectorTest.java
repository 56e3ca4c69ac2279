package io.github.emotion4j.vision.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.vision.image.Image;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HaarFaceDetectorTest {

    private static HaarFaceDetector detector;

    @BeforeAll
    static void create() {
        detector = HaarFaceDetector.create();
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestImages.GRACE_HOPPER, TestImages.ASTRONAUT})
    void findsTheFaceDlibFound(String file) {
        FaceBox reference = TestImages.dlibReference(file).box();

        List<FaceBox> faces = detector.detect(TestImages.load(file));

        assertFalse(faces.isEmpty(), file + ": no face found");
        double iou = faces.get(0).iou(reference);
        assertTrue(iou > 0.5, file + ": largest face " + faces.get(0) + " overlaps dlib's " + reference
                + " with IoU " + iou);
    }

    @ParameterizedTest
    @EnumSource(HaarFaceDetector.Cascade.class)
    void everyCascadeLoadsAndFindsGraceHopper(HaarFaceDetector.Cascade cascade) {
        try (HaarFaceDetector d = HaarFaceDetector.builder().cascade(cascade).build()) {
            List<FaceBox> faces = d.detect(TestImages.load(TestImages.GRACE_HOPPER));
            assertFalse(faces.isEmpty(), cascade + " found nothing");
            assertTrue(faces.get(0).iou(TestImages.dlibReference(TestImages.GRACE_HOPPER).box()) > 0.5);
        }
    }

    /** Noise, gradients, circles and rectangles: nothing a face detector should answer to. */
    static Image faceFreeImage(long seed) {
        Random random = new Random(seed);
        BufferedImage canvas = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = canvas.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.DARK_GRAY, 640, 480, Color.ORANGE));
        g.fillRect(0, 0, 640, 480);
        for (int i = 0; i < 25; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            int x = random.nextInt(600);
            int y = random.nextInt(440);
            int s = 20 + random.nextInt(150);
            if (i % 2 == 0) {
                g.fillOval(x, y, s, s);
            } else {
                g.fillRect(x, y, s, s / 2);
            }
        }
        g.dispose();
        Image shapes = Image.fromBufferedImage(canvas);
        byte[] rgb = shapes.copyPixels();
        for (int i = 0; i < rgb.length; i++) {
            int v = (rgb[i] & 0xff) + (int) Math.round(random.nextGaussian() * 12);
            rgb[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return Image.rgb(640, 480, rgb);
    }

    @Test
    void findsNothingWhereThereIsNoFace() {
        for (long seed = 1; seed <= 3; seed++) {
            assertEquals(List.of(), detector.detect(faceFreeImage(seed)), "seed " + seed);
        }
        assertEquals(List.of(), detector.detect(Image.gray(320, 240, new byte[320 * 240])), "black image");
        assertEquals(List.of(), detector.detect(Image.gray(8, 6, new byte[48])), "image smaller than the cascade");
    }

    @Test
    void facesComeLargestFirst() {
        // Two copies of the astronaut's face side by side, one at half size.
        Image astronaut = TestImages.load(TestImages.ASTRONAUT);
        BufferedImage src = TestImages.toBufferedImage(astronaut);
        BufferedImage canvas = new BufferedImage(900, 512, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = canvas.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 900, 512);
        g.drawImage(src, 0, 0, 512, 512, null);
        g.drawImage(src, 560, 100, 256, 256, null);
        g.dispose();

        List<FaceBox> faces = detector.detect(Image.fromBufferedImage(canvas));

        assertTrue(faces.size() >= 2, "expected both faces, got " + faces);
        for (int i = 1; i < faces.size(); i++) {
            assertTrue(faces.get(i - 1).area() >= faces.get(i).area(), "not largest first: " + faces);
        }
        assertTrue(faces.get(0).centerX() < 512, "the large face is on the left: " + faces);
        assertTrue(faces.get(1).centerX() > 560, "the small face is on the right: " + faces);
    }

    @Test
    void theMinimumFaceSizeSkipsSmallerFaces() {
        Image astronaut = TestImages.load(TestImages.ASTRONAUT);
        FaceBox face = TestImages.dlibReference(TestImages.ASTRONAUT).box(); // about 88 px wide
        try (HaarFaceDetector large = HaarFaceDetector.builder().minFaceSize(200).build()) {
            assertEquals(List.of(), large.detect(astronaut), "faces of " + face.width() + " px are below 200");
        }
    }

    @Test
    void settingsAreValidated() {
        HaarFaceDetector.Builder builder = HaarFaceDetector.builder();
        assertThrows(IllegalArgumentException.class, () -> builder.minFaceSize(0));
        assertThrows(IllegalArgumentException.class, () -> builder.scaleStep(1.0));
        assertThrows(IllegalArgumentException.class, () -> builder.scaleStep(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> builder.scaleStep(2.5));
        assertThrows(IllegalArgumentException.class, () -> builder.minNeighbors(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.cascade(null));
        HaarFaceDetector built = builder.minFaceSize(50).scaleStep(1.2).minNeighbors(2).build();
        built.close();
        assertEquals(50, built.minFaceSize());
        assertEquals(1.2, built.scaleStep());
        assertEquals(2, built.minNeighbors());
    }

    @Test
    void closeIsIdempotentAndDetectAfterItFails() {
        HaarFaceDetector d = HaarFaceDetector.create();
        d.close();
        d.close();
        assertThrows(IllegalStateException.class, () -> d.detect(faceFreeImage(1)));
    }

    @Test
    void concurrentCallsGiveTheSameAnswers() throws Exception {
        Image grace = TestImages.load(TestImages.GRACE_HOPPER);
        Image astronaut = TestImages.load(TestImages.ASTRONAUT);
        List<FaceBox> expectedGrace = detector.detect(grace);
        List<FaceBox> expectedAstronaut = detector.detect(astronaut);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                boolean even = i % 2 == 0;
                results.add(pool.submit(() -> even ? detector.detect(grace).equals(expectedGrace)
                        : detector.detect(astronaut).equals(expectedAstronaut)));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
