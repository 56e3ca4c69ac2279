package io.github.emotion4j.vision;

import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.ModelFormatException;
import io.github.emotion4j.core.bundle.BranchSource;
import io.github.emotion4j.vision.image.Image;
import io.github.emotion4j.vision.net.ExpressionNetwork;
import io.github.emotion4j.vision.net.FaceApiExpressionNet;
import io.github.emotion4j.vision.net.MiniXceptionNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded expression networks with a weight each: face-api's FaceExpressionNet ({@code faceapi}) and the
 * FER-2013 mini-Xception ({@code minixception}). A face's scores are the weighted mean of the networks' scores;
 * a network with weight 0 is not loaded. Thread-safe; owns its networks and closes them (idempotent).
 */
public final class ExpressionEnsemble implements AutoCloseable {

    private final Map<String, ExpressionNetwork> networks = new LinkedHashMap<>();
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private final double faceApiWeight;
    private final double miniXceptionWeight;

    private ExpressionEnsemble(double faceApiWeight, double miniXceptionWeight) {
        this.faceApiWeight = faceApiWeight;
        this.miniXceptionWeight = miniXceptionWeight;
    }

    /**
     * Loads the embedded networks with positive weight.
     *
     * @throws IllegalArgumentException when a weight is negative or not finite, or both are 0
     */
    public static ExpressionEnsemble embedded(double faceApiWeight, double miniXceptionWeight) {
        if (!(faceApiWeight >= 0) || !(miniXceptionWeight >= 0) || !Double.isFinite(faceApiWeight + miniXceptionWeight)
                || faceApiWeight + miniXceptionWeight <= 0) {
            throw new IllegalArgumentException("network weights must be finite, >= 0 and not both 0: face-api "
                    + faceApiWeight + ", mini-Xception " + miniXceptionWeight);
        }
        ExpressionEnsemble ensemble = new ExpressionEnsemble(faceApiWeight, miniXceptionWeight);
        if (faceApiWeight > 0) {
            ensemble.add("faceapi", FaceApiExpressionNet.load(), faceApiWeight);
        }
        if (miniXceptionWeight > 0) {
            ensemble.add("minixception", MiniXceptionNet.load(), miniXceptionWeight);
        }
        return ensemble;
    }

    /** The ensemble a bundle's properties describe ({@link #properties()}). */
    static ExpressionEnsemble fromProperties(BranchSource source) throws ModelFormatException {
        try {
            return embedded(Double.parseDouble(source.requireProperty("faceapi_weight")),
                    Double.parseDouble(source.requireProperty("minixception_weight")));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source.bundle(), "branch '" + source.entry().name() + "': " + e.getMessage(), e);
        }
    }

    private void add(String name, ExpressionNetwork network, double weight) {
        networks.put(name, network);
        weights.put(name, weight);
    }

    /** The weighted scores of one face image (any size; each network resizes as it documents). */
    public EmotionScores score(Image face) {
        return scoreEach(face).get("combined");
    }

    /** Each network's scores by name, then the weighted combination under {@code "combined"}. */
    public Map<String, EmotionScores> scoreEach(Image face) {
        return scoreEachAll(List.of(face)).get(0);
    }

    /**
     * {@link #scoreEach(Image)} for several faces, each network running them as one batch: one map per face, in
     * order.
     */
    public List<Map<String, EmotionScores>> scoreEachAll(List<Image> faces) {
        List<Map<String, EmotionScores>> out = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            out.add(new LinkedHashMap<>());
        }
        if (faces.isEmpty()) {
            return out;
        }
        networks.forEach((name, network) -> {
            List<EmotionScores> scores = network.predictAll(faces);
            for (int i = 0; i < faces.size(); i++) {
                out.get(i).put(name, scores.get(i));
            }
        });
        for (Map<String, EmotionScores> face : out) {
            List<EmotionScores> all = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            face.forEach((name, s) -> {
                all.add(s);
                w.add(weights.get(name));
            });
            face.put("combined", EmotionScores.weightedMean(all, w));
        }
        return out;
    }

    /** The combined scores of several faces, batched as {@link #scoreEachAll(List)}. */
    public List<EmotionScores> scoreAll(List<Image> faces) {
        return scoreEachAll(faces).stream().map(face -> face.get("combined")).toList();
    }

    /** The settings a bundle records: {@code faceapi_weight} and {@code minixception_weight}. */
    public Map<String, String> properties() {
        return Map.of("faceapi_weight", Double.toString(faceApiWeight), "minixception_weight", Double.toString(miniXceptionWeight));
    }

    @Override
    public void close() {
        networks.values().forEach(ExpressionNetwork::close);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "face-api %.2f, mini-Xception %.2f", faceApiWeight, miniXceptionWeight);
    }
}
