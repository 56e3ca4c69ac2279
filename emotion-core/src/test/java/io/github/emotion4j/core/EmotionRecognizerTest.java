package io.github.emotion4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.testing.FixedBranch;
import io.github.emotion4j.core.testing.TestMedia;
import io.github.emotion4j.core.testing.TestMedia.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmotionRecognizerTest {

    private static final EmotionScores HAPPY = EmotionScores.of(0, 0, 0, 0.8, 0.2, 0, 0);
    private static final EmotionScores ANGRY = EmotionScores.of(0.6, 0, 0, 0, 0.4, 0, 0);

    @TempDir
    static Path dir;

    private static Path clip;

    @BeforeAll
    static void makeClip() throws Exception {
        clip = TestMedia.writeVideo(dir.resolve("clip.mp4"), Container.MP4_H264_AAC, 64, 48, 25, 50, 440, 1);
    }

    @Test
    void fusesTheWeightedMeanOfTheBranches() throws Exception {
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder()
                .addBranch(FixedBranch.scoring("happy", HAPPY), 1)
                .addBranch(FixedBranch.scoring("angry", ANGRY), 3)
                .build()) {
            Recognition r = recognizer.classify(clip);

            assertEquals((0.8 * 1) / 4, r.scores().probability(Emotion.HAPPINESS), 1e-12);
            assertEquals((0.6 * 3) / 4, r.scores().probability(Emotion.ANGER), 1e-12);
            assertEquals((0.2 + 0.4 * 3) / 4, r.scores().probability(Emotion.NEUTRAL), 1e-12);
            assertEquals(Emotion.ANGER, r.top());
            assertEquals(List.of("happy", "angry"), List.copyOf(r.branches().keySet()));
            assertEquals(clip, r.source());
        }
    }

    @Test
    void abstainingBranchesDropOutAndTheRestRenormalise() throws Exception {
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder()
                .addBranch(FixedBranch.scoring("happy", HAPPY), 1)
                .addBranch(FixedBranch.abstaining("face", "no face found"), 5)
                .build()) {
            Recognition r = recognizer.classify(clip);

            assertEquals(HAPPY, r.scores());
            assertTrue(r.branches().get("face").abstained());
            assertEquals("no face found", r.branches().get("face").reason());
        }
    }

    @Test
    void whenEveryBranchAbstainsItSaysWhyInsteadOfGuessing() {
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder()
                .addBranch(FixedBranch.abstaining("face", "no face found"), 1)
                .addBranch(FixedBranch.abstaining("voice", "no audio track"), 1)
                .build()) {
            NoPredictionException e = assertThrows(NoPredictionException.class, () -> recognizer.classify(clip));

            assertEquals(clip, e.file().orElseThrow());
            assertEquals("no face found", e.reasons().get("face"));
            assertEquals("no audio track", e.reasons().get("voice"));
            assertTrue(e.getMessage().contains(clip.toString()));
        }
    }

    @Test
    void aFailingBranchIsReportedByNameAndFile() {
        EmotionBranch broken = new TestBranch("broken", MediaRequest.nothing(), c -> {
            throw new IllegalStateException("model exploded");
        });
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder()
                .addBranch(broken, 1).addBranch(FixedBranch.scoring("ok", HAPPY), 1).build()) {
            BranchException e = assertThrows(BranchException.class, () -> recognizer.classify(clip));

            assertEquals("broken", e.branch());
            assertTrue(e.getMessage().contains("model exploded"));
            assertTrue(e.getMessage().startsWith(clip.toString()));
        }
    }

    @Test
    void decodesEachFileOnceForAllBranchesWithTheMergedRequest() throws Exception {
        CountingDecoder decoder = new CountingDecoder();
        List<Integer> frameCounts = Collections.synchronizedList(new ArrayList<>());
        List<Integer> audioLengths = Collections.synchronizedList(new ArrayList<>());
        TestBranch faces1 = frameCounter("faces1", frameCounts);
        TestBranch faces2 = frameCounter("faces2", frameCounts);
        TestBranch voice = new TestBranch("voice", MediaRequest.audio(), c -> {
            audioLengths.add(c.audio().orElseThrow().length());
            return BranchResult.of(ANGRY);
        });
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder().decoder(decoder)
                .addBranch(faces1, 1).addBranch(faces2, 1).addBranch(voice, 1).build()) {
            recognizer.classify(clip);
        }

        assertEquals(1, decoder.decodes.get());
        assertEquals(1, decoder.frameOpens.get(), "frames decoded once for both frame-reading branches");
        assertTrue(decoder.lastRequest.wantsAudio());
        assertEquals(java.util.Set.of(FrameGrid.PAPER), decoder.lastRequest.grids());
        assertEquals(List.of(15, 15), frameCounts);
        assertEquals(1, audioLengths.size());
        assertEquals(32_000, audioLengths.get(0), 400);
    }

    @Test
    void aFrameBranchThatAbstainsEarlyDoesNotBlockTheOther() throws Exception {
        List<Integer> frameCounts = Collections.synchronizedList(new ArrayList<>());
        TestBranch reader = frameCounter("reader", frameCounts);
        TestBranch quitter = new TestBranch("quitter", MediaRequest.frames(FrameGrid.PAPER), c -> BranchResult.abstain("not today"));
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder()
                .addBranch(reader, 1).addBranch(quitter, 1).build()) {
            recognizer.classify(clip);
        }
        assertEquals(List.of(15), frameCounts);
    }

    @Test
    void classifyAllKeepsInputOrderAndReportsEachFailureWithoutStoppingTheOthers() throws Exception {
        Path missing = dir.resolve("missing.mp4");
        Path garbage = Files.write(dir.resolve("garbage.mp4"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder()
                .addBranch(FixedBranch.scoring("happy", HAPPY), 1).parallelism(2).build()) {
            BatchClassificationException e = assertThrows(BatchClassificationException.class,
                    () -> recognizer.classifyAll(List.of(clip, missing, clip, garbage)));

            List<Optional<Recognition>> results = e.results();
            assertEquals(4, results.size());
            assertTrue(results.get(0).isPresent());
            assertFalse(results.get(1).isPresent());
            assertTrue(results.get(2).isPresent());
            assertFalse(results.get(3).isPresent());
            assertEquals(List.of(missing, garbage), e.failures().stream().map(f -> f.file().orElseThrow()).toList());

            List<Recognition> ok = recognizer.classifyAll(List.of(clip, clip, clip));
            assertEquals(3, ok.size());
            ok.forEach(r -> assertEquals(HAPPY, r.scores()));
        }
    }

    @Test
    void closesItsBranchesOnceAndRefusesWorkAfterwards() {
        FixedBranch branch = FixedBranch.scoring("happy", HAPPY);
        EmotionRecognizer recognizer = EmotionRecognizer.builder().addBranch(branch, 1).build();
        recognizer.close();
        recognizer.close();

        assertEquals(1, branch.closes());
        assertThrows(IllegalStateException.class, () -> recognizer.classify(clip));
    }

    @Test
    void builderNamesWhatIsWrong() {
        assertThrows(IllegalStateException.class, () -> EmotionRecognizer.builder().build());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> EmotionRecognizer.builder().addBranch(FixedBranch.scoring("a", HAPPY), -1));
        assertTrue(negative.getMessage().contains("-1"));
        assertThrows(IllegalArgumentException.class, () -> EmotionRecognizer.builder()
                .addBranch(FixedBranch.scoring("a", HAPPY), 1).addBranch(FixedBranch.scoring("a", ANGRY), 1));
        assertThrows(IllegalStateException.class, () -> EmotionRecognizer.builder()
                .addBranch(FixedBranch.scoring("a", HAPPY), 0).build());
        assertThrows(IllegalArgumentException.class, () -> EmotionRecognizer.builder().parallelism(0));
    }

    @Test
    void recognitionJsonNamesFileTopScoresAndBranches() throws Exception {
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder()
                .addBranch(FixedBranch.scoring("happy", HAPPY), 1)
                .addBranch(FixedBranch.abstaining("face", "no face found"), 1).build()) {
            var json = Json.MAPPER.readTree(recognizer.classify(clip).toJson());

            assertEquals(clip.toString(), json.get("file").asText());
            assertEquals("HAPPINESS", json.get("top").asText());
            assertEquals(0.8, json.get("scores").get("HAPPINESS").asDouble(), 1e-9);
            assertEquals("no face found", json.get("branches").get("face").get("abstained").asText());
            assertEquals(0.8, json.get("branches").get("happy").get("scores").get("HAPPINESS").asDouble(), 1e-9);
        }
    }

    @Test
    void loadDefaultWithoutAProviderSaysWhichModuleToAdd() {
        EmotionException e = assertThrows(EmotionException.class, EmotionRecognizer::loadDefault);
        assertTrue(e.getMessage().contains("emotion-vision"));
    }

    private static TestBranch frameCounter(String name, List<Integer> counts) {
        return new TestBranch(name, MediaRequest.frames(FrameGrid.PAPER), c -> {
            AtomicInteger n = new AtomicInteger();
            c.frames().orElseThrow().forEach(f -> n.incrementAndGet());
            counts.add(n.get());
            return BranchResult.of(HAPPY);
        });
    }

    /** A branch whose behaviour is a lambda. */
    record TestBranch(String name, MediaRequest mediaRequest, Behaviour behaviour) implements EmotionBranch {
        interface Behaviour {
            BranchResult apply(MediaClip clip) throws EmotionException;
        }

        @Override
        public BranchResult predict(MediaClip clip) throws EmotionException {
            return behaviour.apply(clip);
        }
    }

    /** The FFmpeg decoder, counting decodes and frame passes. */
    static final class CountingDecoder implements MediaDecoder {
        final FFmpegMediaDecoder delegate = new FFmpegMediaDecoder();
        final AtomicInteger decodes = new AtomicInteger();
        final AtomicInteger frameOpens = new AtomicInteger();
        volatile MediaRequest lastRequest;

        @Override
        public MediaClip decode(Path media, MediaRequest request) throws MediaDecodeException {
            decodes.incrementAndGet();
            lastRequest = request;
            MediaClip clip = delegate.decode(media, request);
            FrameSequence frames = clip.frames().orElse(null);
            FrameSequence counted = frames == null ? null : new FrameSequence() {
                @Override
                public java.util.Set<FrameGrid> grids() {
                    return frames.grids();
                }

                @Override
                public FrameReader open() throws MediaDecodeException {
                    frameOpens.incrementAndGet();
                    return frames.open();
                }
            };
            return MediaClip.of(clip.source(), clip.duration(), clip.audio().orElse(null), counted);
        }

        @Override
        public MediaInfo inspect(Path media) throws MediaDecodeException {
            return delegate.inspect(media);
        }
    }
}
