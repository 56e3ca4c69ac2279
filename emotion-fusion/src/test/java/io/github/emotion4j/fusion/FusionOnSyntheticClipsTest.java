package io.github.emotion4j.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionBranch;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.FrameGrid;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.dataset.AfewDataset;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.dataset.LabelledClip;
import io.github.emotion4j.core.eval.Evaluation;
import io.github.emotion4j.core.testing.TestMedia;
import io.github.emotion4j.core.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthetic labelled set where the picture carries part of the class (brightness tells 4 groups of classes
 * apart) and the sound carries another part (pitch tells 2 other groups apart): each branch alone is stuck near
 * 4/7 and 2/7, the searched fusion on held-out clips gets (nearly) all right.
 */
class FusionOnSyntheticClipsTest {

    /** Brightness group of each class (AN DI | FE HA | NE SA | SU). */
    private static final int[] LEVEL = {60, 60, 110, 110, 160, 160, 210};
    /** Pitch group of each class (AN FE NE SU low, DI HA SA high). */
    private static final double[] PITCH = {300, 900, 300, 900, 300, 900, 300};

    @TempDir
    static Path root;

    @BeforeAll
    static void makeClips() throws Exception {
        Random random = new Random(11);
        for (String split : List.of("Train", "Val", "Test")) {
            for (Emotion e : Emotion.values()) {
                Path folder = Files.createDirectories(root.resolve(split).resolve(e.afewName()));
                for (int i = 0; i < 2; i++) {
                    int level = LEVEL[e.ordinal()] + random.nextInt(11) - 5;
                    double pitch = PITCH[e.ordinal()] * (1 + (random.nextDouble() - 0.5) * 0.05);
                    TestMedia.writeFlatClip(folder.resolve("c" + i + ".mp4"), TestMedia.Container.MP4_H264_AAC, level, pitch, 0.6);
                }
            }
        }
    }

    @Test
    void searchedFusionBeatsEveryBranchOnHeldOutClips() throws Exception {
        Dataset train = AfewDataset.read(root, "Train");
        Dataset val = AfewDataset.read(root, "Val");
        Dataset test = AfewDataset.read(root, "Test");
        CentroidBranch face = CentroidBranch.train("face", MediaRequest.frames(FrameGrid.PAPER), CentroidBranch::brightness, train, 20);
        CentroidBranch voice = CentroidBranch.train("voice", MediaRequest.audio(), CentroidBranch::pitch, train, 100);

        SearchResult search;
        try (EmotionRecognizer both = EmotionRecognizer.builder().addBranch(face, 1).addBranch(voice, 1).build()) {
            search = WeightSearch.withStep(0.1).search(PredictionTable.collect(both, val, TrainingListener.NONE));
        }
        PredictionTable heldOut;
        try (EmotionRecognizer both = EmotionRecognizer.builder()
                .addBranch(CentroidBranch.train("face", MediaRequest.frames(FrameGrid.PAPER), CentroidBranch::brightness, train, 20), 1)
                .addBranch(CentroidBranch.train("voice", MediaRequest.audio(), CentroidBranch::pitch, train, 100), 1).build()) {
            heldOut = PredictionTable.collect(both, test, TrainingListener.NONE);
        }

        double fused = search.fusion().evaluate(heldOut).accuracy();
        double faceOnly = new WeightedFusion(Map.of("face", 1.0)).evaluate(heldOut).accuracy();
        double voiceOnly = new WeightedFusion(Map.of("voice", 1.0)).evaluate(heldOut).accuracy();

        assertTrue(faceOnly <= 4 / 7.0 + 1e-9, "face alone: " + faceOnly);
        assertTrue(voiceOnly <= 4 / 7.0 + 1e-9, "voice alone: " + voiceOnly);
        assertTrue(fused > Math.max(faceOnly, voiceOnly) + 0.2, "fused " + fused + " vs " + faceOnly + " / " + voiceOnly);
        assertTrue(fused >= 12 / 14.0, "fused accuracy " + fused);
        assertTrue(search.fusion().weights().get("face") > 0 && search.fusion().weights().get("voice") > 0);
    }

