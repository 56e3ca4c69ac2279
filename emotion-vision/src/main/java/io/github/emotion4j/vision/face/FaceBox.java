package io.github.emotion4j.vision.face;

/**
 * An axis-aligned rectangle around a face, in pixel coordinates of the image it was found in: {@code x, y} is
 * the top-left corner, and the box covers {@code x <= column < x + width}, {@code y <= row < y + height}.
 *
 * <p>Coordinates are doubles so that boxes from any detector (integer cascades, sub-pixel networks) fit; the
 * box may reach outside the image. An immutable value, thread-safe.
 *
 * @param x left edge
 * @param y top edge
 * @param width width in pixels, positive
 * @param height height in pixels, positive
 */
public record FaceBox(double x, double y, double width, double height) {

    /**
     * @throws IllegalArgumentException when a coordinate is not finite or the size is not positive
     */
    public FaceBox {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("face box corner must be finite, got (" + x + ", " + y + ")");
        }
        if (!(width > 0) || !(height > 0) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("face box size must be positive and finite, got " + width + "x" + height);
        }
    }

    /**
     * The box of dlib's inclusive integer rectangle {@code (left, top, right, bottom)}: a dlib rectangle covers
     * the pixels {@code left..right}, so its width is {@code right - left + 1}.
     *
     * @throws IllegalArgumentException when {@code right < left} or {@code bottom < top}
     */
    public static FaceBox ofDlibRectangle(long left, long top, long right, long bottom) {
        if (right < left || bottom < top) {
            throw new IllegalArgumentException("empty dlib rectangle (" + left + ", " + top + ", " + right + ", "
                    + bottom + ")");
        }
        return new FaceBox(left, top, right - left + 1, bottom - top + 1);
    }

    /** The right edge, {@code x + width} (exclusive). */
    public double right() {
        return x + width;
    }

    /** The bottom edge, {@code y + height} (exclusive). */
    public double bottom() {
        return y + height;
    }

    /** The horizontal centre. */
    public double centerX() {
        return x + width / 2;
    }

    /** The vertical centre. */
    public double centerY() {
        return y + height / 2;
    }

    /** The area, {@code width * height}. */
    public double area() {
        return width * height;
    }

    /** The area both boxes cover; 0 when they do not overlap. */
    public double intersectionArea(FaceBox other) {
        double w = Math.min(right(), other.right()) - Math.max(x, other.x);
        double h = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** Intersection over union, in [0, 1]: 1 for equal boxes, 0 for disjoint ones. */
    public double iou(FaceBox other) {
        double intersection = intersectionArea(other);
        return intersection / (area() + other.area() - intersection);
    }

    /**
     * This box with its edges rounded to whole pixels, as the inclusive dlib rectangle
     * {@code [left, top, right, bottom]} = {@code [round(x), round(y), round(x + width) - 1, round(y + height) - 1]},
     * so that {@link #ofDlibRectangle} of the result gives back an integer box unchanged. A freshly allocated array,
     * owned by the caller.
     */
    public long[] toDlibRectangle() {
        long left = Math.round(x);
        long top = Math.round(y);
        long right = Math.max(left, Math.round(x + width) - 1);
        long bottom = Math.max(top, Math.round(y + height) - 1);
        return new long[] {left, top, right, bottom};
    }
}
