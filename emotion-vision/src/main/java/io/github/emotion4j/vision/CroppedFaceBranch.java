package io.github.emotion4j.vision;

import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.FrameGrid;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.ModelFormatException;
import io.github.emotion4j.core.bundle.BranchFactory;
import io.github.emotion4j.core.bundle.BranchSource;
import io.github.emotion4j.core.bundle.SavableBranch;
import io.github.emotion4j.vision.image.Image;
import io.github.emotion4j.vision.net.ExpressionNetwork;
import io.github.emotion4j.vision.net.FaceApiExpressionNet;
import io.github.emotion4j.vision.net.MiniXceptionNet;
import io.github.emotion4j.vision.net.Resize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Expression of images that are already face crops (FER-2013 images, face crops supplied with a data set): no
 * detection, no alignment; each frame (a photo is one frame) is prepared as {@link #prepare} says and scored by
 * the embedded networks, combined by weight; a clip's scores are the mean over its frames.
 *
 * <p>Bundle type {@value #TYPE}. Thread-safe; owns its networks and closes them (idempotent).
 */
public final class CroppedFaceBranch implements SavableBranch {

    /** The bundle type name. */
    public static final String TYPE = "face-crop";

    /** Crops smaller than this are enlarged to it (bicubic) before the networks' own resizing. */
    public static final int PREPARED_SIZE = 112;

    private final String name;
    private final Map<String, ExpressionNetwork> networks;
    private final double faceApiWeight;
    private final double miniXceptionWeight;

    private CroppedFaceBranch(String name, Map<String, ExpressionNetwork> networks, double faceApiWeight, double miniXceptionWeight) {
        this.name = name;
        this.networks = networks;
        this.faceApiWeight = faceApiWeight;
        this.miniXceptionWeight = miniXceptionWeight;
    }

    /** A branch over face-api's FaceExpressionNet and the FER-2013 mini-Xception with these weights (not both 0). */
    public static CroppedFaceBranch embedded(String name, double faceApiWeight, double miniXceptionWeight) {
        if (!(faceApiWeight >= 0) || !(miniXceptionWeight >= 0) || !(faceApiWeight + miniXceptionWeight > 0)) {
            throw new IllegalArgumentException("network weights must be >= 0 and not both 0: " + faceApiWeight + ", " + miniXceptionWeight);
        }
        Map<String, ExpressionNetwork> networks = new LinkedHashMap<>();
        if (faceApiWeight > 0) {
            networks.put("faceapi", FaceApiExpressionNet.load());
        }
        if (miniXceptionWeight > 0) {
            networks.put("minixception", MiniXceptionNet.load());
        }
        return new CroppedFaceBranch(name, networks, faceApiWeight, miniXceptionWeight);
    }

    /**
     * A crop as the networks are given it, the FER-2013 evaluation protocol of the original models: gray copied to
     * RGB, and a crop smaller than 112x112 enlarged bicubically to 112x112 (larger crops are left to the networks'
     * own bilinear resizing).
     */
    public static Image prepare(Image crop) {
        Image rgb = crop.toRgb();
        if (rgb.width() < PREPARED_SIZE || rgb.height() < PREPARED_SIZE) {
            return Resize.bicubic(rgb, PREPARED_SIZE, PREPARED_SIZE);
        }
        return rgb;
    }

    /** The combined scores of one face crop. */
    public EmotionScores score(Image crop) {
        Image prepared = prepare(crop);
        List<EmotionScores> scores = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Map.Entry<String, ExpressionNetwork> network : networks.entrySet()) {
            scores.add(network.getValue().predict(prepared));
            weights.add(network.getKey().equals("faceapi") ? faceApiWeight : miniXceptionWeight);
        }
        return EmotionScores.weightedMean(scores, weights);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MediaRequest mediaRequest() {
        return MediaRequest.frames(FrameGrid.PAPER);
    }

    @Override
    public BranchResult predict(MediaClip clip) throws EmotionException {
        if (clip.frames().isEmpty()) {
            return BranchResult.abstain("no image or video");
        }
        List<EmotionScores> frames = new ArrayList<>();
        clip.frames().get().forEach(f -> frames.add(score(Image.fromBgr(f.width(), f.height(), f.copyPixels()))));
        if (frames.isEmpty()) {
            return BranchResult.abstain("no frames");
        }
        return BranchResult.of(EmotionScores.weightedMean(frames, Collections.nCopies(frames.size(), 1.0)));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("faceapi_weight", Double.toString(faceApiWeight), "minixception_weight", Double.toString(miniXceptionWeight));
    }

    @Override
    public void save(Path directory) {
        // the networks are embedded in emotion-vision: the properties are the whole model
    }

    @Override
    public void close() {
        networks.values().forEach(ExpressionNetwork::close);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CroppedFaceBranch[%s, face-api %.2f, mini-Xception %.2f]", name, faceApiWeight, miniXceptionWeight);
    }

    /** Loads {@link CroppedFaceBranch}es from bundles; registered in META-INF/services. */
    public static final class Factory implements BranchFactory {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public CroppedFaceBranch load(BranchSource source) throws ModelFormatException {
            try {
                return embedded(source.entry().name(), Double.parseDouble(source.requireProperty("faceapi_weight")),
                        Double.parseDouble(source.requireProperty("minixception_weight")));
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(source.bundle(), "branch '" + source.entry().name() + "': " + e.getMessage(), e);
            }
        }
    }
}
