package io.github.emotion4j.examples.cli;

import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.dataset.AfewDataset;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.dataset.ManifestDataset;
import io.github.emotion4j.core.train.TrainingListener;
import io.github.emotion4j.fusion.FusionEvaluation;
import io.github.emotion4j.fusion.FusionReport;
import io.github.emotion4j.fusion.PredictionTable;
import io.github.emotion4j.fusion.WeightedFusion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate [--model BUNDLE] --data DIR|CSV [--split S] [--report DIR]}: accuracy, UAR, confusion matrices. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Classify a labelled data set and print, for every branch and for the fusion, the row-normalised "
                + "confusion matrix, accuracy and unweighted average recall.",
            "--data is a folder of class folders (<class>/<file>, AFEW or FER-2013 names), an AFEW root with --split, "
                + "or a CSV manifest (path,label[,speaker]). Clips without a prediction count as wrong."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = Cli.MODEL_HELP)
    String model;

    @Option(names = "--data", required = true, paramLabel = "DIR|CSV", description = "labelled data")
    Path data;

    @Option(names = "--split", paramLabel = "NAME", description = "AFEW split folder under --data (for example Val)")
    String split;

    @Option(names = "--report", paramLabel = "DIR", description = "also write report.md, report.json and confusion-*.png here")
    Path report;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (EmotionRecognizer recognizer = Cli.recognizer(model)) {
            Dataset dataset = readData(data, split);
            TrainingListener progress = quiet ? TrainingListener.NONE : new ProgressBar(err);
            PredictionTable table = PredictionTable.collect(recognizer, dataset, progress);
            WeightedFusion fusion = new WeightedFusion(recognizer.weights());
            String title = "model " + Cli.modelName(model) + " on " + dataset.name();
            String markdown = report != null ? FusionReport.write(table, fusion, title, report) : markdown(table, fusion, title);
            out.print(markdown);
            out.flush();
            FusionEvaluation fused = fusion.evaluate(table);
            if (fused.noPrediction() > 0) {
                err.println(fused.noPrediction() + " of " + table.size() + " clips got no prediction (see the report)");
                return Emotion4jCommand.FAILED_INPUT;
            }
            return 0;
        } catch (EmotionException | IOException e) {
            err.println("emotion4j: " + e.getMessage());
            return Emotion4jCommand.FAILED_INPUT;
        }
    }

    private static String markdown(PredictionTable table, WeightedFusion fusion, String title) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        for (Map.Entry<String, FusionEvaluation> e : FusionReport.evaluate(table, fusion).entrySet()) {
            md.append("## ").append(e.getKey()).append(String.format(Locale.ROOT, " (accuracy %.2f %%, UAR %.2f %%, %d without prediction)%n%n",
                    100 * e.getValue().accuracy(), 100 * e.getValue().unweightedAverageRecall(), e.getValue().noPrediction()));
            md.append(e.getValue().evaluation().toMarkdown()).append('\n');
        }
        return md.toString();
    }

    static Dataset readData(Path data, String split) throws EmotionException {
        if (Files.isRegularFile(data)) {
            return ManifestDataset.read(data);
        }
        return split == null ? AfewDataset.readClassFolders(data, data.getFileName().toString()) : AfewDataset.read(data, split);
    }
}
