package io.github.emotion4j.vision.face;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The 68 facial landmarks of one face in the iBUG 300-W order (0–16 jaw, 17–26 brows, 27–35 nose, 36–41 the
 * subject's right eye, 42–47 the left eye, 48–67 mouth), in pixel coordinates of the image they were found in
 * (see {@link ImagePoint}).
 *
 * <p>"Right" and "left" are the subject's: the right eye (36–41) appears on the image's left in a frontal photo.
 * The eye corners used for alignment have their own accessors: 36 {@link #rightEyeOuterCorner()}, 39
 * {@link #rightEyeInnerCorner()}, 42 {@link #leftEyeInnerCorner()}, 45 {@link #leftEyeOuterCorner()}.
 *
 * <p>An immutable value, thread-safe: the factory copies the coordinates it is given.
 */
public final class FaceLandmarks {

    /** Number of points, 68. */
    public static final int COUNT = 68;
    /** Index of the outer corner of the subject's right eye. */
    public static final int RIGHT_EYE_OUTER = 36;
    /** Index of the inner corner of the subject's right eye. */
    public static final int RIGHT_EYE_INNER = 39;
    /** Index of the inner corner of the subject's left eye. */
    public static final int LEFT_EYE_INNER = 42;
    /** Index of the outer corner of the subject's left eye. */
    public static final int LEFT_EYE_OUTER = 45;

    private final double[] xy;

    private FaceLandmarks(double[] xy) {
        this.xy = xy;
    }

    /**
     * Landmarks from interleaved coordinates {@code x0, y0, x1, y1, ..., x67, y67}; the array is copied.
     *
     * @throws IllegalArgumentException when the array does not hold 136 finite values
     */
    public static FaceLandmarks of(double[] interleavedXy) {
        if (interleavedXy.length != 2 * COUNT) {
            throw new IllegalArgumentException("expected " + 2 * COUNT + " coordinates (68 points), got "
                    + interleavedXy.length);
        }
        for (int i = 0; i < interleavedXy.length; i++) {
            if (!Double.isFinite(interleavedXy[i])) {
                throw new IllegalArgumentException("landmark " + i / 2 + " has a non-finite coordinate: "
                        + interleavedXy[i]);
            }
        }
        return new FaceLandmarks(interleavedXy.clone());
    }

    /** Landmarks from 68 points in iBUG order. */
    public static FaceLandmarks of(List<ImagePoint> points) {
        if (points.size() != COUNT) {
            throw new IllegalArgumentException("expected " + COUNT + " points, got " + points.size());
        }
        double[] xy = new double[2 * COUNT];
        for (int i = 0; i < COUNT; i++) {
            xy[2 * i] = points.get(i).x();
            xy[2 * i + 1] = points.get(i).y();
        }
        return of(xy);
    }

    /** Point {@code index} (0–67). */
    public ImagePoint point(int index) {
        return new ImagePoint(x(index), y(index));
    }

    /** The column of point {@code index} (0–67). */
    public double x(int index) {
        return xy[2 * checkIndex(index)];
    }

    /** The row of point {@code index} (0–67). */
    public double y(int index) {
        return xy[2 * checkIndex(index) + 1];
    }

    /** All 68 points in iBUG order, as an unmodifiable list. */
    public List<ImagePoint> points() {
        List<ImagePoint> points = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            points.add(point(i));
        }
        return Collections.unmodifiableList(points);
    }

    /** Point 36, the outer corner of the subject's right eye (left in the image). */
    public ImagePoint rightEyeOuterCorner() {
        return point(RIGHT_EYE_OUTER);
    }

    /** Point 39, the inner corner of the subject's right eye. */
    public ImagePoint rightEyeInnerCorner() {
        return point(RIGHT_EYE_INNER);
    }

    /** Point 42, the inner corner of the subject's left eye. */
    public ImagePoint leftEyeInnerCorner() {
        return point(LEFT_EYE_INNER);
    }

    /** Point 45, the outer corner of the subject's left eye (right in the image). */
    public ImagePoint leftEyeOuterCorner() {
        return point(LEFT_EYE_OUTER);
    }

    /** The four eye corners 36, 39, 42, 45, in that order. */
    public List<ImagePoint> eyeCorners() {
        return List.of(rightEyeOuterCorner(), rightEyeInnerCorner(), leftEyeInnerCorner(), leftEyeOuterCorner());
    }

    /**
     * These landmarks with each coordinate rounded to the nearest integer, halves up ({@code floor(v + 0.5)}), as
     * dlib rounds its {@code full_object_detection} parts.
     */
    public FaceLandmarks rounded() {
        double[] r = new double[xy.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.floor(xy[i] + 0.5);
        }
        return new FaceLandmarks(r);
    }

    /** The coordinates, interleaved {@code x0, y0, ..., x67, y67}; a copy owned by the caller. */
    public double[] toArray() {
        return xy.clone();
    }

    /** The smallest box holding every point (at least one pixel wide and high). */
    public FaceBox bounds() {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < COUNT; i++) {
            minX = Math.min(minX, xy[2 * i]);
            maxX = Math.max(maxX, xy[2 * i]);
            minY = Math.min(minY, xy[2 * i + 1]);
            maxY = Math.max(maxY, xy[2 * i + 1]);
        }
        return new FaceBox(minX, minY, Math.max(1, maxX - minX), Math.max(1, maxY - minY));
    }

    private static int checkIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IndexOutOfBoundsException("landmark index must be 0.." + (COUNT - 1) + ", got " + index);
        }
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceLandmarks other && Arrays.equals(xy, other.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "FaceLandmarks[68 points, eyes (%.1f, %.1f)-(%.1f, %.1f) "
                + "(%.1f, %.1f)-(%.1f, %.1f)]", x(36), y(36), x(39), y(39), x(42), y(42), x(45), y(45));
    }
}
