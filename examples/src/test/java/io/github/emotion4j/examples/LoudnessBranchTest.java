package io.github.emotion4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.AudioTrack;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionBranch;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.Recognition;
import io.github.emotion4j.core.testing.BranchContract;
import io.github.emotion4j.core.testing.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example user branch, run the way a user runs one: through the builder, saved and loaded as a bundle. */
class LoudnessBranchTest extends BranchContract {

    @TempDir
    Path dir;

    @Override
    protected EmotionBranch createBranch() {
        return new LoudnessBranch(-26);
    }

    @Override
    protected MediaClip clipWithMedia() {
        float[] tone = new float[16_000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / 16_000.0));
        }
        return MediaClip.of(Path.of("tone"), Duration.ofSeconds(1), AudioTrack.of(16_000, tone), null);
    }

    @Test
    void loudAndQuietClipsGetDifferentEmotionsThroughTheBuilder() throws Exception {
        Path loud = TestMedia.writeTone(dir.resolve("loud.wav"), 44_100, 2, 1.0, 300);
        float[] quiet = new float[16_000];
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] = (float) (0.005 * Math.sin(2 * Math.PI * 300 * i / 16_000.0));
        }
        Path soft = TestMedia.writeWav(dir.resolve("soft.wav"), 16_000, quiet);

        try (EmotionRecognizer recognizer = EmotionRecognizer.builder().addBranch(new LoudnessBranch(-26), 1).build()) {
            assertEquals(Emotion.ANGER, recognizer.classify(loud).top());
            assertEquals(Emotion.SADNESS, recognizer.classify(soft).top());
        }
    }

    @Test
    void roundTripsThroughABundle() throws Exception {
        Path clip = TestMedia.writeTone(dir.resolve("tone.wav"), 16_000, 1, 1.0, 300);
        Recognition before;
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder().addBranch(new LoudnessBranch(-20), 1).build()) {
            before = recognizer.classify(clip);
            recognizer.save(dir.resolve("loudness.zip"), Map.of("data", "none: a rule"));
        }
        try (EmotionRecognizer loaded = EmotionRecognizer.load(dir.resolve("loudness.zip"))) {
            assertTrue(before.scores().approximatelyEquals(loaded.classify(clip).scores(), 1e-12));
        }
    }
}
