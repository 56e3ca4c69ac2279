package io.github.emotion4j.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.vision.CroppedFaceBranch;
import io.github.emotion4j.vision.StillImageDecoder;
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

    /** The {@code --model} keywords that name built-in models rather than bundles. */
    static final String MODEL_HELP = "model bundle (directory or zip), or a built-in model: default (the embedded default "
            + "model), faceapi or minixception (one embedded network on already-cropped face images, no detection)";

    /**
     * The recognizer for a {@code --model} value: null or {@code default} for the default model, {@code faceapi} or
     * {@code minixception} for one embedded network on face crops, anything else a bundle path.
     */
    static EmotionRecognizer recognizer(String model) throws EmotionException {
        if (model == null || model.equals("default")) {
            return EmotionRecognizer.loadDefault();
        }
        if (model.equals("faceapi") || model.equals("minixception")) {
            boolean faceApi = model.equals("faceapi");
            return EmotionRecognizer.builder().decoder(new StillImageDecoder())
                    .addBranch(CroppedFaceBranch.embedded(model, faceApi ? 1 : 0, faceApi ? 0 : 1), 1).build();
        }
        return EmotionRecognizer.load(Path.of(model));
    }

    /** A short name of a {@code --model} value for titles. */
    static String modelName(String model) {
        return model == null ? "default" : Path.of(model).getFileName().toString();
    }
}
