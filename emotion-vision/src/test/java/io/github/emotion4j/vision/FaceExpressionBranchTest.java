package io.github.emotion4j.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionBranch;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.Recognition;
import io.github.emotion4j.core.testing.BranchContract;
import io.github.emotion4j.core.testing.TestMedia;
import io.github.emotion4j.vision.face.FaceTrack;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceExpressionBranchTest extends BranchContract {

    @TempDir
    static Path dir;

    static Path graceClip;
    static FaceExpressionBranch branch;

    @BeforeAll
    static void setUp() throws Exception {
        graceClip = FaceClips.movingFace(dir.resolve("grace.mp4"), FaceClips.grace());
        branch = FaceExpressionBranch.embedded("face", 0.5, 0.5, FaceExpressionBranch.Tracks.DOMINANT);
    }

    @AfterAll
    static void tearDown() {
        branch.close();
    }

    @Override
    protected EmotionBranch createBranch() {
        return FaceExpressionBranch.embedded("face", 0.5, 0.5, FaceExpressionBranch.Tracks.DOMINANT);
    }

    @Override
    protected MediaClip clipWithMedia() throws Exception {
        return new FFmpegMediaDecoder().decode(graceClip, branch.mediaRequest());
    }

    @Test
    void followsTheMovingFaceInEverySampledFrame() throws Exception {
        ClipFaces faces = branch.analyze(clipWithMedia());

        assertEquals(15, faces.frames().size());
        FaceTrack main = faces.dominantTrack().orElseThrow();
        assertTrue(main.length() >= 14, "tracked in " + main.length() + " of 15 frames");
        double firstX = main.boxes().firstEntry().getValue().centerX();
        double lastX = main.boxes().lastEntry().getValue().centerX();
        assertEquals(3 * 8 * 14 * 25 / 60.0, lastX - firstX, 25, "the box follows the face to the right");
    }

    @Test
    void abstainsWithoutAFace() throws Exception {
        Path empty = TestMedia.writeFlatClip(dir.resolve("empty.mp4"), TestMedia.Container.MP4_H264_AAC, 90, 300, 1.0);

        BranchResult result = branch.predict(new FFmpegMediaDecoder().decode(empty, branch.mediaRequest()));

        assertTrue(result.abstained());
        assertTrue(result.reason().startsWith("no face found"), result.reason());
    }

    @Test
    void theDominantFaceDecidesWhenTwoAreInTheClip() throws Exception {
        // the astronaut is in every frame, Grace only in the first half: the astronaut is the dominant track
        Path two = TestMedia.writeFrames(dir.resolve("two.mp4"), TestMedia.Container.MP4_H264_AAC, 640, 480, 25, 50, (i, bgr) -> {
            FaceClips.paste(bgr, 640, 480, FaceClips.astronaut(), 0.6, 300, 100);
            if (i < 25) {
                FaceClips.paste(bgr, 640, 480, FaceClips.grace(), 0.5, 10, 150);
            }
        }, 0);
        MediaClip clip = new FFmpegMediaDecoder().decode(two, branch.mediaRequest());

        ClipFaces faces = branch.analyze(clip);

        assertTrue(faces.tracks().size() >= 2, "two tracks: " + faces.tracks());
        FaceTrack dominant = faces.dominantTrack().orElseThrow();
        assertTrue(dominant.boxes().firstEntry().getValue().centerX() > 320, "the astronaut's track: " + dominant);
        assertEquals(Emotion.HAPPINESS, branch.predict(clip).scores().orElseThrow().top());
    }

    @Test
    void theDefaultModelNeedsNoFileAndReadsPhotosToo() throws Exception {
        Path photo = dir.resolve("astronaut.png");
        ImageIO.write(FaceClips.astronaut().toBufferedImage(), "png", photo.toFile());

        try (EmotionRecognizer recognizer = EmotionRecognizer.loadDefault()) {
            Recognition smiling = recognizer.classify(photo);
            Recognition video = recognizer.classify(graceClip);

            assertEquals(Emotion.HAPPINESS, smiling.top());
            assertTrue(smiling.scores().probability(Emotion.HAPPINESS) > 0.9, smiling.toString());
            assertEquals(7, video.scores().toArray().length);
            assertTrue(video.branches().get("face").scores().isPresent());
        }
    }

    @Test
    void roundTripsThroughABundle() throws Exception {
        MediaClip clip = new FFmpegMediaDecoder().decode(graceClip, MediaRequest.frames(io.github.emotion4j.core.FrameGrid.PAPER));
        Path bundle;
        Recognition before;
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder()
                .addBranch(FaceExpressionBranch.embedded("face", 0.3, 0.7, FaceExpressionBranch.Tracks.ALL), 1).build()) {
            before = recognizer.classify(clip);
            bundle = recognizer.save(dir.resolve("face.zip"), Map.of());
        }
        try (EmotionRecognizer loaded = EmotionRecognizer.load(bundle)) {
            Recognition after = loaded.classify(new FFmpegMediaDecoder().decode(graceClip, loaded.mediaRequest()));
            assertTrue(before.scores().approximatelyEquals(after.scores(), 1e-9));
            assertEquals("ALL", ((FaceExpressionBranch) loaded.branches().get(0)).properties().get("tracks"));
        }
    }
}
