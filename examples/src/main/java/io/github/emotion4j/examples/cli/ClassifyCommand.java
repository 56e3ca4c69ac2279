package io.github.emotion4j.examples.cli;

import io.github.emotion4j.core.BatchClassificationException;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.core.Recognition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code classify [--model BUNDLE] FILE...}: one JSON line per file with the top emotion, scores and branches. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify media files; prints one JSON line per file (file, top, scores by emotion, per-branch results) "
                + "or an error line. Uses the default model when --model is absent.")
final class ClassifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = Cli.MODEL_HELP)
    String model;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "media files (video or audio)")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (EmotionRecognizer recognizer = Cli.recognizer(model)) {
            List<Optional<Recognition>> results;
            List<EmotionException> failures = List.of();
            try {
                results = recognizer.classifyAll(files).stream().map(Optional::of).toList();
            } catch (BatchClassificationException e) {
                results = e.results();
                failures = e.failures();
            }
            int failure = 0;
            for (int i = 0; i < files.size(); i++) {
                if (results.get(i).isPresent()) {
                    out.println(results.get(i).get().toJson());
                } else {
                    out.println(Json.write(Cli.error(files.get(i), failures.get(failure++))));
                }
            }
            out.flush();
            return failures.isEmpty() ? 0 : Emotion4jCommand.FAILED_INPUT;
        } catch (EmotionException e) {
            err.println("emotion4j: " + e.getMessage());
            return Emotion4jCommand.FAILED_INPUT;
        }
    }
}
