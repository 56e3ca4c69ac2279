package io.github.emotion4j.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** JSON forms of results, shared by the command line and reports. Thread-safe. */
public final class Json {

    /** A shared mapper for emotion4j's own JSON (bundles, results, reports); configured once, thread-safe. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Scores as a JSON object keyed by emotion name, in {@link Emotion} order. */
    public static ObjectNode scores(EmotionScores scores) {
        ObjectNode node = MAPPER.createObjectNode();
        for (Map.Entry<Emotion, Double> e : scores.toMap().entrySet()) {
            node.put(e.getKey().name(), round(e.getValue()));
        }
        return node;
    }

    /** A branch result: {@code {"scores": {...}}} or {@code {"abstained": "reason"}}. */
    public static ObjectNode branchResult(BranchResult result) {
        ObjectNode node = MAPPER.createObjectNode();
        if (result.abstained()) {
            node.put("abstained", result.reason());
        } else {
            node.put("top", result.scores().orElseThrow().top().name());
            node.set("scores", scores(result.scores().orElseThrow()));
        }
        return node;
    }

    static String recognition(Recognition recognition) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("file", recognition.source().toString());
        node.put("top", recognition.top().name());
        node.set("scores", scores(recognition.scores()));
        ObjectNode branches = node.putObject("branches");
        recognition.branches().forEach((name, result) -> branches.set(name, branchResult(result)));
        node.put("elapsed_ms", recognition.elapsed().toMillis());
        return write(node);
    }

    /** Compact JSON text of a node. */
    public static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
