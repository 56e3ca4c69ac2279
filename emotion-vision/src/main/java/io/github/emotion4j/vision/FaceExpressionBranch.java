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
import io.github.emotion4j.vision.face.FaceBox;
import io.github.emotion4j.vision.face.FaceTrack;
import io.github.emotion4j.vision.face.FaceTracker;
import io.github.emotion4j.vision.image.Image;
import io.github.emotion4j.vision.net.FaceApiExpressionNet;
import io.github.emotion4j.vision.net.MiniXceptionNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Facial expression of a clip from pretrained networks embedded in emotion-vision (no file to install): every
 * sampled frame (the paper's 60 fps grid, every 8th instant) goes through a {@link FaceAnalyzer} (detect,
 * landmarks, eye-corner alignment, networks); faces are linked across frames into tracks by box overlap; the
 * clip's scores are the mean of the frame scores of the dominant track (the face seen in most frames, then the
 * largest), or of every face when {@link Tracks#ALL} is chosen. The arithmetic mean of probabilities is used
 * because it is robust to single frames a network gets wildly wrong (a product of probabilities is not).
 * Abstains when the clip has no video or no face is found in any sampled frame.
 *
 * <p>Bundle type {@value #TYPE}: the settings are the networks' weights and the tracking choice; the networks
 * come from the classpath. Thread-safe; owns its analyzer and closes it (idempotent).
 */
public final class FaceExpressionBranch implements SavableBranch {

    /** The bundle type name. */
    public static final String TYPE = "face-expression";

    /** Which faces make up a clip's scores. */
    public enum Tracks {
        /** The face seen in most sampled frames (then the largest): the paper's "main person". */
        DOMINANT,
        /** Every face in every frame, equally. */
        ALL
    }

    private static final Logger LOG = LoggerFactory.getLogger(FaceExpressionBranch.class);

    private final String name;
    private final FaceAnalyzer analyzer;
    private final double faceApiWeight;
    private final double miniXceptionWeight;
    private final Tracks tracks;
    private final FrameGrid grid;

    private FaceExpressionBranch(String name, FaceAnalyzer analyzer, double faceApiWeight, double miniXceptionWeight,
            Tracks tracks, FrameGrid grid) {
        this.name = name;
        this.analyzer = analyzer;
        this.faceApiWeight = faceApiWeight;
        this.miniXceptionWeight = miniXceptionWeight;
        this.tracks = tracks;
        this.grid = grid;
    }

    /**
     * A branch over the embedded networks: face-api's FaceExpressionNet with weight {@code faceApiWeight} and the
     * FER-2013 mini-Xception with {@code miniXceptionWeight} (a zero weight leaves that network out; not both).
     */
    public static FaceExpressionBranch embedded(String name, double faceApiWeight, double miniXceptionWeight, Tracks tracks) {
        if (!(faceApiWeight >= 0) || !(miniXceptionWeight >= 0) || faceApiWeight + miniXceptionWeight <= 0
                || !Double.isFinite(faceApiWeight + miniXceptionWeight)) {
            throw new IllegalArgumentException("network weights must be >= 0 and not both 0: face-api " + faceApiWeight
                    + ", mini-Xception " + miniXceptionWeight);
        }
        FaceAnalyzer.Builder builder = FaceAnalyzer.builder();
        if (faceApiWeight > 0) {
            builder.network("faceapi", FaceApiExpressionNet.load(), faceApiWeight);
        }
        if (miniXceptionWeight > 0) {
            builder.network("minixception", MiniXceptionNet.load(), miniXceptionWeight);
        }
        return new FaceExpressionBranch(name, builder.build(), faceApiWeight, miniXceptionWeight, tracks, FrameGrid.PAPER);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MediaRequest mediaRequest() {
        return MediaRequest.frames(grid);
    }

    /** The analyzer this branch runs on each frame (owned by the branch). */
    public FaceAnalyzer analyzer() {
        return analyzer;
    }

    @Override
    public BranchResult predict(MediaClip clip) throws EmotionException {
        if (clip.frames().isEmpty()) {
            return BranchResult.abstain("no video");
        }
        ClipFaces faces = analyze(clip);
        if (faces.faceCount() == 0) {
            return BranchResult.abstain("no face found in " + faces.frames().size() + " sampled frames");
        }
        List<EmotionScores> scores = tracks == Tracks.ALL ? faces.allScores()
                : faces.scoresOf(faces.dominantTrack().orElseThrow().id());
        LOG.debug("{}: {} faces in {} frames, {} tracks, scoring {} faces", clip.source(), faces.faceCount(),
                faces.frames().size(), faces.tracks().size(), scores.size());
        return BranchResult.of(EmotionScores.weightedMean(scores, Collections.nCopies(scores.size(), 1.0)));
    }

    /** Every face of every sampled frame of the clip, tracked: the per-frame view ("timeline"). */
    public ClipFaces analyze(MediaClip clip) throws EmotionException {
        if (clip.frames().isEmpty()) {
            return new ClipFaces(List.of(), List.of());
        }
        FaceTracker tracker = FaceTracker.create();
        List<ClipFaces.SampledFrame> frames = new ArrayList<>();
        clip.frames().get().forEach(frame -> {
            Image image = Image.fromBgr(frame.width(), frame.height(), frame.copyPixels());
            List<FaceObservation> observed = analyzer.analyze(image);
            List<FaceBox> boxes = observed.stream().map(FaceObservation::box).toList();
            List<Integer> ids = tracker.add(boxes);
            frames.add(new ClipFaces.SampledFrame(frame.timeMicros(), observed, ids));
        });
        List<FaceTrack> found = tracker.tracks();
        return new ClipFaces(frames, found);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("faceapi_weight", Double.toString(faceApiWeight),
                "minixception_weight", Double.toString(miniXceptionWeight),
                "tracks", tracks.name());
    }

    @Override
    public void save(Path directory) {
        // the networks are embedded in emotion-vision: the properties are the whole model
    }

    @Override
    public void close() {
        analyzer.close();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FaceExpressionBranch[%s, face-api %.2f, mini-Xception %.2f, %s]", name,
                faceApiWeight, miniXceptionWeight, tracks);
    }

    /** Loads {@link FaceExpressionBranch}es from bundles; registered in META-INF/services. */
    public static final class Factory implements BranchFactory {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public FaceExpressionBranch load(BranchSource source) throws ModelFormatException {
            try {
                double faceApi = Double.parseDouble(source.requireProperty("faceapi_weight"));
                double miniXception = Double.parseDouble(source.requireProperty("minixception_weight"));
                Tracks tracks = Tracks.valueOf(Optional.ofNullable(source.properties().get("tracks")).orElse("DOMINANT"));
                return embedded(source.entry().name(), faceApi, miniXception, tracks);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(source.bundle(), "branch '" + source.entry().name() + "': " + e.getMessage(), e);
            }
        }
    }
}
