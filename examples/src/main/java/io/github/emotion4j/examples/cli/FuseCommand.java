package io.github.emotion4j.examples.cli;

import io.github.emotion4j.core.EmotionBranch;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.Provenance;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.train.TrainingListener;
import io.github.emotion4j.fusion.FusionEvaluation;
import io.github.emotion4j.fusion.FusionReport;
import io.github.emotion4j.fusion.HybridBundle;
import io.github.emotion4j.fusion.PredictionTable;
import io.github.emotion4j.fusion.SearchResult;
import io.github.emotion4j.fusion.WeightSearch;
import io.github.emotion4j.fusion.WeightedFusion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fuse --branch BUNDLE... --val DIR [--test DIR] --out BUNDLE}: the paper's decision fusion of trained
 * branches: predicts the validation set once per branch, grid-searches the weights, writes one bundle, and
 * reports every branch and the fusion on the test set.
 */
@Command(name = "fuse", mixinStandardHelpOptions = true,
        description = {"Decision fusion of trained branches (the paper's protocol): each branch bundle predicts the validation "
                + "set once, the fusion weights are grid-searched on the simplex to maximise validation accuracy (ties: higher "
                + "UAR, then more even weights), and one bundle with every branch and its weight is written.",
            "With --test, every branch and the fusion are evaluated there; --report writes Markdown, JSON and PNG."})
final class FuseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--branch", required = true, paramLabel = "BUNDLE", description = "a trained branch bundle (repeat)")
    List<Path> branches;

    @Option(names = "--val", required = true, paramLabel = "DIR|CSV", description = "validation data (class folders or manifest)")
    Path validation;

    @Option(names = "--test", paramLabel = "DIR|CSV", description = "test data for the report")
    Path test;

    @Option(names = "--step", defaultValue = "0.05", paramLabel = "STEP", description = "weight grid step (default ${DEFAULT-VALUE})")
    double step;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "the fused model (never overwritten)")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "write report.md, report.json and confusion-*.png here")
    Path report;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ProgressBar progress = new ProgressBar(err);
            Map<String, Path> sources = new LinkedHashMap<>();
            List<EmotionRecognizer> loaded = new ArrayList<>();
            SearchResult search;
            try (EmotionRecognizer all = combined(branches, sources, loaded)) {
                Dataset val = EvaluateCommand.readData(validation, null);
                search = WeightSearch.withStep(step).search(PredictionTable.collect(all, val, progress));
                out.println(String.format(Locale.ROOT, "weights %s: validation accuracy %.2f %%, UAR %.2f %% (%d grid points)",
                        search.fusion().weights(), 100 * search.evaluation().accuracy(),
                        100 * search.evaluation().unweightedAverageRecall(), search.gridPoints()));
                if (test != null) {
                    Dataset testSet = EvaluateCommand.readData(test, null);
                    PredictionTable table = PredictionTable.collect(all, testSet, progress);
                    String title = "fusion of " + sources.keySet() + " on " + testSet.name();
                    String markdown = report != null ? FusionReport.write(table, search.fusion(), title, report) : summary(table, search.fusion());
                    out.print(markdown);
                }
            } finally {
                loaded.forEach(EmotionRecognizer::close);
            }
            List<HybridBundle.Member> members = new ArrayList<>();
            sources.forEach((name, bundle) -> members.add(new HybridBundle.Member(bundle, name, name, search.fusion().weights().get(name))));
            Map<String, String> provenance = new LinkedHashMap<>();
            provenance.put("fusion", "weights grid-searched (step " + step + ") on " + validation);
            provenance.put("validation_accuracy", String.format(Locale.ROOT, "%.4f", search.evaluation().accuracy()));
            provenance.put("emotion4j", Provenance.libraryVersion());
            HybridBundle.assemble(members, this.out, provenance);
            out.println("wrote " + this.out);
            out.flush();
            return 0;
        } catch (EmotionException | IOException e) {
            err.println("emotion4j fuse: " + e.getMessage());
            return Emotion4jCommand.FAILED_INPUT;
        }
    }

    /** One recognizer holding every branch of every bundle (weight 1 each), so each clip is decoded once. */
    static EmotionRecognizer combined(List<Path> bundles, Map<String, Path> sources, List<EmotionRecognizer> loaded)
            throws EmotionException {
        EmotionRecognizer.Builder builder = EmotionRecognizer.builder();
        for (Path bundle : bundles) {
            EmotionRecognizer recognizer = EmotionRecognizer.load(bundle);
            loaded.add(recognizer);
            for (EmotionBranch branch : recognizer.branches()) {
                if (sources.containsKey(branch.name())) {
                    throw new EmotionException(bundle, "branch name '" + branch.name() + "' also appears in " + sources.get(branch.name()), null);
                }
                sources.put(branch.name(), bundle);
                builder.addBranch(new Borrowed(branch), 1.0);
            }
        }
        return builder.build();
    }

    private static String summary(PredictionTable table, WeightedFusion fusion) {
        StringBuilder md = new StringBuilder();
        for (Map.Entry<String, FusionEvaluation> e : FusionReport.evaluate(table, fusion).entrySet()) {
            md.append(String.format(Locale.ROOT, "%-12s test accuracy %6.2f %%, UAR %6.2f %%, %d without prediction%n", e.getKey(),
                    100 * e.getValue().accuracy(), 100 * e.getValue().unweightedAverageRecall(), e.getValue().noPrediction()));
        }
        return md.toString();
    }

    /** A branch used by a second recognizer without handing it ownership: closing it does nothing. */
    private record Borrowed(EmotionBranch branch) implements EmotionBranch {
        @Override
        public String name() {
            return branch.name();
        }

        @Override
        public io.github.emotion4j.core.MediaRequest mediaRequest() {
            return branch.mediaRequest();
        }

        @Override
        public io.github.emotion4j.core.BranchResult predict(io.github.emotion4j.core.MediaClip clip) throws EmotionException {
            return branch.predict(clip);
        }
    }
}
