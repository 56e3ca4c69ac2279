package io.github.emotion4j.vision.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shape predictor's file reading and tree evaluation, on tiny crafted models. */
class DlibShapePredictorTest {

    @TempDir
    Path dir;

    /** What a crafted model holds; the defaults make a valid 68-point model of one tree with one split. */
    static final class Spec {
        int version = 1;
        int parts = 68;
        int splits = 1;
        int leaves = 2;
        int idx2 = 1;
        float threshold = 0;
        int anchorLists = 1;
        boolean trailingByte;
    }

    /**
     * A model with one cascade of one tree: the split compares feature pixel 0 (on landmark 0) with feature pixel 1
     * (half the box's width to its right); the left leaf (pixel 0 brighter) moves every point right by 0.1 box
     * widths, the right leaf moves every point down by 0.1 box heights.
     */
    static byte[] tinyModel(Consumer<Spec> change) {
        Spec spec = new Spec();
        change.accept(spec);
        DlibModelWriter w = new DlibModelWriter();
        w.integer(spec.version);
        w.column(meanShape(spec.parts));
        w.integer(1).integer(1); // one cascade of one tree
        w.integer(spec.splits);
        for (int s = 0; s < spec.splits; s++) {
            w.integer(0).integer(spec.idx2).real(spec.threshold);
        }
        w.integer(spec.leaves);
        for (int l = 0; l < spec.leaves; l++) {
            float[] increment = new float[2 * spec.parts];
            for (int p = 0; p < spec.parts; p++) {
                increment[2 * p + (l == 0 ? 0 : 1)] = 0.1f;
            }
            w.column(increment);
        }
        w.integer(spec.anchorLists);
        for (int c = 0; c < spec.anchorLists; c++) {
            w.integer(2).integer(0).integer(0);
        }
        w.integer(1).integer(2).real(0).real(0).real(0.5f).real(0);
        if (spec.trailingByte) {
            w.raw(0);
        }
        return w.bytes();
    }

