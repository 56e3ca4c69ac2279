package io.github.emotion4j.examples.cli;

import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export-model --model default|face-crops|faceapi|minixception --out BUNDLE}: a built-in model as a bundle. */
@Command(name = "export-model", mixinStandardHelpOptions = true,
        description = "Write a built-in model (or copy a bundle) as a bundle, for example to fuse it with trained branches.")
final class ExportModelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = Cli.MODEL_HELP)
    String model;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "directory, or a zip when it ends in .zip (never overwritten)")
    Path out;

    @Override
    public Integer call() {
        try (EmotionRecognizer recognizer = Cli.recognizer(model)) {
            recognizer.save(out, Map.of("model", model));
            spec.commandLine().getOut().println("wrote " + out);
            return 0;
        } catch (EmotionException | IOException | IllegalStateException e) {
            spec.commandLine().getErr().println("emotion4j export-model: " + e.getMessage());
            return Emotion4jCommand.FAILED_INPUT;
        }
    }
}
