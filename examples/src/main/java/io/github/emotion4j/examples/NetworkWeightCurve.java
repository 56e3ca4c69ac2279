package io.github.emotion4j.examples;

import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.dataset.AfewDataset;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.train.TrainingListener;
import io.github.emotion4j.fusion.FusionEvaluation;
import io.github.emotion4j.fusion.PredictionTable;
import io.github.emotion4j.fusion.WeightedFusion;
import io.github.emotion4j.vision.CroppedFaceBranch;
import io.github.emotion4j.vision.StillImageDecoder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy and UAR of the two embedded expression networks combined with every weight {@code w} for face-api
 * and {@code 1 − w} for mini-Xception, on a folder of labelled face crops (FER-2013 layout), each network
 * scoring every image once: the evidence for the default model's combination.
 *
 * <pre>
 * java -cp examples/target/emotion4j-cli.jar io.github.emotion4j.examples.NetworkWeightCurve DATA_DIR [STEP]
 * </pre>
 */
public final class NetworkWeightCurve {

    private NetworkWeightCurve() {
    }

    public static void main(String[] args) throws Exception {
        Dataset data = AfewDataset.readClassFolders(Path.of(args[0]), Path.of(args[0]).getFileName().toString());
        double step = args.length > 1 ? Double.parseDouble(args[1]) : 0.1;
        PredictionTable table;
        try (EmotionRecognizer both = EmotionRecognizer.builder().decoder(new StillImageDecoder())
                .addBranch(CroppedFaceBranch.embedded("faceapi", 1, 0), 1)
                .addBranch(CroppedFaceBranch.embedded("minixception", 0, 1), 1).build()) {
            table = PredictionTable.collect(both, data, TrainingListener.NONE);
        }
        System.out.printf(Locale.ROOT, "%d images from %s%n%n| face-api weight | mini-Xception weight | accuracy | UAR |%n|---:|---:|---:|---:|%n",
                data.size(), args[0]);
        int steps = (int) Math.round(1 / step);
        for (int i = 0; i <= steps; i++) {
            double w = i / (double) steps;
            Map<String, Double> weights = new LinkedHashMap<>();
            weights.put("faceapi", w);
            weights.put("minixception", 1 - w);
            FusionEvaluation e = new WeightedFusion(weights).evaluate(table);
            System.out.printf(Locale.ROOT, "| %.2f | %.2f | %.2f %% | %.2f %% |%n", w, 1 - w, 100 * e.accuracy(), 100 * e.unweightedAverageRecall());
        }
    }
}
