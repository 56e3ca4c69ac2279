package io.github.emotion4j.examples.cli;

import io.github.emotion4j.core.BatchClassificationException;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.Recognition;
import io.github.emotion4j.core.dataset.AfewDataset;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.dataset.LabelledClip;
import io.github.emotion4j.core.dataset.ManifestDataset;
import io.github.emotion4j.core.eval.ConfusionMatrixImage;
import io.github.emotion4j.core.eval.Evaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate [--model BUNDLE] --data DIR|CSV [--split S] [--report DIR]}: accuracy, UAR, confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Classify a labelled data set and print the row-normalised confusion matrix, accuracy and unweighted "
                + "average recall. --data is a folder of class folders (<class>/<file>, AFEW or FER-2013 names), an AFEW "
                + "root with --split, or a CSV manifest (path,label[,speaker]).")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "BUNDLE", description = "model bundle; default: the embedded default model")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR|CSV", description = "labelled data")
    Path data;

    @Option(names = "--split", paramLabel = "NAME", description = "AFEW split folder under --data (for example Val)")
    String split;

    @Option(names = "--report", paramLabel = "DIR", description = "also write report.md, report.json, confusion.csv and confusion.png here")
    Path report;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (EmotionRecognizer recognizer = Cli.recognizer(model)) {
            Dataset dataset = readData(data, split);
            List<Path> paths = dataset.clips().stream().map(LabelledClip::path).toList();
            List<Optional<Recognition>> results;
            List<EmotionException> failures = List.of();
            try {
                results = recognizer.classifyAll(paths).stream().map(Optional::of).toList();
            } catch (BatchClassificationException e) {
                results = e.results();
                failures = e.failures();
            }
            Evaluation.Builder evaluation = Evaluation.builder();
            List<Emotion> truth = dataset.labels();
            for (int i = 0; i < results.size(); i++) {
                int index = i;
                results.get(i).ifPresent(r -> evaluation.add(truth.get(index), r.top()));
            }
            Evaluation result = evaluation.build();
            String title = "model " + (model == null ? "default" : model.getFileName()) + " on " + dataset.name();
            out.println("# " + title);
            out.println();
            out.print(result.toMarkdown());
            if (!failures.isEmpty()) {
                out.println();
                out.println(failures.size() + " of " + paths.size() + " files gave no prediction and are not counted:");
                failures.forEach(f -> out.println("- " + f.getMessage()));
            }
            out.flush();
            if (report != null) {
                writeReport(report, title, result, failures);
            }
            return failures.isEmpty() ? 0 : Emotion4jCommand.FAILED_INPUT;
        } catch (EmotionException | IOException e) {
            err.println("emotion4j: " + e.getMessage());
            return Emotion4jCommand.FAILED_INPUT;
        }
    }

    static Dataset readData(Path data, String split) throws EmotionException {
        if (Files.isRegularFile(data)) {
            return ManifestDataset.read(data);
        }
        return split == null ? AfewDataset.readClassFolders(data, data.getFileName().toString()) : AfewDataset.read(data, split);
    }

    static void writeReport(Path directory, String title, Evaluation evaluation, List<EmotionException> failures) throws IOException {
        Files.createDirectories(directory);
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n").append(evaluation.toMarkdown());
        if (!failures.isEmpty()) {
            md.append("\n").append(failures.size()).append(" files gave no prediction:\n");
            failures.forEach(f -> md.append("- ").append(f.getMessage()).append('\n'));
        }
        Files.writeString(directory.resolve("report.md"), md);
        var json = evaluation.toJsonNode();
        json.put("title", title);
        json.put("failed_files", failures.size());
        Files.writeString(directory.resolve("report.json"), io.github.emotion4j.core.Json.write(json));
        Files.writeString(directory.resolve("confusion.csv"), evaluation.toCsv());
        ConfusionMatrixImage.write(evaluation, title, directory.resolve("confusion.png"));
    }
}
