package io.github.emotion4j.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.vision.CroppedFaceBranch;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code expression --model faceapi|minixception IMAGE...}: the 7 probabilities of already-cropped faces. */
@Command(name = "expression", mixinStandardHelpOptions = true,
        description = "Score already-cropped face images with one embedded network (no detection): one JSON line per image "
                + "with the 7 probabilities. Crops under 112x112 are enlarged bicubically first; gray is copied to RGB.")
final class ExpressionCommand implements Callable<Integer> {

    enum Network { faceapi, minixception }

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "faceapi|minixception", description = "the network")
    Network model;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "face crops (PNG, JPEG, BMP)")
    List<Path> images;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        boolean faceApi = model == Network.faceapi;
        try (CroppedFaceBranch branch = CroppedFaceBranch.embedded(model.name(), faceApi ? 1 : 0, faceApi ? 0 : 1)) {
            for (Path image : images) {
                try {
                    EmotionScores scores = branch.score(Image.read(image));
                    ObjectNode node = Json.MAPPER.createObjectNode();
                    node.put("file", image.toString());
                    node.put("model", model.name());
                    node.put("top", scores.top().name());
                    node.set("scores", Json.scores(scores));
                    out.println(Json.write(node));
                } catch (IOException e) {
                    failed++;
                    out.println(Json.write(Cli.error(image, e)));
                }
            }
        }
        out.flush();
        return failed == 0 ? 0 : Emotion4jCommand.FAILED_INPUT;
    }
}
