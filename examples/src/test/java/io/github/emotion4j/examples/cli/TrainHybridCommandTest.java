package io.github.emotion4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.testing.TestMedia;
import io.github.emotion4j.examples.LoudnessBranch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainHybridCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Emotion4jCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Angry clips are loud and high, sad ones soft and low: any audio branch can tell them apart. */
    private void split(Path root, int clips, double shift) throws Exception {
        for (int i = 0; i < clips; i++) {
            Files.createDirectories(root.resolve("Angry"));
            Files.createDirectories(root.resolve("Sad"));
            TestMedia.writeTone(root.resolve("Angry/a" + i + ".wav"), 16_000, 1, 1.0, 900 + 40 * i + shift);
            float[] soft = new float[16_000];
            for (int s = 0; s < soft.length; s++) {
                soft[s] = (float) (0.02 * Math.sin(2 * Math.PI * (150 + 10 * i + shift) * s / 16_000.0));
            }
            TestMedia.writeWav(root.resolve("Sad/s" + i + ".wav"), 16_000, soft);
        }
    }

    @Test
    void trainsEachBranchSearchesWeightsOnValRetrainsAndWritesOneBundleWithReports() throws Exception {
        Path data = dir.resolve("afew");
        split(data.resolve("Train"), 4, 0);
        split(data.resolve("Val"), 3, 5);
        split(data.resolve("Test"), 3, 11);
        Path own;
        try (EmotionRecognizer r = EmotionRecognizer.builder().addBranch(new LoudnessBranch("loudness", -30), 1).build()) {
            own = r.save(dir.resolve("loudness"), Map.of());
        }

        Run run = run("train-hybrid", "--data", data.toString(),
                "--branch", "audio-svm --folds 2 --log2c 1 --log2gamma -7 --threads 1",
                "--branch", "audio-lstm --hidden 4 --epochs 2 --batch 4 --threads 1",
                "--add", own.toString(), "--retrain-on-train-val", "--step", "0.25", "--out", dir.resolve("hybrid.zip").toString());

        assertEquals(0, run.code(), run.err() + run.out());
        assertTrue(run.out().contains("validation accuracy"), run.out());
        try (EmotionRecognizer hybrid = EmotionRecognizer.load(dir.resolve("hybrid.zip"))) {
            assertEquals(Set.of("audio-svm", "audio-lstm", "loudness"), hybrid.weights().keySet());
            assertEquals(1.0, hybrid.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        }
        Path work = dir.resolve("hybrid-work");
        assertTrue(Files.isDirectory(work.resolve("train/audio-svm")) && Files.isDirectory(work.resolve("final/audio-svm")));
        assertTrue(Files.exists(work.resolve("report-validation/confusion-fused.png")));
        assertTrue(Files.exists(work.resolve("report-test/report.json")));
        try (Stream<Path> linked = Files.walk(work.resolve("train+val"))) {
            List<Path> links = linked.filter(Files::isSymbolicLink).toList();
            assertEquals(14, links.size(), "every Train and Val clip linked, none copied");
        }
        assertTrue(Files.exists(data.resolve("Train/Angry/a0.wav")), "the user's data is untouched");
    }

    @Test
    void refusesOptionsItSetsItselfAndExistingOutputs() throws Exception {
        Files.createDirectories(dir.resolve("afew/Train"));
        Files.createDirectories(dir.resolve("afew/Val"));
        Run setByUs = run("train-hybrid", "--data", dir.resolve("afew").toString(), "--branch", "audio-svm --out x",
                "--out", dir.resolve("h.zip").toString());
        assertEquals(2, setByUs.code());
        assertTrue(setByUs.err().contains("--out is set by train-hybrid"), setByUs.err());
        Run sameName = run("train-hybrid", "--data", dir.resolve("afew").toString(), "--branch", "audio-svm --name a",
                "--branch", "audio-lstm --name a", "--out", dir.resolve("h.zip").toString());
        assertEquals(2, sameName.code());
        assertTrue(sameName.err().contains("'a'"), sameName.err());
        Files.writeString(dir.resolve("taken.zip"), "a user's file");
        Run taken = run("train-hybrid", "--data", dir.resolve("afew").toString(), "--out", dir.resolve("taken.zip").toString());
        assertEquals(1, taken.code());
        assertTrue(taken.err().contains("refusing to overwrite"), taken.err());
        assertEquals("a user's file", Files.readString(dir.resolve("taken.zip")));
        Run noVal = run("train-hybrid", "--data", dir.toString(), "--out", dir.resolve("h2.zip").toString());
        assertEquals(1, noVal.code());
        assertTrue(noVal.err().contains("Train"), noVal.err());
    }

    @Test
    void repeatedTypesGetDistinctNames() {
        List<TrainHybridCommand.BranchSpec> specs = TrainHybridCommand.specs(List.of("audio-svm", "audio-svm --features is10-corrected"));
        assertEquals(List.of("audio-svm", "audio-svm-2"), specs.stream().map(TrainHybridCommand.BranchSpec::name).toList());
    }
}
