package io.github.emotion4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    static Path dir;

    /** Three "emotions" whose synthetic voices differ in pitch, syllable rate and loudness. */
    private static final Map<Emotion, double[]> VOICES = Map.of(
            Emotion.ANGER, new double[] {220, 5.5, 0.8},
            Emotion.SADNESS, new double[] {110, 2.0, 0.2},
            Emotion.SURPRISE, new double[] {340, 3.0, 0.6});

    @BeforeAll
    static void writeData() throws Exception {
        new FFmpegMediaDecoder(); // quiets FFmpeg's log before the recorder writes
        Random random = new Random(11);
        for (String split : List.of("Train", "Val", "Test")) {
            int perClass = split.equals("Train") ? 8 : 3;
            for (Map.Entry<Emotion, double[]> voice : VOICES.entrySet()) {
                Path folder = Files.createDirectories(dir.resolve(split).resolve(voice.getKey().afewName()));
                for (int i = 0; i < perClass; i++) {
                    TestMedia.writeWav(folder.resolve(i + ".wav"), 16_000, voice(voice.getValue(), 1.5 + random.nextDouble(), random));
                }
            }
        }
    }

    private static float[] voice(double[] voice, double seconds, Random random) {
        double f0 = voice[0] * (1 + 0.05 * random.nextGaussian());
        double syllable = 1 / voice[1];
        float[] samples = new float[(int) (seconds * 16_000)];
        double phase = 0;
        for (int i = 0; i < samples.length; i++) {
            double t = i / 16_000.0;
            double within = (t % syllable) / syllable;
            double value = 0;
            if (within < 0.7) {
                phase += 2 * Math.PI * f0 / 16_000;
                for (int h = 1; h <= 8; h++) {
                    value += Math.sin(h * phase) / h;
                }
                value *= 0.3 * voice[2] * Math.sin(Math.PI * within / 0.7);
            }
            samples[i] = (float) (value + 0.003 * random.nextGaussian());
        }
        return samples;
    }

    @Test
    void trainsAnSvmEndToEnd_thenClassifiesAndEvaluatesWithIt() throws Exception {
        Path bundle = dir.resolve("svm-model");
        Emotion4jCommandTest.Run train = Emotion4jCommandTest.run("train", "--branch", "audio-svm", "--features", "short-term-statistics",
                "--folds", "3", "--log2c", "-1:5:2", "--log2gamma", "-9:-3:2", "--train", dir.resolve("Train").toString(),
                "--val", dir.resolve("Val").toString(), "--out", bundle.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("SVM grid search"), train.out());
        assertTrue(train.out().contains("validation accuracy"), train.out());
        assertTrue(Files.isRegularFile(bundle.resolve("manifest.json")));
        assertTrue(Files.readString(bundle.resolve("manifest.json")).contains("\"command\""), "the command is recorded as provenance");

        Path clip = dir.resolve("Test").resolve(Emotion.SADNESS.afewName()).resolve("0.wav");
        Emotion4jCommandTest.Run classify = Emotion4jCommandTest.run("classify", "--model", bundle.toString(), clip.toString());
        assertEquals(0, classify.code(), classify.err());
        JsonNode line = Json.MAPPER.readTree(classify.out().strip());
        assertEquals("SADNESS", line.get("top").asText(), classify.out());

        Emotion4jCommandTest.Run evaluate = Emotion4jCommandTest.run("evaluate", "--model", bundle.toString(), "--data",
                dir.resolve("Test").toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(evaluate.out().contains("ccuracy"), evaluate.out());
    }

    @Test
    void trainsATinyLstmPrintingValidationAccuracyEveryEpoch() {
        Path bundle = dir.resolve("lstm-model.zip");
        Emotion4jCommandTest.Run train = Emotion4jCommandTest.run("train", "--branch", "audio-lstm", "--hidden", "8", "--epochs", "2",
                "--batch", "8", "--lr", "0.01", "--train", dir.resolve("Train").toString(), "--val", dir.resolve("Val").toString(),
                "--out", bundle.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("epoch 1: train loss"), train.out());
        assertTrue(train.out().contains("epoch 2: train loss"), train.out());
        assertTrue(Files.isRegularFile(bundle));
        Path clip = dir.resolve("Test").resolve(Emotion.ANGER.afewName()).resolve("1.wav");
        Emotion4jCommandTest.Run classify = Emotion4jCommandTest.run("classify", "--model", bundle.toString(), clip.toString());
        assertEquals(0, classify.code(), classify.err());
        assertTrue(classify.out().contains("\"audio-lstm\""), classify.out());
    }

    @Test
    void refusesToOverwriteAndRefusesOptionsOfAnotherBranch() throws Exception {
        Path existing = Files.createDirectories(dir.resolve("existing"));
        Emotion4jCommandTest.Run overwrite = Emotion4jCommandTest.run("train", "--branch", "audio-svm", "--train",
                dir.resolve("Train").toString(), "--out", existing.toString());
        assertEquals(1, overwrite.code());
        assertTrue(overwrite.err().contains("refusing to overwrite"), overwrite.err());

        Emotion4jCommandTest.Run misplaced = Emotion4jCommandTest.run("train", "--branch", "audio-svm", "--hidden", "8", "--train",
                dir.resolve("Train").toString(), "--out", dir.resolve("never").toString());
        assertEquals(2, misplaced.code());
        assertTrue(misplaced.err().contains("--hidden does not apply to --branch audio-svm"), misplaced.err());

        Emotion4jCommandTest.Run unknown = Emotion4jCommandTest.run("train", "--branch", "audio-cnn", "--train",
                dir.resolve("Train").toString(), "--out", dir.resolve("never").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("audio-cnn"), unknown.err());
        assertTrue(Files.notExists(dir.resolve("never")));
    }
}
