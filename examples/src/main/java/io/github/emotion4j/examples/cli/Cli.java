package io.github.emotion4j.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.Json;
import java.nio.file.Path;
import java.time.Duration;

/** Small helpers shared by the commands. */
final class Cli {

    private Cli() {
    }

    /** {@code {"file": ..., "error": ...}} for a failed file. */
    static ObjectNode error(Path file, Exception e) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("file", file.toString());
        node.put("error", e.getMessage());
        node.put("error_type", e.getClass().getSimpleName());
        return node;
    }

    static double seconds(Duration duration) {
        return Math.round(duration.toNanos() / 1e3) / 1e6;
    }

    /** The recognizer from {@code model}, or the default model when it is null. */
    static EmotionRecognizer recognizer(Path model) throws EmotionException {
        return model == null ? EmotionRecognizer.loadDefault() : EmotionRecognizer.load(model);
    }
}
