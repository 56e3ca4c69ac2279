package io.github.emotion4j.vision.vgg;

import java.util.Random;

/**
 * Random changes to training faces (data augmentation): a square crop covering a random fraction of the image's
 * shorter side at a random position, a horizontal flip with probability 1/2, and brightness and contrast
 * jitter. Every face of one training sequence gets the same change. Immutable value.
 *
 * @param minCropFraction the smallest crop side as a fraction of the shorter image side, in (0, 1] (1: no crop)
 * @param flip whether to flip horizontally half of the time
 * @param brightness largest brightness shift in 0..255 units, >= 0
 * @param contrast largest relative contrast change, in [0, 1)
 */
public record Augmentation(double minCropFraction, boolean flip, double brightness, double contrast) {

    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(1, false, 0, 0);
    /** Crops of 85 % to 100 % and flips, no photometric change. */
    public static final Augmentation GEOMETRIC = new Augmentation(0.85, true, 0, 0);
    /** Crops of 85 % to 100 %, flips, brightness ±20, contrast ±20 %. */
    public static final Augmentation DEFAULT = new Augmentation(0.85, true, 20, 0.2);

    public Augmentation {
        if (!(minCropFraction > 0 && minCropFraction <= 1)) {
            throw new IllegalArgumentException("smallest crop fraction must be in (0, 1], got " + minCropFraction);
        }
        if (!(brightness >= 0) || !Double.isFinite(brightness)) {
            throw new IllegalArgumentException("brightness jitter must be >= 0, got " + brightness);
        }
        if (!(contrast >= 0 && contrast < 1)) {
            throw new IllegalArgumentException("contrast jitter must be in [0, 1), got " + contrast);
        }
    }

    /** A random view of a {@code width}x{@code height} image. */
    public FaceInput.View sample(int width, int height, Random random) {
        double shorter = Math.min(width, height);
        double side = shorter * (minCropFraction + (1 - minCropFraction) * random.nextDouble());
        double cropWidth = minCropFraction == 1 ? width : side;
        double cropHeight = minCropFraction == 1 ? height : side;
        double x = (width - cropWidth) * random.nextDouble();
        double y = (height - cropHeight) * random.nextDouble();
        boolean flipped = flip && random.nextBoolean();
        double shift = brightness * (2 * random.nextDouble() - 1);
        double gain = 1 + contrast * (2 * random.nextDouble() - 1);
        return new FaceInput.View(x, y, cropWidth, cropHeight, flipped, shift, gain);
    }
}