    @Test
    void assembledHybridBundleClassifiesLikeTheSearchedFusion() throws Exception {
        Dataset train = AfewDataset.read(root, "Train");
        Path faceBundle;
        Path voiceBundle;
        try (EmotionRecognizer f = EmotionRecognizer.builder()
                .addBranch(CentroidBranch.train("face", MediaRequest.frames(FrameGrid.PAPER), CentroidBranch::brightness, train, 20), 1).build();
                EmotionRecognizer v = EmotionRecognizer.builder()
                .addBranch(CentroidBranch.train("voice", MediaRequest.audio(), CentroidBranch::pitch, train, 100), 1).build()) {
            faceBundle = f.save(root.resolve("face-bundle"), Map.of());
            voiceBundle = v.save(root.resolve("voice-bundle.zip"), Map.of());
        }
        Path hybrid = HybridBundle.assemble(List.of(HybridBundle.Member.of(faceBundle, 0.4), HybridBundle.Member.of(voiceBundle, 0.6)),
                root.resolve("hybrid.zip"), Map.of("data", "synthetic"));

        Dataset test = AfewDataset.read(root, "Test");
        try (EmotionRecognizer loaded = EmotionRecognizer.load(hybrid, List.of(new CentroidBranch.Factory()))) {
            assertEquals(Map.of("face", 0.4, "voice", 0.6), loaded.weights());
            Evaluation.Builder evaluation = Evaluation.builder();
            for (LabelledClip clip : test.clips()) {
                evaluation.add(clip.label(), loaded.classify(clip.path()).top());
            }
            assertTrue(evaluation.build().accuracy() >= 12 / 14.0, evaluation.build().toString());
        }
    }

    /** A one-number nearest-centroid classifier over one feature of the clip. */
    static final class CentroidBranch implements io.github.emotion4j.core.bundle.SavableBranch {
        private final String name;
        private final MediaRequest request;
        private final String feature;
        private final double[] centroids;
        private final double scale;

        CentroidBranch(String name, MediaRequest request, String feature, double[] centroids, double scale) {
            this.name = name;
            this.request = request;
            this.feature = feature;
            this.centroids = centroids;
            this.scale = scale;
        }

        static CentroidBranch train(String name, MediaRequest request, ToDoubleFunction<MediaClip> feature, Dataset data, double scale)
                throws EmotionException {
            Map<Emotion, double[]> sums = new EnumMap<>(Emotion.class);
            var decoder = new io.github.emotion4j.core.FFmpegMediaDecoder();
            for (LabelledClip clip : data.clips()) {
                double x = feature.applyAsDouble(decoder.decode(clip.path(), request));
                double[] sum = sums.computeIfAbsent(clip.label(), e -> new double[2]);
                sum[0] += x;
                sum[1]++;
            }
            double[] centroids = new double[Emotion.COUNT];
            for (Emotion e : Emotion.values()) {
                centroids[e.ordinal()] = sums.get(e)[0] / sums.get(e)[1];
            }
            return new CentroidBranch(name, request, request.wantsAudio() ? "pitch" : "brightness", centroids, scale);
        }

        static double brightness(MediaClip clip) {
            double[] sum = new double[2];
            try {
                clip.frames().orElseThrow().forEach(f -> {
                    var p = f.pixels();
                    for (int i = 0; i < p.remaining(); i++) {
                        sum[0] += p.get(i) & 0xff;
                    }
                    sum[1] += p.remaining();
                });
            } catch (EmotionException e) {
                throw new IllegalStateException(e);
            }
            return sum[0] / sum[1];
        }

        static double pitch(MediaClip clip) {
            var audio = clip.audio().orElseThrow();
            float[] s = audio.samples();
            int crossings = 0;
            for (int i = 1; i < s.length; i++) {
                if (s[i - 1] < 0 && s[i] >= 0) {
                    crossings++;
                }
            }
            return crossings * audio.sampleRate() / (double) s.length;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public MediaRequest mediaRequest() {
            return request;
        }

        @Override
        public BranchResult predict(MediaClip clip) {
            if (feature.equals("pitch") ? clip.audio().isEmpty() : clip.frames().isEmpty()) {
                return BranchResult.abstain("no " + (feature.equals("pitch") ? "audio" : "video"));
            }
            double x = feature.equals("pitch") ? pitch(clip) : brightness(clip);
            double[] scores = new double[Emotion.COUNT];
            for (int e = 0; e < Emotion.COUNT; e++) {
                double d = (x - centroids[e]) / scale;
                scores[e] = Math.exp(-d * d);
            }
            return BranchResult.of(EmotionScores.of(scores));
        }

        @Override
        public String type() {
            return "test-centroid";
        }

        @Override
        public Map<String, String> properties() {
            return Map.of("feature", feature, "scale", Double.toString(scale), "centroids",
                    java.util.Arrays.toString(centroids).replaceAll("[\\[\\] ]", ""));
        }

        @Override
        public void save(Path directory) {
        }

        static final class Factory implements io.github.emotion4j.core.bundle.BranchFactory {
            @Override
            public String type() {
                return "test-centroid";
            }

            @Override
            public EmotionBranch load(io.github.emotion4j.core.bundle.BranchSource source) {
                String feature = source.properties().get("feature");
                double[] centroids = java.util.Arrays.stream(source.properties().get("centroids").split(","))
                        .mapToDouble(Double::parseDouble).toArray();
                MediaRequest request = feature.equals("pitch") ? MediaRequest.audio() : MediaRequest.frames(FrameGrid.PAPER);
                return new CentroidBranch(source.entry().name(), request, feature, centroids,
                        Double.parseDouble(source.properties().get("scale")));
            }
        }
    }
}
