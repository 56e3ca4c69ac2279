package io.github.emotion4j.vision.face;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import io.github.emotion4j.vision.image.Image;
import java.io.File;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Viola–Jones face detection with one of OpenCV's frontal-face Haar cascades, read from the
 * {@code org.bytedeco:opencv} jar of the running platform (no file from the user). The image is converted to gray
 * (BT.601 luma) and histogram-equalised, then OpenCV's {@code CascadeClassifier.detectMultiScale} scans it.
 *
 * <pre>{@code
 * try (HaarFaceDetector detector = HaarFaceDetector.builder().minFaceSize(40).build()) {
 *     List<FaceBox> faces = detector.detect(image);   // largest first
 * }
 * }</pre>
 *
 * <p>Thread-safe. OpenCV's {@code CascadeClassifier} is not, so each call borrows a classifier from a small pool
 * for its duration; concurrent calls load further classifiers (about 0.1 s and 1 MB each) and keep them for later
 * calls. Native memory: {@link #close()} releases the idle classifiers at once and the busy ones when their calls
 * end; it is idempotent, and {@link #detect} after it throws {@link IllegalStateException}.
 */
public final class HaarFaceDetector implements FaceDetector {

    /** The frontal-face cascades OpenCV ships. */
    public enum Cascade {
        /**
         * {@code haarcascade_frontalface_default.xml}: the classic Lienhart cascade, 24x24 window; finds more
         * faces, and more false ones, than {@link #FRONTAL_ALT2}.
         */
        FRONTAL_DEFAULT("haarcascade_frontalface_default.xml"),
        /** {@code haarcascade_frontalface_alt.xml}, 20x20 window. */
        FRONTAL_ALT("haarcascade_frontalface_alt.xml"),
        /** {@code haarcascade_frontalface_alt2.xml}, 20x20 window: fewer false detections than the default. */
        FRONTAL_ALT2("haarcascade_frontalface_alt2.xml");

        private final String fileName;

        Cascade(String fileName) {
            this.fileName = fileName;
        }

        /** The cascade's file name in OpenCV's {@code share/opencv4/haarcascades/}. */
        public String fileName() {
            return fileName;
        }
    }

    /** Default smallest face side, in pixels. */
    public static final int DEFAULT_MIN_FACE_SIZE = 30;
    /** Default ratio between successive scan scales. */
    public static final double DEFAULT_SCALE_STEP = 1.1;
    /** Default number of overlapping raw detections a face needs to be reported. */
    public static final int DEFAULT_MIN_NEIGHBORS = 4;
    /** Default cascade. */
    public static final Cascade DEFAULT_CASCADE = Cascade.FRONTAL_ALT2;

    private static final Logger LOG = LoggerFactory.getLogger(HaarFaceDetector.class);
    private static final Comparator<FaceBox> LARGEST_FIRST = Comparator.comparingDouble(FaceBox::area).reversed()
            .thenComparingDouble(FaceBox::y).thenComparingDouble(FaceBox::x);

    private final Cascade cascade;
    private final String cascadePath;
    private final int minFaceSize;
    private final double scaleStep;
    private final int minNeighbors;

    /** Classifiers not in use; guarded by {@code this}. */
    private final Deque<CascadeClassifier> idle = new ArrayDeque<>();
    private boolean closed;

    private HaarFaceDetector(Builder builder) {
        this.cascade = builder.cascade;
        this.minFaceSize = builder.minFaceSize;
        this.scaleStep = builder.scaleStep;
        this.minNeighbors = builder.minNeighbors;
        this.cascadePath = extractCascade(cascade);
        idle.push(loadClassifier());
    }

    /** A detector with the defaults ({@link #DEFAULT_CASCADE}, {@link #DEFAULT_MIN_FACE_SIZE}, ...). */
    public static HaarFaceDetector create() {
        return builder().build();
    }

    /** A builder with every setting at its default. */
    public static Builder builder() {
        return new Builder();
    }

    private static String extractCascade(Cascade cascade) {
        String platform = Loader.getPlatform();
        String resource = "/org/bytedeco/opencv/" + platform + "/share/opencv4/haarcascades/" + cascade.fileName();
        try {
            File file = Loader.cacheResource(HaarFaceDetector.class, resource);
            if (file == null) {
                throw new IllegalStateException("OpenCV's " + cascade.fileName() + " is not on the class path: "
                        + "expected " + resource + " in the org.bytedeco:opencv jar for platform " + platform);
            }
            return file.getAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("cannot extract " + resource + " from the org.bytedeco:opencv jar to "
                    + "JavaCPP's cache: " + e.getMessage(), e);
        }
    }

    private CascadeClassifier loadClassifier() {
        long start = System.nanoTime();
        CascadeClassifier classifier = new CascadeClassifier(cascadePath);
        if (classifier.empty()) {
            classifier.close();
            throw new IllegalStateException("OpenCV could not load the cascade " + cascadePath);
        }
        LOG.debug("loaded Haar cascade {} in {} ms", cascade.fileName(), (System.nanoTime() - start) / 1_000_000);
        return classifier;
    }

    /** Every face found, largest first. See {@link FaceDetector#detect}. */
    @Override
    public List<FaceBox> detect(Image image) {
        Image gray = image.toGray();
        CascadeClassifier classifier = acquire();
        try (Mat mat = new Mat(gray.height(), gray.width(), CV_8UC1);
                Mat equalized = new Mat();
                RectVector found = new RectVector();
                Size minSize = new Size(minFaceSize, minFaceSize);
                Size maxSize = new Size()) {
            mat.data().put(gray.copyPixels());
            equalizeHist(mat, equalized);
            classifier.detectMultiScale(equalized, found, scaleStep, minNeighbors, 0, minSize, maxSize);
            List<FaceBox> faces = new ArrayList<>((int) found.size());
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                faces.add(new FaceBox(r.x(), r.y(), r.width(), r.height()));
            }
            faces.sort(LARGEST_FIRST);
            LOG.debug("found {} face(s) in {}", faces.size(), image);
            return List.copyOf(faces);
        } finally {
            release(classifier);
        }
    }

    private CascadeClassifier acquire() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("this HaarFaceDetector is closed");
            }
            CascadeClassifier classifier = idle.poll();
            if (classifier != null) {
                return classifier;
            }
        }
        return loadClassifier();
    }

    private void release(CascadeClassifier classifier) {
        synchronized (this) {
            if (!closed) {
                idle.push(classifier);
                return;
            }
        }
        classifier.close();
    }

    /** The cascade in use. */
    public Cascade cascade() {
        return cascade;
    }

    /** The smallest face side searched for, in pixels. */
    public int minFaceSize() {
        return minFaceSize;
    }

    /** The ratio between successive scan scales. */
    public double scaleStep() {
        return scaleStep;
    }

    /** How many overlapping raw detections a reported face needs. */
    public int minNeighbors() {
        return minNeighbors;
    }

    /** Releases the classifiers' native memory; idempotent. */
    @Override
    public void close() {
        List<CascadeClassifier> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(CascadeClassifier::close);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HaarFaceDetector[%s, minFaceSize=%d, scaleStep=%.3f, minNeighbors=%d]",
                cascade.fileName(), minFaceSize, scaleStep, minNeighbors);
    }

    /**
     * Settings of a {@link HaarFaceDetector}; each setter validates its value. Not thread-safe; {@link #build()} may
     * be called more than once.
     */
    public static final class Builder {

        private Cascade cascade = DEFAULT_CASCADE;
        private int minFaceSize = DEFAULT_MIN_FACE_SIZE;
        private double scaleStep = DEFAULT_SCALE_STEP;
        private int minNeighbors = DEFAULT_MIN_NEIGHBORS;

        private Builder() {
        }

        /** Which of OpenCV's frontal-face cascades to use; default {@link #DEFAULT_CASCADE}. */
        public Builder cascade(Cascade value) {
            if (value == null) {
                throw new IllegalArgumentException("cascade must not be null");
            }
            this.cascade = value;
            return this;
        }

        /**
         * The smallest face side, in pixels, to look for (default {@value #DEFAULT_MIN_FACE_SIZE}); values below the
         * cascade's window (20 or 24) act as the window. Larger values are faster.
         *
         * @throws IllegalArgumentException when {@code pixels < 1}
         */
        public Builder minFaceSize(int pixels) {
            if (pixels < 1) {
                throw new IllegalArgumentException("minFaceSize must be at least 1 pixel, got " + pixels);
            }
            this.minFaceSize = pixels;
            return this;
        }

        /**
         * The ratio between successive scan scales (default {@value #DEFAULT_SCALE_STEP}): smaller is slower and
         * finds more faces.
         *
         * @throws IllegalArgumentException unless {@code 1 < ratio <= 2}
         */
        public Builder scaleStep(double ratio) {
            if (!(ratio > 1.0 && ratio <= 2.0)) {
                throw new IllegalArgumentException("scaleStep must be in (1, 2], got " + ratio);
            }
            this.scaleStep = ratio;
            return this;
        }

        /**
         * How many overlapping raw detections a face needs to be reported (default
         * {@value #DEFAULT_MIN_NEIGHBORS}): larger means fewer false faces; 0 reports the raw, ungrouped
         * detections.
         *
         * @throws IllegalArgumentException when {@code count < 0}
         */
        public Builder minNeighbors(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("minNeighbors must not be negative, got " + count);
            }
            this.minNeighbors = count;
            return this;
        }

        /**
         * A detector with these settings; it loads the cascade now.
         *
         * @throws IllegalStateException when the cascade is not in the OpenCV jar on the class path or OpenCV cannot
         *     load it
         */
        public HaarFaceDetector build() {
            return new HaarFaceDetector(this);
        }
    }
}
