package io.github.emotion4j.examples;

import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.dataset.AfewDataset;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.dataset.ManifestDataset;
import io.github.emotion4j.core.train.TrainingListener;
import io.github.emotion4j.fusion.FusionEvaluation;
import io.github.emotion4j.fusion.FusionReport;
import io.github.emotion4j.fusion.HybridBundle;
import io.github.emotion4j.fusion.PredictionTable;
import io.github.emotion4j.fusion.SearchResult;
import io.github.emotion4j.fusion.WeightSearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Does a decision fusion of single-branch bundles help? Joins the bundles into one recognizer, predicts the
 * validation and test clips once per branch, grid-searches the fusion weights on validation (the paper's
 * protocol: maximise validation accuracy) and reports every branch alone and the fusion on the test clips
 * (row-normalised confusion matrices, accuracy, UAR), as {@code report.md}, {@code report.json} and PNGs in
 * {@code --report}.
 *
 * <pre>
 * java -cp 'examples/target/emotion4j-cli.jar:examples/target/lib/*' io.github.emotion4j.examples.AudioFusionReport \
 *     --model svm --model lstm --model maps --val /tmp/ravdess/Val --test /tmp/ravdess/Test --report /tmp/fusion
 * </pre>
 */
@Command(name = "audio-fusion-report", mixinStandardHelpOptions = true,
        description = "Grid-search fusion weights of single-branch bundles on validation clips and report branches and fusion on test clips.")
public final class AudioFusionReport implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "a single-branch bundle (repeat for each branch)")
    List<Path> models;

    @Option(names = "--val", required = true, paramLabel = "DIR|CSV", description = "validation clips: the weights are chosen on them")
    Path validation;

    @Option(names = "--test", required = true, paramLabel = "DIR|CSV", description = "test clips: reported")
    Path test;

    @Option(names = "--step", defaultValue = "0.05", paramLabel = "X", description = "weight grid step (default ${DEFAULT-VALUE})")
    double step;

    @Option(names = "--report", required = true, paramLabel = "DIR", description = "where to write the test report (must not exist)")
    Path report;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AudioFusionReport()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (Files.exists(report)) {
                throw new IOException(report + " exists; refusing to overwrite it");
            }
            Path hybrid = Files.createTempDirectory("emotion4j-fusion-").resolve("hybrid");
            List<HybridBundle.Member> members = new ArrayList<>();
            for (Path model : models) {
                members.add(HybridBundle.Member.of(model, 1.0 / models.size()));
            }
            HybridBundle.assemble(members, hybrid, Map.of("purpose", "audio fusion report"));
            try (EmotionRecognizer recognizer = EmotionRecognizer.load(hybrid)) {
                PredictionTable validationTable = PredictionTable.collect(recognizer, read(validation), TrainingListener.NONE);
                PredictionTable testTable = PredictionTable.collect(recognizer, read(test), TrainingListener.NONE);
                SearchResult search = WeightSearch.withStep(step).search(validationTable);
                out.println(String.format(Locale.ROOT, "weights chosen on validation (%d grid points): %s", search.gridPoints(),
                        search.fusion().weights()));
                for (Map.Entry<String, FusionEvaluation> e : FusionReport.evaluate(validationTable, search.fusion()).entrySet()) {
                    out.println(String.format(Locale.ROOT, "  validation %-12s accuracy %6.2f %%, UAR %6.2f %%", e.getKey(),
                            100 * e.getValue().accuracy(), 100 * e.getValue().unweightedAverageRecall()));
                }
                out.println();
                out.print(FusionReport.write(testTable, search.fusion(), "audio branches and their fusion on " + test, report));
            }
            out.flush();
            return 0;
        } catch (IOException | EmotionException | IllegalArgumentException e) {
            err.println("audio-fusion-report: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static Dataset read(Path data) throws EmotionException {
        return Files.isRegularFile(data) ? ManifestDataset.read(data) : AfewDataset.readClassFolders(data, data.getFileName().toString());
    }
}
