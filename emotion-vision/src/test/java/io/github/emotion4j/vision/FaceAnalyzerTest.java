package io.github.emotion4j.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.vision.face.FaceBox;
import io.github.emotion4j.vision.face.HaarFaceDetector;
import io.github.emotion4j.vision.image.Image;
import io.github.emotion4j.vision.net.Resize;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaceAnalyzerTest {

    private static FaceAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = FaceAnalyzer.builder().networks(ExpressionEnsemble.embedded(0.4, 0.6)).build();
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @Test
    void findsAFaceCroppedTighterThanTheCascadeCanSee() {
        Image portrait = FaceClips.grace();
        FaceBox face = analyzer.detect(portrait).get(0);
        int inset = (int) (0.1 * face.width());
        Image tight = Resize.bicubic(portrait.crop((int) face.x() + inset, (int) face.y() + inset,
                (int) face.width() - 2 * inset, (int) face.height() - 2 * inset), 112, 112);
        try (HaarFaceDetector cascade = HaarFaceDetector.builder().minFaceSize(24).build()) {
            assertEquals(0, cascade.detect(tight).size(), "the cascade alone misses the tight crop");
        }

        List<FaceObservation> found = analyzer.analyze(tight);

        assertEquals(1, found.size());
        FaceBox box = found.get(0).box();
        assertTrue(box.x() <= 56 && box.right() >= 56 && box.y() <= 56 && box.bottom() >= 56, "covers the centre: " + box);
        assertTrue(box.width() >= 100, "about the whole crop: " + box);
    }

    @Test
    void aSmallImageWithoutAFaceStillHasNone() {
        Image flat = Image.fromBgr(120, 90, new byte[120 * 90 * 3]);
        assertEquals(List.of(), analyzer.detect(flat));
    }
}
