package io.github.emotion4j.vision.face;

import io.github.emotion4j.vision.image.Image;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cuts an upright face of fixed size out of an image: the least-squares similarity transform (rotation, uniform
 * scale, translation) that takes the four eye corners (landmarks 36, 39, 42, 45) onto fixed template positions,
 * then bilinear resampling (pixels from outside the image are black). This is the paper's alignment (Guo et al.
 * 2017, section 2.1: "a 2D affine transformation where the left and right eye corners of all the images are
 * aligned to the same positions").
 *
 * <p>The template is given as fractions of the output's width and height, so that one template serves every size:
 * fraction {@code (fx, fy)} is the output point {@code (fx·width − 0.5, fy·height − 0.5)} in pixel-centre
 * coordinates (see {@link ImagePoint}), i.e. {@code (0, 0)} is the output's top-left edge and {@code (1, 1)} its
 * bottom-right edge. The {@linkplain #DEFAULT_TEMPLATE default} comes from dlib's 68-point mean face scaled so that
 * the outer eye corners lie at 28% and 72% of the width, on a line 30% down: the whole face then fits with a
 * margin — jaw from about 14% to 86% of the width, brows at about 18% and chin at about 88% of the height.
 *
 * <pre>{@code
 * FaceAligner vgg = FaceAligner.ofSize(224);
 * Image face = vgg.align(frame, landmarks);   // 224x224, same channels as the frame
 * }</pre>
 *
 * <p>Immutable and thread-safe. Images are only read; every result is a new image owned by the caller.
 */
public final class FaceAligner {

    /**
     * The default template, as fractions of the output's width and height, in the order 36, 39, 42, 45 (outer and
     * inner corner of the subject's right eye, inner and outer corner of the left eye).
     */
    public static final List<ImagePoint> DEFAULT_TEMPLATE = List.of(new ImagePoint(0.280, 0.300),
            new ImagePoint(0.407, 0.309), new ImagePoint(0.593, 0.309), new ImagePoint(0.720, 0.300));

    private final int width;
    private final int height;
    private final List<ImagePoint> template;
    /** The template in output pixel coordinates. */
    private final List<ImagePoint> targets;

    private FaceAligner(int width, int height, List<ImagePoint> template) {
        this.width = width;
        this.height = height;
        this.template = template;
        this.targets = template.stream()
                .map(f -> new ImagePoint(f.x() * width - 0.5, f.y() * height - 0.5))
                .toList();
    }

    /** An aligner to {@code size}x{@code size} faces with the default template (224 for VGG, 112 or 64 for the
     * embedded networks). */
    public static FaceAligner ofSize(int size) {
        return builder().outputSize(size).build();
    }

    /** A builder with a 224x224 output and the default template. */
    public static Builder builder() {
        return new Builder();
    }

    /** The output width in pixels. */
    public int width() {
        return width;
    }

    /** The output height in pixels. */
    public int height() {
        return height;
    }

    /** The template as fractions of the output size, order 36, 39, 42, 45 (unmodifiable). */
    public List<ImagePoint> template() {
        return template;
    }

    /** The template in output pixel coordinates, order 36, 39, 42, 45 (unmodifiable). */
    public List<ImagePoint> templatePixels() {
        return targets;
    }

    /** The transform taking {@code landmarks}' image coordinates to aligned-output coordinates. */
    public SimilarityTransform transform(FaceLandmarks landmarks) {
        return SimilarityTransform.fit(landmarks.eyeCorners(), targets);
    }

    /**
     * The aligned face: a {@link #width()}x{@link #height()} image with {@code image}'s channels.
     *
     * @param image the image the landmarks were found in, only read
     * @param landmarks the face's landmarks in {@code image}
     */
    public Image align(Image image, FaceLandmarks landmarks) {
        return warp(image, transform(landmarks));
    }

    /**
     * {@code image} resampled through {@code imageToOutput} into a {@link #width()}x{@link #height()} image with
     * {@code image}'s channels: output pixel {@code p} takes the bilinear interpolation of {@code image} at
     * {@code imageToOutput.inverse().apply(p)}, black outside the image.
     */
    public Image warp(Image image, SimilarityTransform imageToOutput) {
        SimilarityTransform outputToImage = imageToOutput.inverse();
        int channels = image.channels();
        int srcWidth = image.width();
        int srcHeight = image.height();
        byte[] out = new byte[width * height * channels];
        double[] sample = new double[channels];
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                double sx = outputToImage.applyX(u, v);
                double sy = outputToImage.applyY(u, v);
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                Arrays.fill(sample, 0);
                accumulate(image, x0, y0, (1 - fx) * (1 - fy), sample, srcWidth, srcHeight);
                accumulate(image, x0 + 1, y0, fx * (1 - fy), sample, srcWidth, srcHeight);
                accumulate(image, x0, y0 + 1, (1 - fx) * fy, sample, srcWidth, srcHeight);
                accumulate(image, x0 + 1, y0 + 1, fx * fy, sample, srcWidth, srcHeight);
                int o = (v * width + u) * channels;
                for (int c = 0; c < channels; c++) {
                    out[o + c] = (byte) Math.min(255, (int) (sample[c] + 0.5));
                }
            }
        }
        return channels == 1 ? Image.gray(width, height, out) : Image.rgb(width, height, out);
    }

    private static void accumulate(Image image, int x, int y, double weight, double[] sample, int w, int h) {
        if (weight == 0 || x < 0 || y < 0 || x >= w || y >= h) {
            return;
        }
        for (int c = 0; c < sample.length; c++) {
            sample[c] += weight * image.get(x, y, c);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FaceAligner[%dx%d, template %s]", width, height, template);
    }

    /** Settings of a {@link FaceAligner}; each setter validates its value. Not thread-safe. */
    public static final class Builder {

        private int width = 224;
        private int height = 224;
        private List<ImagePoint> template = DEFAULT_TEMPLATE;

        private Builder() {
        }

        /**
         * A square output of {@code size} pixels (default 224).
         *
         * @throws IllegalArgumentException unless {@code 1 <= size <= 8192}
         */
        public Builder outputSize(int size) {
            return outputSize(size, size);
        }

        /**
         * An output of {@code width}x{@code height} pixels.
         *
         * @throws IllegalArgumentException unless both lie in 1..8192
         */
        public Builder outputSize(int width, int height) {
            if (width < 1 || height < 1 || width > 8192 || height > 8192) {
                throw new IllegalArgumentException("output size must be 1..8192 pixels each way, got " + width + "x"
                        + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * Where the eye corners 36, 39, 42, 45 (in that order) go, as fractions of the output's width and height
         * (see the class comment); default {@link #DEFAULT_TEMPLATE}. Fractions outside [0, 1] are allowed but put
         * the eyes outside the output.
         *
         * @throws IllegalArgumentException unless there are 4 finite points, not all equal
         */
        public Builder template(List<ImagePoint> fractions) {
            if (fractions.size() != 4) {
                throw new IllegalArgumentException("the template needs the 4 eye corners 36, 39, 42, 45, got "
                        + fractions.size() + " points");
            }
            for (ImagePoint p : fractions) {
                if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
                    throw new IllegalArgumentException("template points must be finite, got " + fractions);
                }
            }
            if (fractions.stream().distinct().count() < 2) {
                throw new IllegalArgumentException("template points must not all coincide, got " + fractions);
            }
            this.template = List.copyOf(fractions);
            return this;
        }

        /** An aligner with these settings. */
        public FaceAligner build() {
            return new FaceAligner(width, height, template);
        }
    }
}
