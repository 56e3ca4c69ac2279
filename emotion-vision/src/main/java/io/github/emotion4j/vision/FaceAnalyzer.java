package io.github.emotion4j.vision;

import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.vision.face.EmbeddedLandmarkDetector;
import io.github.emotion4j.vision.face.FaceAligner;
import io.github.emotion4j.vision.face.FaceBox;
import io.github.emotion4j.vision.face.FaceDetector;
import io.github.emotion4j.vision.face.FaceFinder;
import io.github.emotion4j.vision.face.FaceLandmarks;
import io.github.emotion4j.vision.face.HaarFaceDetector;
import io.github.emotion4j.vision.face.ImagePoint;
import io.github.emotion4j.vision.face.LandmarkDetector;
import io.github.emotion4j.vision.image.Image;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The paper's face path for one image (section 2.1): detect every face, find its 68 landmarks, align it by
 * the corners of both eyes, and score its expression with an {@link ExpressionEnsemble}.
 *
 * <p>Faces are found by a {@link FaceFinder} (detection on the image shrunk to at most {@link
 * Builder#detectionWidth(int)} pixels wide, tight crops searched inside a border, video frames searched near the
 * faces of the frame before). Landmarks and alignment use the full-resolution image.
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

    private final FaceFinder finder;
    private final LandmarkDetector landmarks;
    private final FaceAligner aligner;
    private final ExpressionEnsemble networks;
    private volatile boolean closed;

    private FaceAnalyzer(Builder builder) {
        this.finder = new FaceFinder(builder.detector, builder.detectionWidth);
        this.landmarks = builder.landmarks;
        this.aligner = builder.aligner;
        this.networks = builder.networks;
    }

    /** A builder; networks are required, everything else has defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every face in {@code image}, largest first. */
    public List<FaceObservation> analyze(Image image) {
        return analyzeAll(List.of(image)).get(0);
    }

    /**
     * Every face in each of {@code images} (largest first in each): one list per image, in order. Landmarks and the
     * expression networks run on all the faces found as one batch, which is how a clip's frames should be given (a
     * window of 16 consecutive sampled frames at a time, say: the batch lives in memory).
     *
     * <p>The images are taken as consecutive frames of one video: the first is searched whole; each later one is
     * searched only around the faces of the one before ({@link #detectNear}), and whole again whenever a face is not
     * found there. Faces that enter the picture are therefore found at the next call at the latest.
     */
    public List<List<FaceObservation>> analyzeAll(List<Image> images) {
        if (closed) {
            throw new IllegalStateException("this FaceAnalyzer is closed");
        }
        List<Image> faceImages = new ArrayList<>();
        List<FaceBox> boxes = new ArrayList<>();
        int[] facesPerImage = new int[images.size()];
        List<FaceBox> previous = List.of();
        for (int i = 0; i < images.size(); i++) {
            List<FaceBox> found = previous.isEmpty() ? detect(images.get(i)) : detectNear(images.get(i), previous);
            previous = found;
            for (FaceBox box : found) {
                faceImages.add(images.get(i));
                boxes.add(box);
                facesPerImage[i]++;
            }
        }
        List<FaceLandmarks> points = landmarks.detectAll(faceImages, boxes);
        List<Image> aligned = new ArrayList<>(boxes.size());
        for (int f = 0; f < boxes.size(); f++) {
            aligned.add(aligner.align(faceImages.get(f), points.get(f)));
        }
        List<Map<String, EmotionScores>> scores = networks.scoreEachAll(aligned);
        List<List<FaceObservation>> out = new ArrayList<>(images.size());
        int f = 0;
        for (int count : facesPerImage) {
            List<FaceObservation> faces = new ArrayList<>(count);
            for (int k = 0; k < count; k++, f++) {
                Map<String, EmotionScores> each = new LinkedHashMap<>(scores.get(f));
                EmotionScores combined = each.remove("combined");
                faces.add(new FaceObservation(boxes.get(f), points.get(f), combined, each));
            }
            out.add(faces);
        }
        return out;
    }

    /** The faces' boxes in {@code image}, largest first (see {@link FaceFinder#detect}). */
    public List<FaceBox> detect(Image image) {
        return finder.detect(image);
    }

    /** The faces in {@code image} near those of the frame before (see {@link FaceFinder#detectNear}). */
    public List<FaceBox> detectNear(Image image, List<FaceBox> previous) {
        return finder.detectNear(image, previous);
    }

    /** Landmarks, alignment and expression scores of the face in {@code box}. */
    public FaceObservation observe(Image image, FaceBox box) {
        FaceLandmarks points = landmarks.detect(image, box);
        Map<String, EmotionScores> scores = new LinkedHashMap<>(networks.scoreEach(aligner.align(image, points)));
        EmotionScores combined = scores.remove("combined");
        return new FaceObservation(box, points, combined, scores);
    }

    /** The aligned face crop for {@code box}, as the networks see it (before their own resizing). */
    public Image align(Image image, FaceBox box) {
        return aligner.align(image, landmarks.detect(image, box));
    }

    /** The expression networks and their weights. */
    public ExpressionEnsemble networks() {
        return networks;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        finder.close();
        landmarks.close();
        networks.close();
    }

    /** Builds a {@link FaceAnalyzer}; the built analyzer owns the parts given to it. Not thread-safe. */
    public static final class Builder {
        private FaceDetector detector;
        private LandmarkDetector landmarks;
        private FaceAligner aligner;
        private ExpressionEnsemble networks;
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

        /** The expression networks (required). */
        public Builder networks(ExpressionEnsemble networks) {
            this.networks = Objects.requireNonNull(networks, "networks");
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
            if (networks == null) {
                throw new IllegalStateException("a FaceAnalyzer needs its expression networks");
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
