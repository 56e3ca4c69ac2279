package io.github.emotion4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.core.testing.TestMedia;
import io.github.emotion4j.core.testing.TestMedia.Container;
import io.github.emotion4j.examples.LoudnessBranch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Emotion4jCommandTest {

    @TempDir
    static Path dir;

    static Path clip;
    static Path model;

    @BeforeAll
    static void setUp() throws Exception {
        clip = TestMedia.writeVideo(dir.resolve("clip.mp4"), Container.MP4_H264_AAC, 64, 48, 25, 50, 440, 2);
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder().addBranch(new LoudnessBranch(-26), 1).build()) {
            model = recognizer.save(dir.resolve("loudness"), Map.of());
        }
    }

    record Run(int code, String out, String err) {
        List<JsonNode> jsonLines() throws Exception {
            List<JsonNode> nodes = new java.util.ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(Json.MAPPER.readTree(line));
                }
            }
            return nodes;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Emotion4jCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void inspectPrintsStreamsAndGridFramesAndErrorsPerFile() throws Exception {
        Run run = run("inspect", clip.toString(), dir.resolve("missing.mp4").toString());

        assertEquals(1, run.code());
        List<JsonNode> lines = run.jsonLines();
        assertEquals(2, lines.size());
        assertEquals(15, lines.get(0).get("grid_frames_60fps_gap8").asInt());
        assertEquals(64, lines.get(0).get("video").get("width").asInt());
        assertEquals(25.0, lines.get(0).get("video").get("fps").asDouble(), 1e-9);
        assertEquals(44_100, lines.get(0).get("audio").get("sample_rate").asInt());
        assertEquals(2, lines.get(0).get("audio").get("channels").asInt());
        assertTrue(lines.get(1).get("error").asText().contains("no such file"));
    }

    @Test
    void classifyPrintsOneJsonLinePerFileAndKeepsGoingAfterAFailure() throws Exception {
        Path bad = Files.write(dir.resolve("bad.mp4"), new byte[1000]);
        Run run = run("classify", "--model", model.toString(), clip.toString(), bad.toString(), clip.toString());

        assertEquals(1, run.code());
        List<JsonNode> lines = run.jsonLines();
        assertEquals(3, lines.size());
        assertEquals(clip.toString(), lines.get(0).get("file").asText());
        assertEquals(7, lines.get(0).get("scores").size());
        assertTrue(lines.get(0).get("branches").has("loudness"));
        assertEquals(bad.toString(), lines.get(1).get("file").asText());
        assertTrue(lines.get(1).has("error"));
        assertEquals(lines.get(0).get("top"), lines.get(2).get("top"));
    }

    @Test
    void classifySucceedsWithExitCodeZero() {
        Run run = run("classify", "-m", model.toString(), clip.toString());
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void evaluateWritesTableAndReport() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("Angry"));
        Files.createDirectories(data.resolve("Sad"));
        TestMedia.writeTone(data.resolve("Angry/loud.wav"), 16_000, 1, 1.0, 300);
        float[] soft = new float[16_000];
        for (int i = 0; i < soft.length; i++) {
            soft[i] = (float) (0.004 * Math.sin(i * 0.1));
        }
        TestMedia.writeWav(data.resolve("Sad/soft.wav"), 16_000, soft);
        Path report = dir.resolve("report");

        Run run = run("evaluate", "--model", model.toString(), "--data", data.toString(), "--report", report.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("| loudness | 100.00 % | 100.00 % | 0 |"), run.out());
        assertTrue(run.out().contains("| fused | 100.00 % | 100.00 % | 0 |"), run.out());
        assertEquals(1.0, Json.MAPPER.readTree(report.resolve("report.json").toFile()).get("models").get(1).get("accuracy").asDouble());
        for (String file : List.of("report.md", "report.json", "confusion-loudness.png", "confusion-fused.png")) {
            assertTrue(Files.size(report.resolve(file)) > 0, file);
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("inspect", "classify", "evaluate")) {
            Run run = run(command, "--help");
            assertEquals(0, run.code());
            assertTrue(run.out().contains("Usage: emotion4j " + command), run.out());
        }
    }

    @Test
    void missingModelIsAClearError() {
        Run run = run("classify", "--model", dir.resolve("nope").toString(), clip.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("no such model bundle"), run.err());
    }
}
