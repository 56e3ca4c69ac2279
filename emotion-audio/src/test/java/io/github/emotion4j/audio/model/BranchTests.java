package io.github.emotion4j.audio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.AudioTrack;
import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.EmotionBranch;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.Recognition;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.dataset.LabelledClip;
import io.github.emotion4j.core.eval.Evaluation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks every audio branch's tests share: learning, bundle round trip, abstention. */
final class BranchTests {

    /** Chance level with seven balanced classes is 1/7 ≈ 14 %. */
    static final double CHANCE = 1.0 / 7;

    private BranchTests() {
    }

    /** The branch's scores on every clip of a data set, decoding each clip with the default decoder. */
    static List<EmotionScores> predictions(EmotionBranch branch, Dataset data) throws Exception {
        FFmpegMediaDecoder decoder = new FFmpegMediaDecoder();
        List<EmotionScores> scores = new ArrayList<>();
        for (LabelledClip clip : data.clips()) {
            BranchResult result = branch.predict(decoder.decode(clip.path(), MediaRequest.audio()));
            assertFalse(result.abstained(), () -> "abstained on " + clip.path() + ": " + result.reason());
            scores.add(result.scores().orElseThrow());
        }
        return scores;
    }

    /** The evaluation of a bundle, loaded with {@link EmotionRecognizer#load}, on a data set. */
    static Evaluation evaluate(Path bundle, Dataset data) throws Exception {
        try (EmotionRecognizer recognizer = EmotionRecognizer.load(bundle)) {
            List<Recognition> results = recognizer.classifyAll(data.clips().stream().map(LabelledClip::path).toList());
            return Evaluation.of(data.labels(), results.stream().map(Recognition::top).toList());
        }
    }

    /**
     * Loads the bundle, saves it again with {@link EmotionRecognizer#save}, loads that copy and checks that its
     * branch gives exactly the trained branch's scores on every test clip.
     */
    static void assertSameAfterSaveAndLoad(EmotionBranch trained, Path bundle, Path copy, Dataset data) throws Exception {
        try (EmotionRecognizer first = EmotionRecognizer.load(bundle)) {
            first.save(copy, Map.of("test", "round trip"));
        }
        List<EmotionScores> expected = predictions(trained, data);
        try (EmotionRecognizer loaded = EmotionRecognizer.load(copy)) {
            assertEquals(List.of(trained.name()), loaded.branchNames());
            List<EmotionScores> actual = predictions(loaded.branches().get(0), data);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i), "scores of " + data.clips().get(i).path());
            }
        }
    }

    /** A clip without an audio track. */
    static MediaClip silentVideoClip() {
        return MediaClip.of(Path.of("no-audio.mp4"), Duration.ofSeconds(2), null, null);
    }

    /** A clip of 50 ms of audio: shorter than one 100 ms analysis window. */
    static MediaClip tooShortClip() {
        float[] samples = new float[800];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 200 * i / 16000.0));
        }
        return MediaClip.of(Path.of("short.wav"), Duration.ofMillis(50), AudioTrack.of(16_000, samples), null);
    }

    static void assertAbstains(EmotionBranch branch, MediaClip clip, String reasonPart) throws Exception {
        BranchResult result = branch.predict(clip);
        assertTrue(result.abstained(), "should abstain on " + clip.source() + ", got " + result);
        assertTrue(result.reason().contains(reasonPart), "reason '" + result.reason() + "' should mention '" + reasonPart + "'");
    }
}
