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
import io.github.emotion4j.vision.net.Resize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    private final ExpressionEnsemble networks;

    private CroppedFaceBranch(String name, ExpressionEnsemble networks) {
        this.name = name;
        this.networks = networks;
    }

    /** A branch over face-api's FaceExpressionNet and the FER-2013 mini-Xception with these weights (not both 0). */
    public static CroppedFaceBranch embedded(String name, double faceApiWeight, double miniXceptionWeight) {
        return new CroppedFaceBranch(name, ExpressionEnsemble.embedded(faceApiWeight, miniXceptionWeight));
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
        return networks.score(prepare(crop));
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
        List<Image> batch = new ArrayList<>(FaceExpressionBranch.BATCH_FRAMES);
        clip.frames().get().forEach(f -> {
            batch.add(prepare(Image.fromBgr(f.width(), f.height(), f.copyPixels())));
            if (batch.size() == FaceExpressionBranch.BATCH_FRAMES) {
                frames.addAll(networks.scoreAll(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            frames.addAll(networks.scoreAll(batch));
        }
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
        return networks.properties();
    }

    @Override
    public void save(Path directory) {
        // the networks are embedded in emotion-vision: the properties are the whole model
    }

    @Override
    public void close() {
        networks.close();
    }

    @Override
    public String toString() {
        return "CroppedFaceBranch[" + name + ", " + networks + "]";
    }

    /** Loads {@link CroppedFaceBranch}es from bundles; registered in META-INF/services. */
    public static final class Factory implements BranchFactory {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public CroppedFaceBranch load(BranchSource source) throws ModelFormatException {
            return new CroppedFaceBranch(source.entry().name(), ExpressionEnsemble.fromProperties(source));
        }
    }
}
