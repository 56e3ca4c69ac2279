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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuseCommandTest {

    @TempDir
    Path dir;

    private Path bundle(String name, double pivot) throws Exception {
        try (EmotionRecognizer r = EmotionRecognizer.builder().addBranch(new LoudnessBranch(name, pivot), 1).build()) {
            return r.save(dir.resolve(name), Map.of());
        }
    }

    private void data(Path root) throws Exception {
        Files.createDirectories(root.resolve("Angry"));
        Files.createDirectories(root.resolve("Sad"));
        TestMedia.writeTone(root.resolve("Angry/a.wav"), 16_000, 1, 0.5, 300);
        float[] soft = new float[8000];
        for (int i = 0; i < soft.length; i++) {
            soft[i] = (float) (0.01 * Math.sin(i * 0.1));
        }
        TestMedia.writeWav(root.resolve("Sad/s.wav"), 16_000, soft);
    }

    @Test
    void searchesWeightsOnValidationAndWritesOneBundleAndAReport() throws Exception {
        Path a = bundle("quiet-pivot", -45);
        Path b = bundle("loud-pivot", -20);
        data(dir.resolve("val"));
        data(dir.resolve("test"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Emotion4jCommand.run(new PrintWriter(out), new PrintWriter(err), "fuse", "--branch", a.toString(), "--branch", b.toString(),
                "--val", dir.resolve("val").toString(), "--test", dir.resolve("test").toString(), "--step", "0.25",
                "--out", dir.resolve("fused.zip").toString(), "--report", dir.resolve("report").toString());

        assertEquals(0, code, err.toString());
        try (EmotionRecognizer fused = EmotionRecognizer.load(dir.resolve("fused.zip"))) {
            assertEquals(2, fused.branches().size());
            assertEquals(1.0, fused.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        }
        assertTrue(Files.exists(dir.resolve("report/confusion-fused.png")));
        assertTrue(out.toString().contains("validation accuracy"), out.toString());
    }
}
