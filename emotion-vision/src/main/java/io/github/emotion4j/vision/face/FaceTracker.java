package io.github.emotion4j.vision.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links the face boxes of successive frames into per-person {@link FaceTrack}s by box overlap, so that a clip's
 * frames can follow one person (by default the dominant one: most frames, then largest mean area).
 *
 * <p>Give it each frame's detections in time order with {@link #add}; frames are numbered 0, 1, ... in that order
 * (for the paper's pipeline: the sampled frames, every 8th of the 60 fps grid). In each frame, every open track is
 * compared with every box by intersection over union (IoU) with the track's predicted box: its last box moved on at
 * the velocity between its last two boxes (which keeps two faces that cross paths apart). A pair may link when
 * that IoU, or the IoU with the unmoved last box (for a face that stopped), reaches
 * {@linkplain Builder#minIou(double) the threshold}; pairs link greedily, highest predicted IoU first, and every
 * box left over starts a new track. A track stays open across up to {@linkplain Builder#maxGap(int) maxGap} frames
 * without a box, so a face missed for a few frames keeps its track.
 *
 * <pre>{@code
 * FaceTracker tracker = FaceTracker.builder().build();
 * for (Image frame : sampledFrames) {
 *     tracker.add(detector.detect(frame));
 * }
 * Optional<FaceTrack> person = tracker.dominantTrack();
 * }</pre>
 *
 * <p>Not thread-safe: one tracker follows one clip. It holds only boxes (no images); the lists it is given are
 * copied.
 */
public final class FaceTracker {

    /** Default least IoU to link a box to a track. */
    public static final double DEFAULT_MIN_IOU = 0.3;
    /** Default number of frames a track may go without a box and still continue. */
    public static final int DEFAULT_MAX_GAP = 4;

    private static final Logger LOG = LoggerFactory.getLogger(FaceTracker.class);
    private static final Comparator<FaceTrack> DOMINANT_FIRST = Comparator.comparingInt(FaceTrack::length).reversed()
            .thenComparing(Comparator.comparingDouble(FaceTrack::meanArea).reversed())
            .thenComparingInt(FaceTrack::id);

    private final double minIou;
    private final int maxGap;
    private final List<OpenTrack> tracks = new ArrayList<>();
    private int frames;

    private FaceTracker(Builder builder) {
        this.minIou = builder.minIou;
        this.maxGap = builder.maxGap;
    }

    /** A tracker with the default settings. */
    public static FaceTracker create() {
        return builder().build();
    }

    /** A builder with every setting at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds the next frame's detections (possibly none) and returns, for each box in the order given, the
     * {@linkplain FaceTrack#id() id} of the track it joined or started.
     */
    public List<Integer> add(List<FaceBox> detections) {
        int frame = frames++;
        List<OpenTrack> open = tracks.stream().filter(t -> frame - t.lastFrame - 1 <= maxGap).toList();
        List<Link> candidates = new ArrayList<>();
        for (OpenTrack track : open) {
            FaceBox predicted = track.predict(frame);
            for (int j = 0; j < detections.size(); j++) {
                FaceBox box = detections.get(j);
                double predictedIou = predicted.iou(box);
                double lastIou = track.lastBox.iou(box);
                if (Math.max(predictedIou, lastIou) >= minIou) {
                    candidates.add(new Link(track, j, predictedIou, lastIou));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Link::predictedIou).reversed()
                .thenComparing(Comparator.comparingDouble(Link::lastIou).reversed())
                .thenComparingInt(l -> l.track.id).thenComparingInt(Link::box));

        Integer[] ids = new Integer[detections.size()];
        List<OpenTrack> linked = new ArrayList<>();
        for (Link link : candidates) {
            if (ids[link.box] == null && !linked.contains(link.track)) {
                link.track.append(frame, detections.get(link.box));
                ids[link.box] = link.track.id;
                linked.add(link.track);
            }
        }
        for (int j = 0; j < ids.length; j++) {
            if (ids[j] == null) {
                OpenTrack started = new OpenTrack(tracks.size());
                started.append(frame, detections.get(j));
                tracks.add(started);
                ids[j] = started.id;
                LOG.debug("frame {}: track {} starts at {}", frame, started.id, detections.get(j));
            }
        }
        return List.of(ids);
    }

    /** Adds several frames' detections in time order; see {@link #add}. Returns this tracker. */
    public FaceTracker addAll(List<? extends List<FaceBox>> detectionsPerFrame) {
        detectionsPerFrame.forEach(this::add);
        return this;
    }

    /** The number of frames added so far. */
    public int frameCount() {
        return frames;
    }

    /** Every track so far, dominant first (most frames, then largest mean area, then earliest start). */
    public List<FaceTrack> tracks() {
        return tracks.stream().map(OpenTrack::snapshot).sorted(DOMINANT_FIRST).toList();
    }

    /** The dominant track (most frames, then largest mean area); empty when no face was added. */
    public Optional<FaceTrack> dominantTrack() {
        return tracks().stream().findFirst();
    }

    /** The least IoU that links a box to a track. */
    public double minIou() {
        return minIou;
    }

    /** How many frames in a row a track may miss and still continue. */
    public int maxGap() {
        return maxGap;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FaceTracker[minIou=%.2f, maxGap=%d, %d frames, %d tracks]", minIou, maxGap,
                frames, tracks.size());
    }

    private record Link(OpenTrack track, int box, double predictedIou, double lastIou) {
    }

    /** A track being built: its boxes plus what the motion prediction needs. */
    private static final class OpenTrack {
        final int id;
        final TreeMap<Integer, FaceBox> boxes = new TreeMap<>();
        int lastFrame = -1;
        FaceBox lastBox;
        int previousFrame = -1;
        FaceBox previousBox;

        OpenTrack(int id) {
            this.id = id;
        }

        void append(int frame, FaceBox box) {
            previousFrame = lastFrame;
            previousBox = lastBox;
            lastFrame = frame;
            lastBox = box;
            boxes.put(frame, box);
        }

        /** The last box moved on to {@code frame} at the velocity of its centre between the last two boxes. */
        FaceBox predict(int frame) {
            if (previousBox == null) {
                return lastBox;
            }
            double steps = (double) (frame - lastFrame) / (lastFrame - previousFrame);
            double dx = (lastBox.centerX() - previousBox.centerX()) * steps;
            double dy = (lastBox.centerY() - previousBox.centerY()) * steps;
            return new FaceBox(lastBox.x() + dx, lastBox.y() + dy, lastBox.width(), lastBox.height());
        }

        FaceTrack snapshot() {
            return new FaceTrack(id, boxes);
        }
    }

    /** Settings of a {@link FaceTracker}; each setter validates its value. Not thread-safe. */
    public static final class Builder {

        private double minIou = DEFAULT_MIN_IOU;
        private int maxGap = DEFAULT_MAX_GAP;

        private Builder() {
        }

        /**
         * The least intersection over union for a box to join a track (default {@value #DEFAULT_MIN_IOU}).
         *
         * @throws IllegalArgumentException unless {@code 0 < iou <= 1}
         */
        public Builder minIou(double iou) {
            if (!(iou > 0 && iou <= 1)) {
                throw new IllegalArgumentException("minIou must be in (0, 1], got " + iou);
            }
            this.minIou = iou;
            return this;
        }

        /**
         * How many frames in a row a track may miss and still continue (default {@value #DEFAULT_MAX_GAP}); 0 ends
         * a track at its first missed frame.
         *
         * @throws IllegalArgumentException when {@code frames < 0}
         */
        public Builder maxGap(int frames) {
            if (frames < 0) {
                throw new IllegalArgumentException("maxGap must not be negative, got " + frames);
            }
            this.maxGap = frames;
            return this;
        }

        /** A new, empty tracker with these settings. */
        public FaceTracker build() {
            return new FaceTracker(this);
        }
    }
}
