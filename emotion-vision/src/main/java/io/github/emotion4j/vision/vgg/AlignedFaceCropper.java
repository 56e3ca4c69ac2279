package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.FrameSequence;
import io.github.emotion4j.core.VideoFrame;
import io.github.emotion4j.vision.face.EmbeddedLandmarkDetector;
import io.github.emotion4j.vision.face.FaceAligner;
import io.github.emotion4j.vision.face.FaceBox;
import io.github.emotion4j.vision.face.FaceDetector;
import io.github.emotion4j.vision.face.FaceFinder;
import io.github.emotion4j.vision.face.FaceTrack;
import io.github.emotion4j.vision.face.FaceTracker;
import io.github.emotion4j.vision.face.HaarFaceDetector;
import io.github.emotion4j.vision.face.LandmarkDetector;
import io.github.emotion4j.vision.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The paper's face pipeline (Guo et al. 2017, section 2.1): faces detected in each frame, their 68 landmarks
 * found, and each face warped by the similarity transform that puts the corners of both eyes (landmarks 36, 39,
 * 42, 45) at fixed positions of a square crop ({@link FaceAligner}). Over a clip, faces are linked into tracks
 * ({@link FaceTracker}) and the dominant track, the person seen in most frames, gives the clip's faces.
 *
 * <p>Faces are found by a {@link FaceFinder} (detection on the frame shrunk to at most {@code detectionWidth} pixels
 * wide, tight crops searched inside a border); landmarks and alignment use the full frame. The defaults are OpenCV's Haar cascade
 * (smallest face 24 pixels at detection scale), the embedded 68-point landmark network and {@link
 * FaceAligner#DEFAULT_TEMPLATE}.
 *
 * <p>Thread-safe when its parts are (the defaults are). Owns its detector and landmark detector and closes them
 * in {@link #close()} (idempotent).
 */
public final class AlignedFaceCropper implements FaceCropper {

    /** Default width detection runs at. */
    public static final int DEFAULT_DETECTION_WIDTH = 320;

    private final FaceFinder finder;
    private final LandmarkDetector landmarks;
    private final FaceAligner aligner;
    private volatile boolean closed;

    /**
     * A pipeline of the given parts, which it takes ownership of.
     *
     * @param detectionWidth detection runs on frames shrunk to at most this width, at least 64
     */
    public AlignedFaceCropper(FaceDetector detector, LandmarkDetector landmarks, FaceAligner aligner, int detectionWidth) {
        this.finder = new FaceFinder(detector, detectionWidth);
        this.landmarks = Objects.requireNonNull(landmarks, "landmarks");
        this.aligner = Objects.requireNonNull(aligner, "aligner");
    }

    /** The default pipeline with {@code size}x{@code size} aligned faces. */
    public static AlignedFaceCropper ofSize(int size) {
        return new AlignedFaceCropper(HaarFaceDetector.builder().minFaceSize(24).build(), EmbeddedLandmarkDetector.load(),
                FaceAligner.ofSize(size), DEFAULT_DETECTION_WIDTH);
    }

    /** Side of the faces this pipeline gives. */
    public int size() {
        return aligner.width();
    }

    /** The largest face in the frame, aligned. */
    @Override
    public Optional<Image> crop(VideoFrame frame) {
        Image image = toImage(frame);
        List<FaceBox> boxes = detect(image);
        return boxes.isEmpty() ? Optional.empty() : Optional.of(aligner.align(image, landmarks.detect(image, boxes.get(0))));
    }

    /** The aligned faces of the clip's dominant track (most frames, then largest), in time order. */
    @Override
    public List<Image> cropAll(FrameSequence frames) throws EmotionException {
        FaceTracker tracker = FaceTracker.create();
        List<int[]> keys = new ArrayList<>();
        List<Image> crops = new ArrayList<>();
        frames.forEach(frame -> {
            Image image = toImage(frame);
            List<FaceBox> boxes = detect(image);
            List<Integer> ids = tracker.add(boxes);
            for (int i = 0; i < boxes.size(); i++) {
                keys.add(new int[] {tracker.frameCount() - 1, ids.get(i)});
                crops.add(aligner.align(image, landmarks.detect(image, boxes.get(i))));
            }
        });
        Optional<FaceTrack> dominant = tracker.dominantTrack();
        List<Image> faces = new ArrayList<>();
        if (dominant.isPresent()) {
            int id = dominant.get().id();
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i)[1] == id) {
                    faces.add(crops.get(i));
                }
            }
        }
        return faces;
    }

    private Image toImage(VideoFrame frame) {
        if (closed) {
            throw new IllegalStateException("this AlignedFaceCropper is closed");
        }
        return Image.fromBgr(frame.width(), frame.height(), frame.copyPixels());
    }

    private List<FaceBox> detect(Image image) {
        return finder.detect(image);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            finder.close();
            landmarks.close();
        }
    }

    @Override
    public String toString() {
        return "AlignedFaceCropper[" + aligner.width() + "x" + aligner.height() + ", " + finder + "]";
    }
}
