package io.github.emotion4j.audio.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.eval.Evaluation;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioMapsBranchTest {

    @TempDir
    Path temp;

    @Test
    void learnsTheSyntheticEmotionsWellAboveChanceOnHeldOutClips() throws Exception {
        Evaluation evaluation = BranchTests.evaluate(TrainedModels.maps().bundle(), TrainedModels.test());
        assertTrue(evaluation.accuracy() >= 0.6, "held-out accuracy " + evaluation.accuracy() + "\n" + evaluation.toMarkdown());
    }

    @Test
    void predictsIdenticallyAfterSaveAndLoad() throws Exception {
        BranchTests.assertSameAfterSaveAndLoad(TrainedModels.maps().branch(), TrainedModels.maps().bundle(), temp.resolve("copy"),
                TrainedModels.test());
    }

    @Test
    void abstainsWithoutAudioAndOnTooShortAudio() throws Exception {
        AudioMapsBranch maps = TrainedModels.maps().branch();
        BranchTests.assertAbstains(maps, BranchTests.silentVideoClip(), "no audio");
        BranchTests.assertAbstains(maps, BranchTests.tooShortClip(), "too short");
    }

    @Test
    void scoresALongClipAsTheMeanOfItsWindowsOfEightMaps() {
        AudioMapsBranch maps = TrainedModels.maps().branch();
        double[][] sequence = new double[200][34];   // 200 steps (10 s) → 11 maps → windows starting at maps 0 and 3
        Random random = new Random(5);
        for (double[] row : sequence) {
            for (int f = 0; f < row.length; f++) {
                row[f] = random.nextGaussian();
            }
        }
        double[][] windows = maps.windowProbabilities(sequence);
        assertEquals(2, windows.length);
        double[] mean = new double[7];
        for (double[] window : windows) {
            for (int e = 0; e < 7; e++) {
                mean[e] += window[e] / windows.length;
            }
        }
        EmotionScores scores = maps.scores(List.<double[][]>of(sequence)).get(0);
        assertArrayEquals(EmotionScores.of(mean).toArray(), scores.toArray(), 1e-9);
    }

    @Test
    void reportsBothStagesEpochByEpoch_andFineTunesTheTrunkWhenAsked() throws Exception {
        Dataset small = TrainedModels.train().filter("two classes", c -> c.label() == Emotion.FEAR || c.label() == Emotion.SADNESS);
        Dataset held = TrainedModels.validation().filter("two classes", c -> c.label() == Emotion.FEAR || c.label() == Emotion.SADNESS);
        RecordingListener listener = new RecordingListener();
        AudioMapsTrainer.Options options = TrainedModels.mapsOptions().withBatchSize(8).withIterations(3, 3).withFineTuneTrunk(true);
        try (AudioMapsBranch branch = new AudioMapsTrainer(options).train(small, held, listener)) {
            assertEquals("fine-tuned", branch.properties().get("trunk_in_stage_2"));
            List<RecordingListener.Epoch> stage1 = listener.epochsOf("stage 1");
            List<RecordingListener.Epoch> stage2 = listener.epochsOf("stage 2");
            assertFalse(stage1.isEmpty());
            assertFalse(stage2.isEmpty());
            for (RecordingListener.Epoch e : List.of(stage1.get(0), stage2.get(0))) {
                assertTrue(e.validationAccuracy() >= 0 && e.validationAccuracy() <= 1, e.toString());
                assertTrue(Double.isFinite(e.trainLoss()), e.toString());
            }
            assertEquals(3, listener.progressOf("stage 1").size());
            assertEquals(3, listener.progressOf("stage 2").size());
            assertEquals(held.size(), BranchTests.predictions(branch, held).size());
        }
    }

    @Test
    void refusesBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> AudioMapsTrainer.Options.defaults().withIterations(0, 0));
        assertThrows(IllegalArgumentException.class, () -> AudioMapsTrainer.Options.defaults().withLearningRate(0.001, 3000, 0));
        assertThrows(IllegalArgumentException.class, () -> AudioMapsTrainer.Options.defaults().withMomentum(1));
        AudioMapsTrainer.Options paper = AudioMapsTrainer.Options.defaults();
        assertEquals(0.001, paper.learningRate());
        assertEquals(3000, paper.learningRateDropEvery());
        assertEquals(0.1, paper.learningRateDropFactor());
        assertEquals(16, paper.batchSize());
        assertEquals(0.002, paper.weightDecay());
        assertEquals(10_000, paper.mapIterations());
        assertEquals(10_000, paper.sequenceIterations());
        assertEquals(128, paper.lstmSize());
        assertEquals(8, paper.sequenceLength());
    }
}
