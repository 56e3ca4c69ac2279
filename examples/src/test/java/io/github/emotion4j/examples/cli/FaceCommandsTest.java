package io.github.emotion4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.emotion4j.core.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The face commands on the demo portrait (public domain, examples/demo). */
class FaceCommandsTest {

    private static final Path PORTRAIT = Path.of("demo/grace_hopper_512x512.jpg");

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Emotion4jCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void landmarksFindsOneFaceWith68Points() throws Exception {
        String[] r = run("landmarks", PORTRAIT.toString());

        assertEquals("0", r[0], r[2]);
        JsonNode json = Json.MAPPER.readTree(r[1]);
        assertEquals(1, json.get("faces").size());
        JsonNode face = json.get("faces").get(0);
        assertEquals(68, face.get("points").size());
        // the outer eye corners lie inside the face box, the right eye (36) left of the left eye (45)
        double x36 = face.get("points").get(36).get(0).asDouble();
        double x45 = face.get("points").get(45).get(0).asDouble();
        assertTrue(face.get("box").get(0).asDouble() < x36 && x36 < x45 && x45 < face.get("box").get(2).asDouble());
    }

    @Test
    void expressionScoresACrop() throws Exception {
        String[] r = run("expression", "--model", "faceapi", PORTRAIT.toString());

        assertEquals("0", r[0], r[2]);
        JsonNode json = Json.MAPPER.readTree(r[1]);
        assertEquals(7, json.get("scores").size());
        assertEquals("faceapi", json.get("model").asText());
    }

    @Test
    void timelineGivesEverySampledFrameOfTheDemoClip() throws Exception {
        String[] r = run("timeline", "--format", "csv", "demo/demo.mp4");

        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].strip().split("\n");
        assertTrue(lines[0].startsWith("time_s,track,dominant,x,y,width,height,top,ANGER"));
        assertEquals(1 + 42, lines.length, "one row per sampled frame (one face each)");
        assertTrue(lines[1].startsWith("0.000000,0,true,"), lines[1]);
    }
}
