package io.github.emotion4j.fusion;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.core.eval.ConfusionMatrixImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's kind of report for a model on a labelled set: for every branch alone and for the fusion, the
 * row-normalised confusion matrix (as in Tables 1-6), overall accuracy and unweighted average recall, written
 * as {@code report.md}, {@code report.json} and one PNG per confusion matrix. Accuracy and UAR count clips
 * without a prediction as wrong; the matrices show the clips with one. Stateless and thread-safe.
 */
public final class FusionReport {

    private FusionReport() {
    }

    /** Per-branch evaluations (each branch alone, weight 1) then the fusion's, under the name "fused". */
    public static Map<String, FusionEvaluation> evaluate(PredictionTable table, WeightedFusion fusion) {
        Map<String, FusionEvaluation> all = new LinkedHashMap<>();
        for (String branch : table.branches()) {
            all.put(branch, new WeightedFusion(Map.of(branch, 1.0)).evaluate(table));
        }
        all.put("fused", fusion.evaluate(table));
        return all;
    }

    /**
     * Writes the report files into {@code directory} (created if needed; files of the same names are replaced,
     * nothing else is touched) and returns the Markdown text.
     */
    public static String write(PredictionTable table, WeightedFusion fusion, String title, Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, FusionEvaluation> all = evaluate(table, fusion);
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append(String.format(Locale.ROOT, "%d clips. Fusion weights: %s.%n%n", table.size(), fusion.weights()));
        md.append("| model | accuracy | UAR | no prediction |\n|---|---:|---:|---:|\n");
        all.forEach((name, e) -> md.append(String.format(Locale.ROOT, "| %s | %.2f %% | %.2f %% | %d |%n", name,
                100 * e.accuracy(), 100 * e.unweightedAverageRecall(), e.noPrediction())));
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("title", title);
        json.put("clips", table.size());
        ObjectNode weights = json.putObject("weights");
        fusion.weights().forEach(weights::put);
        ArrayNode models = json.putArray("models");
        for (Map.Entry<String, FusionEvaluation> entry : all.entrySet()) {
            String name = entry.getKey();
            FusionEvaluation e = entry.getValue();
            md.append("\n## ").append(name).append("\n\n").append(e.evaluation().toMarkdown());
            if (e.noPrediction() > 0) {
                md.append(e.noPrediction()).append(" clips without a prediction (abstained) count as wrong in the figures above the tables.\n");
            }
            md.append("\n![").append(name).append("](confusion-").append(name).append(".png)\n");
            ObjectNode node = models.addObject();
            node.put("name", name);
            node.put("accuracy", e.accuracy());
            node.put("unweighted_average_recall", e.unweightedAverageRecall());
            node.put("no_prediction", e.noPrediction());
            node.set("confusion", e.evaluation().toJsonNode());
            ConfusionMatrixImage.write(e.evaluation(), title + " - " + name, directory.resolve("confusion-" + name + ".png"));
        }
        Files.writeString(directory.resolve("report.md"), md);
        Files.writeString(directory.resolve("report.json"), Json.write(json));
        return md.toString();
    }
}
