package io.github.emotion4j.vision.face;

import io.github.emotion4j.vision.image.Image;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds faces in images and video frames the way the paper's pipeline needs them, around any {@link FaceDetector}:
 * <ul>
 *   <li>detection runs on the image shrunk by a whole factor (block averaging) to at most {@code detectionWidth}
 *       pixels wide, and the boxes are scaled back: detection dominates the cost and faces in video are seldom
 *       smaller than the minimum size at that scale;</li>
 *   <li>a small image (at most {@value #SMALL_IMAGE} pixels) in which nothing was found is searched again inside a
 *       black border of a quarter of its size on every side: a face cropped tightly (a data set's crops, a profile
 *       photo) lacks the surroundings a cascade was trained with;</li>
 *   <li>in a video, {@link #detectNear} searches only around the faces of the frame before, and the whole frame
 *       again when one of them is not found there.</li>
 * </ul>
 * Boxes come largest first, in the image's coordinates (a box may reach past the image's edges).
 *
 * <p>Thread-safe when its detector is (the Haar detector is). Owns the detector and closes it in {@link #close()}.
 */
public final class FaceFinder implements AutoCloseable {

    /** Images at most this many pixels on their longer side get a second search as tight face crops. */
    public static final int SMALL_IMAGE = 200;

    /** A search region narrower or lower than this many pixels at detection scale holds no face worth finding. */
    private static final int MIN_SEARCH_REGION = 24;

    private final FaceDetector detector;
    private final int detectionWidth;

    /**
     * @param detector the detector, which this finder takes ownership of
     * @param detectionWidth detection runs on images shrunk to at most this width; at least 64
     */
    public FaceFinder(FaceDetector detector, int detectionWidth) {
        this.detector = Objects.requireNonNull(detector, "detector");
        if (detectionWidth < 64) {
            throw new IllegalArgumentException("detection width must be at least 64 pixels, got " + detectionWidth);
        }
        this.detectionWidth = detectionWidth;
    }

    /** The faces' boxes in {@code image}, largest first. */
    public List<FaceBox> detect(Image image) {
        int factor = shrinkFactor(image);
        List<FaceBox> boxes = scaled(detector.detect(image.shrink(factor)), factor, 0, 0);
        if (boxes.isEmpty() && Math.max(image.width(), image.height()) <= SMALL_IMAGE) {
            int padX = image.width() / 4;
            int padY = image.height() / 4;
            Image padded = image.crop(-padX, -padY, image.width() + 2 * padX, image.height() + 2 * padY);
            return scaled(detector.detect(padded), 1, -padX, -padY);
        }
        return boxes;
    }

    /**
     * The faces in {@code image} near {@code previous} (the faces of the frame before): each is searched for in its
     * box widened by half its size on every side, several times faster than searching the whole image. When one
     * of them is not found there, the whole image is searched ({@link #detect}). Largest first.
     */
    public List<FaceBox> detectNear(Image image, List<FaceBox> previous) {
        int factor = shrinkFactor(image);
        List<FaceBox> found = new ArrayList<>();
        for (FaceBox face : previous) {
            int left = Math.max(0, (int) Math.floor(face.x() - face.width() / 2));
            int top = Math.max(0, (int) Math.floor(face.y() - face.height() / 2));
            int right = Math.min(image.width(), (int) Math.ceil(face.right() + face.width() / 2));
            int bottom = Math.min(image.height(), (int) Math.ceil(face.bottom() + face.height() / 2));
            if (right - left < factor * MIN_SEARCH_REGION || bottom - top < factor * MIN_SEARCH_REGION) {
                return detect(image);
            }
            List<FaceBox> near = detector.detect(image.crop(left, top, right - left, bottom - top).shrink(factor));
            if (near.isEmpty()) {
                return detect(image);
            }
            FaceBox box = scaled(near.subList(0, 1), factor, left, top).get(0);
            if (found.stream().noneMatch(other -> other.iou(box) > 0.5)) {
                found.add(box);
            }
        }
        found.sort(Comparator.comparingDouble(FaceBox::area).reversed());
        return found;
    }

    private int shrinkFactor(Image image) {
        return Math.max(1, (int) Math.ceil(image.width() / (double) detectionWidth));
    }

    /** Boxes found at {@code 1/factor} scale in a region whose corner is at {@code (x, y)}, in image coordinates. */
    private static List<FaceBox> scaled(List<FaceBox> boxes, int factor, double x, double y) {
        List<FaceBox> out = new ArrayList<>(boxes.size());
        for (FaceBox b : boxes) {
            out.add(new FaceBox(x + b.x() * factor, y + b.y() * factor, b.width() * factor, b.height() * factor));
        }
        return out;
    }

    /** Closes the detector. */
    @Override
    public void close() {
        detector.close();
    }

    @Override
    public String toString() {
        return "FaceFinder[" + detector + ", detection at " + detectionWidth + " px]";
    }
}
