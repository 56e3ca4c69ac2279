package io.github.emotion4j.vision;

import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.vision.face.EmbeddedLandmarkDetector;
import io.github.emotion4j.vision.face.FaceAligner;
import io.github.emotion4j.vision.face.FaceBox;
import io.github.emotion4j.vision.face.FaceDetector;
import io.github.emotion4j.vision.face.FaceLandmarks;
import io.github.emotion4j.vision.face.HaarFaceDetector;
import io.github.emotion4j.vision.face.ImagePoint;
import io.github.emotion4j.vision.face.LandmarkDetector;
import io.github.emotion4j.vision.image.Image;
import io.github.emotion4j.vision.net.ExpressionNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The paper's face path for one image (section 2.1): detect every face, find its 68 landmarks, align it by
 * the corners of both eyes, and score its expression with one or more networks, combined by weight.
 *
 * <p>Detection runs on the image shrunk to at most {@link Builder#detectionWidth(int)} pixels wide (by a whole
 * factor, block averaging) and the boxes are scaled back: Haar detection dominates the cost and faces in video
 * are seldom smaller than the minimum size at that scale. Landmarks and alignment use the full-resolution
 * image.
 *
 * <p>Thread-safe when its parts are (the defaults are). Owns its detector, landmark detector and networks and
 * closes them in {@link #close()} (idempotent).
 */
public final class FaceAnalyzer implements AutoCloseable {

    /**
     * Eye-corner positions (fractions of the output size) that reproduce the framing of the OpenCV Haar boxes
     * the embedded networks were checked on: outer corners 22 % / 78 % across, eyes 36-37 % down.
     */
    public static final List<ImagePoint> EMBEDDED_TEMPLATE = List.of(new ImagePoint(0.22, 0.36), new ImagePoint(0.375, 0.37),
            new ImagePoint(0.625, 0.37), new ImagePoint(0.78, 0.36));

    private final FaceDetector detector;
    private final LandmarkDetector landmarks;
    private final FaceAligner aligner;
    private final Map<String, ExpressionNetwork> networks;
    private final Map<String, Double> weights;
    private final int detectionWidth;
    private volatile boolean closed;

    private FaceAnalyzer(Builder builder) {
        this.detector = builder.detector;
        this.landmarks = builder.landmarks;
        this.aligner = builder.aligner;
        this.networks = new LinkedHashMap<>(builder.networks);
        this.weights = new LinkedHashMap<>(builder.weights);
        this.detectionWidth = builder.detectionWidth;
    }

    /** A builder; networks are required, everything else has defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every face in {@code image}, largest first. */
    public List<FaceObservation> analyze(Image image) {
        if (closed) {
            throw new IllegalStateException("this FaceAnalyzer is closed");
        }
        List<FaceObservation> faces = new ArrayList<>();
        for (FaceBox box : detect(image)) {
            faces.add(observe(image, box));
        }
        return faces;
    }

    /** The faces' boxes in {@code image}, largest first. */
    public List<FaceBox> detect(Image image) {
        int factor = Math.max(1, (int) Math.ceil(image.width() / (double) detectionWidth));
        List<FaceBox> boxes = detector.detect(image.shrink(factor));
        if (factor == 1) {
            return boxes;
        }
        List<FaceBox> scaled = new ArrayList<>(boxes.size());
        for (FaceBox b : boxes) {
            scaled.add(new FaceBox(b.x() * factor, b.y() * factor, b.width() * factor, b.height() * factor));
        }
        return scaled;
    }

    /** Landmarks, alignment and expression scores of the face in {@code box}. */
    public FaceObservation observe(Image image, FaceBox box) {
        FaceLandmarks points = landmarks.detect(image, box);
        Image aligned = aligner.align(image, points);
        Map<String, EmotionScores> byNetwork = new LinkedHashMap<>();
        List<EmotionScores> scores = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (Map.Entry<String, ExpressionNetwork> network : networks.entrySet()) {
            EmotionScores s = network.getValue().predict(aligned);
            byNetwork.put(network.getKey(), s);
            scores.add(s);
            w.add(weights.get(network.getKey()));
        }
        return new FaceObservation(box, points, EmotionScores.weightedMean(scores, w), byNetwork);
    }

    /** The aligned face crop for {@code box}, as the networks see it (before their own resizing). */
    public Image align(Image image, FaceBox box) {
        return aligner.align(image, landmarks.detect(image, box));
    }

    /** The networks' weights by name. */
    public Map<String, Double> weights() {
        return Map.copyOf(weights);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        detector.close();
        landmarks.close();
        networks.values().forEach(ExpressionNetwork::close);
    }

    /** Builds a {@link FaceAnalyzer}; the built analyzer owns the parts given to it. Not thread-safe. */
    public static final class Builder {
        private FaceDetector detector;
        private LandmarkDetector landmarks;
        private FaceAligner aligner;
        private final Map<String, ExpressionNetwork> networks = new LinkedHashMap<>();
        private final Map<String, Double> weights = new LinkedHashMap<>();
        private int detectionWidth = 320;

        private Builder() {
        }

        /** The face detector (default: {@link HaarFaceDetector} with its defaults). */
        public Builder detector(FaceDetector detector) {
            this.detector = Objects.requireNonNull(detector, "detector");
            return this;
        }

        /** The landmark detector (default: {@link EmbeddedLandmarkDetector}). */
        public Builder landmarks(LandmarkDetector landmarks) {
            this.landmarks = Objects.requireNonNull(landmarks, "landmarks");
            return this;
        }

        /** The aligner (default: 112x112 with {@link #EMBEDDED_TEMPLATE}). */
        public Builder aligner(FaceAligner aligner) {
            this.aligner = Objects.requireNonNull(aligner, "aligner");
            return this;
        }

        /** Adds an expression network under a name with a weight (finite, > 0). */
        public Builder network(String name, ExpressionNetwork network, double weight) {
            Objects.requireNonNull(network, "network");
            if (!Double.isFinite(weight) || weight <= 0) {
                throw new IllegalArgumentException("weight of network '" + name + "' must be positive, got " + weight);
            }
            if (networks.containsKey(name)) {
                throw new IllegalArgumentException("network name '" + name + "' used twice");
            }
            networks.put(name, network);
            weights.put(name, weight);
            return this;
        }

        /** Detection runs on the image shrunk to at most this width (default 320; at least 64). */
        public Builder detectionWidth(int pixels) {
            if (pixels < 64) {
                throw new IllegalArgumentException("detection width must be at least 64 pixels, got " + pixels);
            }
            this.detectionWidth = pixels;
            return this;
        }

        /**
         * The analyzer.
         *
         * @throws IllegalStateException when no network was added
         */
        public FaceAnalyzer build() {
            if (networks.isEmpty()) {
                throw new IllegalStateException("a FaceAnalyzer needs at least one expression network");
            }
            if (detector == null) {
                detector = HaarFaceDetector.builder().minFaceSize(24).build();
            }
            if (landmarks == null) {
                landmarks = EmbeddedLandmarkDetector.load();
            }
            if (aligner == null) {
                aligner = FaceAligner.builder().outputSize(112).template(EMBEDDED_TEMPLATE).build();
            }
            return new FaceAnalyzer(this);
        }
    }
}
