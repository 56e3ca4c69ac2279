package io.github.emotion4j.audio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.ModelFormatException;
import io.github.emotion4j.core.bundle.BundleWriter;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.eval.Evaluation;
import io.github.emotion4j.core.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioLstmBranchTest {

    @TempDir
    Path temp;

    @Test
    void learnsTheSyntheticEmotionsWellAboveChanceOnHeldOutClips() throws Exception {
        Evaluation evaluation = BranchTests.evaluate(TrainedModels.lstm().bundle(), TrainedModels.test());
        assertTrue(evaluation.accuracy() >= 0.6, "held-out accuracy " + evaluation.accuracy() + "\n" + evaluation.toMarkdown());
    }

    @Test
    void predictsIdenticallyAfterSaveAndLoad() throws Exception {
        BranchTests.assertSameAfterSaveAndLoad(TrainedModels.lstm().branch(), TrainedModels.lstm().bundle(), temp.resolve("copy"),
                TrainedModels.test());
    }

    @Test
    void abstainsWithoutAudioAndOnTooShortAudio() throws Exception {
        AudioLstmBranch lstm = TrainedModels.lstm().branch();
        BranchTests.assertAbstains(lstm, BranchTests.silentVideoClip(), "no audio");
        BranchTests.assertAbstains(lstm, BranchTests.tooShortClip(), "too short");
    }

    @Test
    void fullSizeNetworkHasTheHandCountedParameters() {
        MultiLayerNetwork network = new MultiLayerNetwork(new AudioLstmTrainer(AudioLstmTrainer.Options.defaults()).configuration());
        network.init();
        try {
            // LSTM(512) on 34 features: 4 gates x (input weights 34x512 + recurrent weights 512x512 + bias 512)
            long lstm = 4L * (34 * 512 + 512 * 512 + 512);      // 4 x 280,064 = 1,120,256
            long softmax = 512 * 7 + 7;                          // 3,591
            assertEquals(lstm + softmax, network.numParams());   // 1,123,847
            assertEquals(1_123_847, lstm + softmax);
        } finally {
            network.close();
        }
    }

    @Test
    void reportsProgressAndValidationAccuracyEveryEpochAndKeepsTheBestEpoch() throws Exception {
        Dataset small = TrainedModels.train().filter("two classes", c -> c.label() == Emotion.ANGER || c.label() == Emotion.SADNESS);
        Dataset held = TrainedModels.validation().filter("two classes", c -> c.label() == Emotion.ANGER || c.label() == Emotion.SADNESS);
        RecordingListener listener = new RecordingListener();
        AudioLstmTrainer.Options options = TrainedModels.lstmOptions().withHiddenSize(8).withEpochs(3).withBatchSize(5);
        try (AudioLstmBranch branch = new AudioLstmTrainer(options).train(small, held, listener)) {
            List<RecordingListener.Epoch> epochs = listener.epochsOf("LSTM");
            assertEquals(List.of(1, 2, 3), epochs.stream().map(RecordingListener.Epoch::epoch).toList());
            epochs.forEach(e -> assertTrue(e.validationAccuracy() >= 0 && e.validationAccuracy() <= 1, e.toString()));
            List<RecordingListener.Progress> steps = listener.progressOf("LSTM");
            assertEquals(3 * 4, steps.size(), "20 clips in batches of 5, 3 epochs");
            assertEquals(steps.size(), steps.get(steps.size() - 1).step());
            double best = epochs.stream().mapToDouble(RecordingListener.Epoch::validationAccuracy).max().orElseThrow();
            long correct = 0;
            List<io.github.emotion4j.core.EmotionScores> scores = BranchTests.predictions(branch, held);
            for (int i = 0; i < scores.size(); i++) {
                correct += scores.get(i).top() == held.clips().get(i).label() ? 1 : 0;
            }
            assertEquals(best, correct / (double) held.size(), 1e-9, "the kept parameters are those of the best validation epoch");
            assertTrue(listener.finished.contains("LSTM training"));
        }
    }

    @Test
    void refusesASingleClassAndBadOptions() {
        Dataset angry = TrainedModels.train().filter("anger only", c -> c.label() == Emotion.ANGER);
        EmotionException e = assertThrows(EmotionException.class,
                () -> new AudioLstmTrainer(TrainedModels.lstmOptions()).train(angry, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("two classes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AudioLstmTrainer.Options.defaults().withHiddenSize(0));
        assertThrows(IllegalArgumentException.class, () -> AudioLstmTrainer.Options.defaults().withDropout(1));
        assertThrows(IllegalArgumentException.class, () -> AudioLstmTrainer.Options.defaults().withLearningRate(-1));
    }

    @Test
    void loadingRefusesANetworkFileThatIsNotOne() throws Exception {
        Path bundle = temp.resolve("bad-lstm");
        Path trained = TrainedModels.lstm().bundle().resolve("branches/audio-lstm");
        try (BundleWriter writer = BundleWriter.create(bundle)) {
            Path folder = writer.addBranch("audio-lstm", AudioLstmBranch.TYPE, 1, Map.of("min_steps", "16"));
            Files.writeString(folder.resolve(AudioLstmBranch.NETWORK_FILE), "not a zip");
            Files.copy(trained.resolve(AudioLstmBranch.STATISTICS_FILE), folder.resolve(AudioLstmBranch.STATISTICS_FILE));
            writer.commit();
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> EmotionRecognizer.load(bundle));
        assertTrue(e.getMessage().contains(AudioLstmBranch.NETWORK_FILE), e.getMessage());
    }
}
