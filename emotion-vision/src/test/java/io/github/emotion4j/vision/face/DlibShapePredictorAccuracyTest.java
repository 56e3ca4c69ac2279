package io.github.emotion4j.vision.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares our shape predictor with real dlib 19.24 on the two test images, given dlib's own face box. Needs
 * Debian's {@code libdlib-data} (the 100 MB model is never checked in); skipped without it.
 */
class DlibShapePredictorAccuracyTest {

    private static final Logger LOG = LoggerFactory.getLogger(DlibShapePredictorAccuracyTest.class);
    private static DlibShapePredictor predictor;

    @BeforeAll
    static void loadModel() throws IOException {
        if (Files.isRegularFile(DlibShapePredictor.DEFAULT_MODEL)) {
            predictor = DlibShapePredictor.loadDefault();
        }
    }

    @BeforeEach
    void needsTheModel() {
        assumeTrue(predictor != null, "skipped: " + DlibShapePredictor.DEFAULT_MODEL
                + " is absent (apt-get install libdlib-data)");
    }

    @AfterAll
    static void release() {
        if (predictor != null) {
            predictor.close();
        }
    }

    @Test
    void theModelIsDlibs68PointEnsemble() {
        assertEquals(68, predictor.numParts());
        assertEquals(15, predictor.numCascades());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestImages.GRACE_HOPPER, TestImages.ASTRONAUT})
    void reproducesDlibsIntegerPointsGivenDlibsBox(String file) {
        TestImages.DlibReference ref = TestImages.dlibReference(file);
        Image image = TestImages.load(file);

        FaceLandmarks points = predictor.detect(image, ref.box()).rounded();

        int exact = 0;
        double worst = 0;
        for (int i = 0; i < 68; i++) {
            double dx = Math.abs(points.x(i) - ref.x(i));
            double dy = Math.abs(points.y(i) - ref.y(i));
            worst = Math.max(worst, Math.max(dx, dy));
            if (dx == 0 && dy == 0) {
                exact++;
            }
            assertTrue(dx <= 1 && dy <= 1, file + " point " + i + ": ours " + points.point(i) + ", dlib ("
                    + ref.x(i) + ", " + ref.y(i) + ")");
        }
        LOG.info("{}: {} of 68 points equal dlib's exactly, worst difference {} px", file, exact, worst);
        // A faithful port reproduces every point; a JPEG decoder other than dlib's may shift a few pixels' values.
        int required = file.endsWith(".png") ? 68 : 64;
        assertTrue(exact >= required, file + ": only " + exact + " of 68 points equal dlib's exactly");
    }

    /**
     * The pipeline's way: OpenCV's box instead of dlib's. Haar boxes sit higher and are a little larger than the
     * HOG boxes dlib's model was trained on; the points must still be close to dlib's (mean error within 5% of the
     * outer-eye-corner distance).
     */
    @ParameterizedTest
    @ValueSource(strings = {TestImages.GRACE_HOPPER, TestImages.ASTRONAUT})
    void aHaarBoxGivesPointsCloseToDlibsOwn(String file) {
        TestImages.DlibReference ref = TestImages.dlibReference(file);
        Image image = TestImages.load(file);
        FaceLandmarks points;
        try (HaarFaceDetector detector = HaarFaceDetector.create()) {
            points = predictor.detect(image, detector.detect(image).get(0));
        }
        double sum = 0;
        for (int i = 0; i < 68; i++) {
            sum += Math.hypot(points.x(i) - ref.x(i), points.y(i) - ref.y(i));
        }
        double eyes = Math.hypot(ref.x(36) - ref.x(45), ref.y(36) - ref.y(45));
        assertTrue(sum / 68 < 0.05 * eyes, file + ": mean error " + sum / 68 + " px, outer eye corners " + eyes
                + " px apart");
    }
}
