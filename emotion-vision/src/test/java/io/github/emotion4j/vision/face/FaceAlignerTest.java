package io.github.emotion4j.vision.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.vision.image.Image;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaceAlignerTest {

    /** Landmarks whose eye corners are {@code corners} (order 36, 39, 42, 45); the other points sit at their mean. */
    static FaceLandmarks withEyeCorners(List<ImagePoint> corners) {
        double mx = corners.stream().mapToDouble(ImagePoint::x).average().orElseThrow();
        double my = corners.stream().mapToDouble(ImagePoint::y).average().orElseThrow();
        double[] xy = new double[136];
        for (int i = 0; i < 68; i++) {
            xy[2 * i] = mx;
            xy[2 * i + 1] = my;
        }
        int[] index = {36, 39, 42, 45};
        for (int k = 0; k < 4; k++) {
            xy[2 * index[k]] = corners.get(k).x();
            xy[2 * index[k] + 1] = corners.get(k).y();
        }
        return FaceLandmarks.of(xy);
    }

    /** A black RGB image with a Gaussian spot of {@code sigma} px in channel {@code channel[k]} at each point. */
    static Image spots(int width, int height, List<ImagePoint> points, int[] channel, double sigma) {
        double[] sum = new double[width * height * 3];
        for (int k = 0; k < points.size(); k++) {
            ImagePoint p = points.get(k);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double d2 = (x - p.x()) * (x - p.x()) + (y - p.y()) * (y - p.y());
                    sum[(y * width + x) * 3 + channel[k]] += 255 * Math.exp(-d2 / (2 * sigma * sigma));
                }
            }
        }
        byte[] rgb = new byte[sum.length];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) Math.min(255, Math.round(sum[i]));
        }
        return Image.rgb(width, height, rgb);
    }

    /** The intensity-weighted centroid of {@code channel} over columns {@code [x0, x1)}. */
    static ImagePoint centroid(Image image, int channel, int x0, int x1) {
        double sx = 0;
        double sy = 0;
        double total = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = x0; x < x1; x++) {
                double v = image.get(x, y, channel);
                sx += v * x;
                sy += v * y;
                total += v;
            }
        }
        return new ImagePoint(sx / total, sy / total);
    }

    @Test
    void eyeCornersOfARotatedScaledFaceLandOnTheTemplate() {
        FaceAligner aligner = FaceAligner.ofSize(112);
        // The face appears 2.6 times larger than in the aligned output, turned by 25 degrees.
        SimilarityTransform outputToImage = SimilarityTransform.rotationScale(Math.toRadians(25), 2.6)
                .thenTranslate(150, -40);
        List<ImagePoint> corners = aligner.templatePixels().stream().map(outputToImage::apply).toList();
        // Outer corners red (told apart by side), inner right green, inner left blue.
        Image image = spots(420, 360, corners, new int[] {0, 1, 2, 0}, 3.0);

        Image aligned = aligner.align(image, withEyeCorners(corners));

        List<ImagePoint> found = List.of(centroid(aligned, 0, 0, 56), centroid(aligned, 1, 0, 112),
                centroid(aligned, 2, 0, 112), centroid(aligned, 0, 56, 112));
        for (int k = 0; k < 4; k++) {
            ImagePoint want = aligner.templatePixels().get(k);
            assertTrue(found.get(k).distance(want) < 1.0, "corner " + k + " at " + found.get(k) + ", template " + want);
        }
    }

    @Test
    void theTransformTakesTheCornersOntoTheTemplate() {
        FaceAligner aligner = FaceAligner.ofSize(224);
        List<ImagePoint> corners = List.of(new ImagePoint(100, 210), new ImagePoint(140, 200),
                new ImagePoint(190, 190), new ImagePoint(232, 175));
        SimilarityTransform t = aligner.transform(withEyeCorners(corners));
        // Template: outer corners 0.72 - 0.28 of 224 apart (98.56 px), eye line 0.3 down: 66.7 px.
        assertEquals(0.280 * 224 - 0.5, aligner.templatePixels().get(0).x(), 1e-12);
        assertEquals(0.300 * 224 - 0.5, aligner.templatePixels().get(0).y(), 1e-12);
        for (int k = 0; k < 4; k++) {
            assertTrue(t.apply(corners.get(k)).distance(aligner.templatePixels().get(k)) < 3, "corner " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {224, 112, 64})
    void theOutputHasTheRequestedSizeAndTheInputsChannels(int size) {
        FaceAligner aligner = FaceAligner.ofSize(size);
        TestImages.DlibReference ref = TestImages.dlibReference(TestImages.ASTRONAUT);
        Image rgb = TestImages.load(TestImages.ASTRONAUT);
        FaceLandmarks landmarks = referenceLandmarks(ref);

        Image colour = aligner.align(rgb, landmarks);
        Image gray = aligner.align(rgb.toGray(), landmarks);

        assertEquals(size, colour.width());
        assertEquals(size, colour.height());
        assertEquals(3, colour.channels());
        assertEquals(1, gray.channels());
        assertEquals(size, gray.width());
    }

    @Test
    void aNonSquareOutputIsHonoured() {
        FaceAligner aligner = FaceAligner.builder().outputSize(100, 80).build();
        Image out = aligner.align(TestImages.load(TestImages.ASTRONAUT),
                referenceLandmarks(TestImages.dlibReference(TestImages.ASTRONAUT)));
        assertEquals(100, out.width());
        assertEquals(80, out.height());
    }

    static FaceLandmarks referenceLandmarks(TestImages.DlibReference ref) {
        double[] xy = new double[136];
        for (int i = 0; i < 136; i++) {
            xy[i] = ref.points()[i];
        }
        return FaceLandmarks.of(xy);
    }

    /** {@code image} rotated by {@code degrees} about {@code (cx, cy)} with Java2D's bilinear resampling. */
    static BufferedImage rotate(BufferedImage image, double degrees, double cx, double cy) {
        AffineTransform t = AffineTransform.getRotateInstance(Math.toRadians(degrees), cx + 0.5, cy + 0.5);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        new AffineTransformOp(t, AffineTransformOp.TYPE_BILINEAR).filter(image, out);
        return out;
    }

    static double meanAbsoluteDifference(Image a, Image b) {
        byte[] pa = a.toGray().copyPixels();
        byte[] pb = b.toGray().copyPixels();
        double sum = 0;
        for (int i = 0; i < pa.length; i++) {
            sum += Math.abs((pa[i] & 0xff) - (pb[i] & 0xff));
        }
        return sum / pa.length;
    }

    @Test
    void aRotatedInputGivesNearlyTheSameAlignedFace() {
        FaceAligner aligner = FaceAligner.ofSize(112);
        TestImages.DlibReference ref = TestImages.dlibReference(TestImages.ASTRONAUT);
        Image original = TestImages.load(TestImages.ASTRONAUT);
        FaceLandmarks landmarks = referenceLandmarks(ref);
        double cx = ref.box().centerX();
        double cy = ref.box().centerY();
        Image rotated = Image.fromBufferedImage(rotate(TestImages.toBufferedImage(original), 20, cx, cy));
        // The same rotation of the landmarks (Java2D turns +x towards +y for positive angles, as we do).
        SimilarityTransform turn = SimilarityTransform.rotationScale(Math.toRadians(20), 1);
        List<ImagePoint> turned = new ArrayList<>();
        for (ImagePoint p : landmarks.points()) {
            ImagePoint r = turn.apply(new ImagePoint(p.x() - cx, p.y() - cy));
            turned.add(new ImagePoint(r.x() + cx, r.y() + cy));
        }

        Image straight = aligner.align(original, landmarks);
        Image fromRotated = aligner.align(rotated, FaceLandmarks.of(turned));
        Image unaligned = aligner.align(rotated, landmarks);

        double difference = meanAbsoluteDifference(straight, fromRotated);
        double control = meanAbsoluteDifference(straight, unaligned);
        assertTrue(difference < 3, "aligned faces differ by " + difference + " gray levels on average");
        assertTrue(control > 3 * difference, "a 20 degree turn left unaligned differs by only " + control);
    }

    @Test
    void settingsAreValidated() {
        FaceAligner.Builder builder = FaceAligner.builder();
        assertThrows(IllegalArgumentException.class, () -> builder.outputSize(0));
        assertThrows(IllegalArgumentException.class, () -> builder.outputSize(64, -1));
        assertThrows(IllegalArgumentException.class, () -> builder.template(FaceAligner.DEFAULT_TEMPLATE.subList(0, 3)));
        ImagePoint p = new ImagePoint(0.5, 0.5);
        assertThrows(IllegalArgumentException.class, () -> builder.template(List.of(p, p, p, p)));
        assertThrows(IllegalArgumentException.class, () -> builder.template(List.of(p, p, p,
                new ImagePoint(Double.NaN, 0))));
    }

    @Test
    void aCustomTemplateIsUsed() {
        List<ImagePoint> template = List.of(new ImagePoint(0.2, 0.4), new ImagePoint(0.4, 0.4),
                new ImagePoint(0.6, 0.4), new ImagePoint(0.8, 0.4));
        FaceAligner aligner = FaceAligner.builder().outputSize(50).template(template).build();
        assertEquals(template, aligner.template());
        assertEquals(new ImagePoint(0.2 * 50 - 0.5, 0.4 * 50 - 0.5), aligner.templatePixels().get(0));
        // Corners already on that template at scale 1 give the identity transform.
        SimilarityTransform t = aligner.transform(withEyeCorners(aligner.templatePixels()));
        assertEquals(1, t.scale(), 1e-12);
        assertEquals(0, t.rotation(), 1e-12);
    }
}
