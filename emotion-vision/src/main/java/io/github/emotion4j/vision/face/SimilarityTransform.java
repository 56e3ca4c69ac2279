package io.github.emotion4j.vision.face;

import java.util.List;
import java.util.Locale;

/**
 * A 2D similarity transform — rotation, uniform scale and translation — mapping {@code (x, y)} to
 * {@code (a·x − b·y + tx, b·x + a·y + ty)}; {@code scale = hypot(a, b)}, {@code rotation = atan2(b, a)}.
 *
 * <p>An immutable value, thread-safe.
 *
 * @param a scale times the cosine of the rotation
 * @param b scale times the sine of the rotation
 * @param tx horizontal translation
 * @param ty vertical translation
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {

    /**
     * @throws IllegalArgumentException when a parameter is not finite or the transform collapses the plane
     *     ({@code a = b = 0})
     */
    public SimilarityTransform {
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(tx) || !Double.isFinite(ty)) {
            throw new IllegalArgumentException("similarity transform parameters must be finite, got a=" + a + " b=" + b
                    + " tx=" + tx + " ty=" + ty);
        }
        if (a == 0 && b == 0) {
            throw new IllegalArgumentException("a similarity transform needs a non-zero scale");
        }
    }

    /**
     * The similarity transform that maps {@code from} onto {@code to} with the least sum of squared distances
     * (the closed-form 2D solution of Umeyama, "Least-squares estimation of transformation parameters between two
     * point patterns", 1991, without reflection).
     *
     * @throws IllegalArgumentException when the lists differ in size, hold fewer than 2 points, or the
     *     {@code from} points all coincide
     */
    public static SimilarityTransform fit(List<ImagePoint> from, List<ImagePoint> to) {
        int n = from.size();
        if (n != to.size()) {
            throw new IllegalArgumentException("need as many target points as source points, got " + n + " and "
                    + to.size());
        }
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 point pairs, got " + n);
        }
        double fromX = 0;
        double fromY = 0;
        double toX = 0;
        double toY = 0;
        for (int i = 0; i < n; i++) {
            fromX += from.get(i).x();
            fromY += from.get(i).y();
            toX += to.get(i).x();
            toY += to.get(i).y();
        }
        fromX /= n;
        fromY /= n;
        toX /= n;
        toY /= n;
        double spread = 0;
        double dot = 0;
        double cross = 0;
        for (int i = 0; i < n; i++) {
            double fx = from.get(i).x() - fromX;
            double fy = from.get(i).y() - fromY;
            double tx = to.get(i).x() - toX;
            double ty = to.get(i).y() - toY;
            spread += fx * fx + fy * fy;
            dot += fx * tx + fy * ty;
            cross += fx * ty - fy * tx;
        }
        if (!(spread > 0)) {
            throw new IllegalArgumentException("the source points all coincide: no transform is defined by them");
        }
        double a = dot / spread;
        double b = cross / spread;
        return new SimilarityTransform(a, b, toX - (a * fromX - b * fromY), toY - (b * fromX + a * fromY));
    }

    /** A rotation by {@code radians} (positive: from +x towards +y, clockwise on screen) and a scale, about the origin. */
    public static SimilarityTransform rotationScale(double radians, double scale) {
        return new SimilarityTransform(scale * Math.cos(radians), scale * Math.sin(radians), 0, 0);
    }

    /** This transform followed by a translation of {@code (dx, dy)}. */
    public SimilarityTransform thenTranslate(double dx, double dy) {
        return new SimilarityTransform(a, b, tx + dx, ty + dy);
    }

    /** The image of {@code p}. */
    public ImagePoint apply(ImagePoint p) {
        return new ImagePoint(applyX(p.x(), p.y()), applyY(p.x(), p.y()));
    }

    /** The x coordinate of the image of {@code (x, y)}. */
    public double applyX(double x, double y) {
        return a * x - b * y + tx;
    }

    /** The y coordinate of the image of {@code (x, y)}. */
    public double applyY(double x, double y) {
        return b * x + a * y + ty;
    }

    /** The transform that undoes this one. */
    public SimilarityTransform inverse() {
        double s2 = a * a + b * b;
        double ia = a / s2;
        double ib = -b / s2;
        return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }

    /** The uniform scale factor. */
    public double scale() {
        return Math.hypot(a, b);
    }

    /** The rotation in radians, in (−π, π]. */
    public double rotation() {
        return Math.atan2(b, a);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SimilarityTransform[scale=%.4f, rotation=%.2f deg, t=(%.2f, %.2f)]",
                scale(), Math.toDegrees(rotation()), tx, ty);
    }
}