    /** Points on a 10-column grid inside the unit square; point 0 at (0.1, 0.1). */
    static float[] meanShape(int parts) {
        float[] xy = new float[2 * parts];
        for (int p = 0; p < parts; p++) {
            xy[2 * p] = 0.1f + 0.08f * (p % 10);
            xy[2 * p + 1] = 0.1f + 0.1f * (p / 10);
        }
        return xy;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static Image grayWithBrightPixels(int... xy) {
        byte[] pixels = new byte[128 * 128];
        for (int i = 0; i < xy.length; i += 2) {
            pixels[xy[i + 1] * 128 + xy[i]] = (byte) 200;
        }
        return Image.gray(128, 128, pixels);
    }

    @Test
    void aBrighterFirstPixelTakesTheLeftLeaf() throws IOException {
        DlibShapePredictor predictor = DlibShapePredictor.load(write("tiny.dat", tinyModel(s -> { })));
        // The dlib box (0, 0)-(100, 100): landmark 0 at (10, 10), feature pixel 1 at (60, 10).
        FaceBox box = FaceBox.ofDlibRectangle(0, 0, 100, 100);
        FaceLandmarks left = predictor.detect(grayWithBrightPixels(10, 10), box);
        FaceLandmarks right = predictor.detect(grayWithBrightPixels(60, 10), box);

        float[] mean = meanShape(68);
        for (int p = 0; p < 68; p++) {
            assertEquals(100 * (mean[2 * p] + 0.1f), left.x(p), 1e-4);
            assertEquals(100 * mean[2 * p + 1], left.y(p), 1e-4);
            assertEquals(100 * mean[2 * p], right.x(p), 1e-4);
            assertEquals(100 * (mean[2 * p + 1] + 0.1f), right.y(p), 1e-4);
        }
    }

    @Test
    void colourReadsAsTheMeanOfItsChannelsAsInDlib() throws IOException {
        DlibShapePredictor predictor = DlibShapePredictor.load(write("tiny.dat", tinyModel(s -> { })));
        byte[] rgb = new byte[128 * 128 * 3];
        rgb[(10 * 128 + 10) * 3 + 2] = (byte) 255; // pure blue: (0 + 0 + 255) / 3 = 85, though its luma is 29
        Arrays.fill(rgb, (10 * 128 + 60) * 3, (10 * 128 + 60) * 3 + 3, (byte) 60);
        FaceLandmarks points = predictor.detect(Image.rgb(128, 128, rgb), FaceBox.ofDlibRectangle(0, 0, 100, 100));
        assertEquals(100 * (0.1f + 0.1f), points.x(0), 1e-4, "85 > 60 must take the left leaf");
    }

    @Test
    void pixelsOffTheImageReadZero() throws IOException {
        DlibShapePredictor predictor = DlibShapePredictor.load(write("tiny.dat", tinyModel(s -> { })));
        // Box shifted so that feature pixel 1 lands off the image's right edge: it reads 0, pixel 0 reads 200.
        FaceBox box = FaceBox.ofDlibRectangle(100, 0, 300, 200);
        FaceLandmarks points = predictor.detect(grayWithBrightPixels(120, 20), box);
        assertEquals(100 + 200 * (0.1f + 0.1f), points.x(0), 1e-3);
    }

    @Test
    void reportsTheNumbersOfTheModel() throws IOException {
        DlibShapePredictor predictor = DlibShapePredictor.load(write("tiny.dat", tinyModel(s -> { })));
        assertEquals(68, predictor.numParts());
        assertEquals(1, predictor.numCascades());
        float[] mean = predictor.meanShape();
        mean[0] = 42;
        assertEquals(0.1f, predictor.meanShape()[0], "meanShape() must hand out a copy");
    }

    private ModelFileException loadFails(String name, byte[] bytes) throws IOException {
        Path file = write(name, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> DlibShapePredictor.load(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        return e;
    }

    private static void assertMentions(ModelFileException e, String text) {
        assertTrue(e.getMessage().contains(text), "expected '" + text + "' in: " + e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("absent.dat");
        ModelFileException e = assertThrows(ModelFileException.class, () -> DlibShapePredictor.load(file));
        assertMentions(e, file.toString());
        assertMentions(e, "no such model file");
    }

    @Test
    void anEmptyFileIsTruncated() throws IOException {
        assertMentions(loadFails("empty.dat", new byte[0]), "truncated: the file ends at byte 0 while reading format version");
    }

    @Test
    void aTruncatedFileSaysWhereItEnds() throws IOException {
        byte[] whole = tinyModel(s -> { });
        for (int length : new int[] {1, 5, whole.length / 2, whole.length - 1}) {
            ModelFileException e = loadFails("cut" + length + ".dat", Arrays.copyOf(whole, length));
            assertMentions(e, "truncated");
        }
    }

    @Test
    void anotherFormatVersionIsRefused() throws IOException {
        assertMentions(loadFails("v2.dat", tinyModel(s -> s.version = 2)), "format version 2, expected 1");
    }

    @Test
    void aFileOfAnotherKindIsRefused() throws IOException {
        assertMentions(loadFails("text.dat", "<?xml version=\"1.0\"?>".getBytes()), "bad integer header byte");
    }

    @Test
    void aTreeThatIsNotFullIsRefused() throws IOException {
        assertMentions(loadFails("splits.dat", tinyModel(s -> {
            s.splits = 2;
            s.leaves = 3;
        })), "2^depth - 1");
    }

    @Test
    void leavesMustNumberSplitsPlusOne() throws IOException {
        assertMentions(loadFails("leaves.dat", tinyModel(s -> s.leaves = 3)), "has 3 leaves for 1 splits, expected 2");
    }

    @Test
    void splitsMustCompareExistingFeaturePixels() throws IOException {
        assertMentions(loadFails("idx.dat", tinyModel(s -> s.idx2 = 7)), "compares feature pixels 0 and 7");
    }

    @Test
    void thresholdsMustBeFinite() throws IOException {
        assertMentions(loadFails("nan.dat", tinyModel(s -> s.threshold = Float.NaN)), "expected a finite number");
    }

    @Test
    void everyCascadeNeedsItsFeaturePixels() throws IOException {
        assertMentions(loadFails("anchors.dat", tinyModel(s -> s.anchorLists = 2)), "2 anchor index lists for 1 cascades");
    }

    @Test
    void bytesAfterTheModelAreRefused() throws IOException {
        assertMentions(loadFails("trailing.dat", tinyModel(s -> s.trailingByte = true)), "1 unexpected bytes");
    }

    @Test
    void onlySixtyEightPointModelsAreAccepted() throws IOException {
        assertMentions(loadFails("five.dat", tinyModel(s -> s.parts = 5)), "predicts 5 landmarks");
    }
}
