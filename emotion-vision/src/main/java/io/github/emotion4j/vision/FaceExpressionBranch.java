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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    /** Frames analysed together: their faces go through the networks as one batch (the paper's window length). */
    static final int BATCH_FRAMES = 16;

    private final FaceAnalyzer analyzer;
    private final Tracks tracks;
    private final FrameGrid grid;

    private FaceExpressionBranch(String name, FaceAnalyzer analyzer, Tracks tracks, FrameGrid grid) {
        this.name = name;
        this.analyzer = analyzer;
        this.tracks = tracks;
        this.grid = grid;
    }

    /**
     * A branch over the embedded networks: face-api's FaceExpressionNet with weight {@code faceApiWeight} and the
     * FER-2013 mini-Xception with {@code miniXceptionWeight} (a zero weight leaves that network out; not both).
     */
    public static FaceExpressionBranch embedded(String name, double faceApiWeight, double miniXceptionWeight, Tracks tracks) {
        FaceAnalyzer analyzer = FaceAnalyzer.builder().networks(ExpressionEnsemble.embedded(faceApiWeight, miniXceptionWeight)).build();
        return new FaceExpressionBranch(name, analyzer, tracks, FrameGrid.PAPER);
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
        List<Image> batch = new ArrayList<>(BATCH_FRAMES);
        List<Long> times = new ArrayList<>(BATCH_FRAMES);
        clip.frames().get().forEach(frame -> {
            batch.add(Image.fromBgr(frame.width(), frame.height(), frame.copyPixels()));
            times.add(frame.timeMicros());
            if (batch.size() == BATCH_FRAMES) {
                analyzeBatch(batch, times, tracker, frames);
            }
        });
        analyzeBatch(batch, times, tracker, frames);
        List<FaceTrack> found = tracker.tracks();
        return new ClipFaces(frames, found);
    }

    /** Analyses the buffered frames as one batch, appends them to {@code frames} and empties the buffers. */
    private void analyzeBatch(List<Image> batch, List<Long> times, FaceTracker tracker, List<ClipFaces.SampledFrame> frames) {
        if (batch.isEmpty()) {
            return;
        }
        List<List<FaceObservation>> observed = analyzer.analyzeAll(batch);
        for (int i = 0; i < batch.size(); i++) {
            List<FaceBox> boxes = observed.get(i).stream().map(FaceObservation::box).toList();
            frames.add(new ClipFaces.SampledFrame(times.get(i), observed.get(i), tracker.add(boxes)));
        }
        batch.clear();
        times.clear();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(analyzer.networks().properties());
        properties.put("tracks", tracks.name());
        return properties;
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
        return "FaceExpressionBranch[" + name + ", " + analyzer.networks() + ", " + tracks + "]";
    }

    /** Loads {@link FaceExpressionBranch}es from bundles; registered in META-INF/services. */
    public static final class Factory implements BranchFactory {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public FaceExpressionBranch load(BranchSource source) throws ModelFormatException {
            String tracks = Optional.ofNullable(source.properties().get("tracks")).orElse("DOMINANT");
            if (!tracks.equals("DOMINANT") && !tracks.equals("ALL")) {
                throw new ModelFormatException(source.bundle(), "branch '" + source.entry().name() + "': tracks must be DOMINANT or ALL, got " + tracks);
            }
            FaceAnalyzer analyzer = FaceAnalyzer.builder().networks(ExpressionEnsemble.fromProperties(source)).build();
            return new FaceExpressionBranch(source.entry().name(), analyzer, Tracks.valueOf(tracks), FrameGrid.PAPER);
        }
    }
}
