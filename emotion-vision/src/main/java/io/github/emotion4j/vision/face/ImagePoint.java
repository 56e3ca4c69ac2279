package io.github.emotion4j.vision.face;

/**
 * A point in pixel coordinates: {@code x} to the right, {@code y} down, pixel {@code (column c, row r)} centred on
 * {@code (c, r)} (the convention of dlib and OpenCV). An immutable value, thread-safe.
 *
 * @param x column, may be fractional or outside the image
 * @param y row, may be fractional or outside the image
 */
public record ImagePoint(double x, double y) {

    /** The Euclidean distance to {@code other}. */
    public double distance(ImagePoint other) {
        return Math.hypot(x - other.x, y - other.y);
    }
}
