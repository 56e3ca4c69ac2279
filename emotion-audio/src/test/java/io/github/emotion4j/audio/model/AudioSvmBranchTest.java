package io.github.emotion4j.audio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.ModelFormatException;
import io.github.emotion4j.core.bundle.BundleWriter;
import io.github.emotion4j.core.eval.Evaluation;
import io.github.emotion4j.core.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioSvmBranchTest {

    @TempDir
    Path temp;

    @Test
    void learnsTheSyntheticEmotionsWellAboveChanceOnHeldOutClips() throws Exception {
        Evaluation evaluation = BranchTests.evaluate(TrainedModels.svm().bundle(), TrainedModels.test());
        assertEquals(TrainedModels.test().size(), evaluation.total());
        assertTrue(evaluation.accuracy() >= 0.7, "held-out accuracy " + evaluation.accuracy() + "\n" + evaluation.toMarkdown());
    }

    @Test
    void alsoLearnsFromTheLighterShortTermStatistics() throws Exception {
        AudioSvmTrainer.Options options = TrainedModels.svmOptions().withFeatures(ShortTermStatistics.INSTANCE);
        AudioSvmBranch svm = new AudioSvmTrainer(options).train(TrainedModels.train(), TrainingListener.NONE);
        assertEquals(ShortTermStatistics.ID, svm.properties().get("features"));
        List<io.github.emotion4j.core.EmotionScores> scores = BranchTests.predictions(svm, TrainedModels.test());
        long correct = 0;
        for (int i = 0; i < scores.size(); i++) {
            correct += scores.get(i).top() == TrainedModels.test().clips().get(i).label() ? 1 : 0;
        }
        assertTrue(correct >= 0.7 * scores.size(), correct + " of " + scores.size() + " held-out clips right");
    }

    @Test
    void predictsIdenticallyAfterSaveAndLoad() throws Exception {
        BranchTests.assertSameAfterSaveAndLoad(TrainedModels.svm().branch(), TrainedModels.svm().bundle(), temp.resolve("copy"),
                TrainedModels.test());
    }

    @Test
    void abstainsWithoutAudioAndOnTooShortAudio() throws Exception {
        AudioSvmBranch svm = TrainedModels.svm().branch();
        BranchTests.assertAbstains(svm, BranchTests.silentVideoClip(), "no audio");
        BranchTests.assertAbstains(svm, BranchTests.tooShortClip(), "too short");
    }

    @Test
    void choosesCAndGammaFromTheGridAndRecordsThemInTheBundle() throws Exception {
        AudioSvmBranch svm = TrainedModels.svm().branch();
        AudioSvmTrainer.Options options = TrainedModels.svmOptions();
        assertTrue(options.log2C().contains(Math.log(svm.c()) / Math.log(2)), "C " + svm.c());
        assertTrue(options.log2Gamma().contains(Math.log(svm.gamma()) / Math.log(2)), "gamma " + svm.gamma());
        try (EmotionRecognizer loaded = EmotionRecognizer.load(TrainedModels.svm().bundle())) {
            AudioSvmBranch branch = (AudioSvmBranch) loaded.branches().get(0);
            assertEquals(svm.c(), branch.c());
            assertEquals(svm.gamma(), branch.gamma());
            assertEquals("is10", branch.properties().get("features"));
            assertEquals("1582", branch.properties().get("feature_count"));
        }
        String model = Files.readString(TrainedModels.svm().bundle().resolve("branches/audio-svm/" + AudioSvmBranch.MODEL_FILE));
        assertTrue(model.startsWith("svm_type c_svc\nkernel_type rbf\n"), "LIBSVM text format expected:\n" + model.substring(0, 60));
        assertTrue(model.contains("probA"), "probability estimates expected");
    }

    @Test
    void trainingIsDeterministicForASeedAndPrintsNothing() throws Exception {
        List<double[]> x = new ArrayList<>();
        List<Emotion> y = new ArrayList<>();
        gaussianBlobs(x, y, 15, new Random(7));
        AudioSvmTrainer trainer = new AudioSvmTrainer(vectorOptions());
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        AudioSvmBranch first;
        AudioSvmBranch second;
        System.setOut(new PrintStream(captured, true));
        try {
            first = trainer.fit(x, y, TrainingListener.NONE);
            second = trainer.fit(x, y, TrainingListener.NONE);
        } finally {
            System.setOut(original);
        }
        assertEquals("", captured.toString(), "LIBSVM must not print to standard output");
        Random random = new Random(8);
        for (int i = 0; i < 20; i++) {
            double[] probe = random.doubles(3, -3, 3).toArray();
            assertEquals(first.scores(probe), second.scores(probe));
        }
    }

    @Test
    void crossValidatesBySpeakerWhenTheClipsNameTheirSpeakers() throws Exception {
        List<String> speakers = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            speakers.add("actor" + (i % 9));
        }
        int[] folds = AudioSvmTrainer.speakerFolds(speakers, 3, new Random(1));
        java.util.Map<String, java.util.Set<Integer>> foldsOfSpeaker = new java.util.HashMap<>();
        for (int i = 0; i < speakers.size(); i++) {
            foldsOfSpeaker.computeIfAbsent(speakers.get(i), k -> new java.util.HashSet<>()).add(folds[i]);
        }
        foldsOfSpeaker.values().forEach(f -> assertEquals(1, f.size(), "a speaker's clips share one fold"));
        assertEquals(java.util.Set.of(0, 1, 2), java.util.Arrays.stream(folds).boxed().collect(java.util.stream.Collectors.toSet()));

        List<double[]> x = new ArrayList<>();
        List<Emotion> y = new ArrayList<>();
        gaussianBlobs(x, y, 15, new Random(7));
        AudioSvmTrainer trainer = new AudioSvmTrainer(vectorOptions());
        assertEquals("speaker", trainer.fit(x, y, speakers, TrainingListener.NONE).properties().get("cv_folds_by"));
        assertEquals("class", trainer.fit(x, y, TrainingListener.NONE).properties().get("cv_folds_by"));
        List<String> twoSpeakers = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            twoSpeakers.add(i % 2 == 0 ? "a" : "b");
        }
        assertEquals("class", trainer.fit(x, y, twoSpeakers, TrainingListener.NONE).properties().get("cv_folds_by"),
                "fewer speakers than folds: stratified folds");
    }

    @Test
    void balancedClassWeightsHelpARareClass() throws Exception {
        // Two overlapping classes, 90 clips of one and 10 of the other: unweighted, the rare class is mostly lost.
        List<double[]> x = new ArrayList<>();
        List<Emotion> y = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            boolean rare = i % 10 == 0;
            x.add(new double[] {random.nextGaussian() + (rare ? 1.2 : 0), random.nextGaussian(), random.nextGaussian()});
            y.add(rare ? Emotion.FEAR : Emotion.NEUTRAL);
        }
        AudioSvmBranch plain = new AudioSvmTrainer(vectorOptions()).fit(x, y, TrainingListener.NONE);
        AudioSvmBranch weighted = new AudioSvmTrainer(vectorOptions().withBalancedClassWeights(true)).fit(x, y, TrainingListener.NONE);
        assertEquals("balanced", weighted.properties().get("class_weights"));
        int plainRare = 0;
        int weightedRare = 0;
        for (int i = 0; i < 200; i++) {
            double[] probe = {random.nextGaussian() + 1.2, random.nextGaussian(), random.nextGaussian()};
            plainRare += decisionIsFear(plain, probe) ? 1 : 0;
            weightedRare += decisionIsFear(weighted, probe) ? 1 : 0;
        }
        assertTrue(weightedRare > plainRare, "weighted " + weightedRare + " vs plain " + plainRare + " rare-class decisions");
    }

    private static boolean decisionIsFear(AudioSvmBranch branch, double[] probe) {
        return branch.predictedLabel(probe) == Emotion.FEAR;
    }

    @Test
    void refusesASingleClassAndTooFewClips() {
        AudioSvmTrainer trainer = new AudioSvmTrainer(vectorOptions());
        List<double[]> x = List.of(new double[] {0, 0, 0}, new double[] {1, 1, 1}, new double[] {2, 2, 2});
        EmotionException single = assertThrows(EmotionException.class,
                () -> trainer.fit(x, List.of(Emotion.ANGER, Emotion.ANGER, Emotion.ANGER), TrainingListener.NONE));
        assertTrue(single.getMessage().contains("two classes"), single.getMessage());
        assertThrows(EmotionException.class, () -> trainer.fit(x.subList(0, 2), List.of(Emotion.ANGER, Emotion.FEAR), TrainingListener.NONE));
        assertThrows(IllegalArgumentException.class, () -> vectorOptions().withFolds(1));
    }

    @Test
    void loadingRefusesABundleWhoseModelFileIsNotLibsvm() throws Exception {
        Path bundle = temp.resolve("bad-svm");
        try (BundleWriter writer = BundleWriter.create(bundle)) {
            Path folder = writer.addBranch("audio-svm", AudioSvmBranch.TYPE, 1, Map.of("features", "is10"));
            Files.writeString(folder.resolve(AudioSvmBranch.MODEL_FILE), "this is not a LIBSVM model\n");
            Files.copy(TrainedModels.svm().bundle().resolve("branches/audio-svm/" + AudioSvmBranch.STATISTICS_FILE),
                    folder.resolve(AudioSvmBranch.STATISTICS_FILE));
            writer.commit();
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> EmotionRecognizer.load(bundle));
        assertTrue(e.getMessage().contains(AudioSvmBranch.MODEL_FILE), e.getMessage());
    }

    @Test
    void loadingRefusesUnknownFeatures() throws Exception {
        Path bundle = temp.resolve("unknown-features");
        try (BundleWriter writer = BundleWriter.create(bundle)) {
            writer.addBranch("audio-svm", AudioSvmBranch.TYPE, 1, Map.of("features", "mystery-features"));
            writer.commit();
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> EmotionRecognizer.load(bundle));
        assertTrue(e.getMessage().contains("mystery-features"), e.getMessage());
    }

    /** Three well-separated classes in 3 dimensions. */
    private static void gaussianBlobs(List<double[]> x, List<Emotion> y, int perClass, Random random) {
        Emotion[] classes = {Emotion.ANGER, Emotion.HAPPINESS, Emotion.SADNESS};
        for (int c = 0; c < classes.length; c++) {
            for (int i = 0; i < perClass; i++) {
                x.add(new double[] {random.nextGaussian() + 4 * c, random.nextGaussian(), random.nextGaussian() - 2 * c});
                y.add(classes[c]);
            }
        }
    }

    /** Options for training on plain 3-dimensional vectors. */
    private static AudioSvmTrainer.Options vectorOptions() {
        return AudioSvmTrainer.Options.defaults().withFeatures(new VectorFeatures(3)).withGrid(List.of(-1.0, 1.0, 3.0),
                List.of(-3.0, -1.0, 1.0)).withFolds(3).withThreads(2);
    }

    /** Clip features that are not computed from audio: lets the trainer be tested on plain vectors. */
    private record VectorFeatures(int size) implements ClipFeatures {
        @Override
        public String id() {
            return "test-vector";
        }

        @Override
        public List<String> names() {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                names.add("x" + i);
            }
            return names;
        }

        @Override
        public double[] extract(float[] samples, int sampleRate) {
            throw new UnsupportedOperationException("vectors only");
        }
    }
}
