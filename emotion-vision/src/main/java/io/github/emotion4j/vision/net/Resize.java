package io.github.emotion4j.vision.net;

import io.github.emotion4j.vision.image.Image;
import java.util.Objects;

/**
 * Image resampling with stated semantics, for preparing network inputs.
 *
 * <p>Both methods work on every channel independently in floating point, then round half up and clamp to
 * 0..255. Neither antialiases: they are meant for enlarging or for mild shrinking. The networks of this
 * package resample internally in floating point (no 8-bit rounding in between); these methods are for callers
 * who need the same resampling as an {@link Image}. Stateless and thread-safe; the source image is only read and
 * the result is a new image.
 */
public final class Resize {

    private Resize() {
    }

    /**
     * Bilinear resampling as TensorFlow's {@code resize_bilinear} with {@code align_corners=false,
     * half_pixel_centers=false} (tfjs {@code tf.image.resizeBilinear(x, [h, w], false, false)}): output pixel
     * {@code (x, y)} samples the source at {@code (x·inW/outW, y·inH/outH)} between the pixel at the floor and the
     * next one (clamped at the border). This is what face-api and the mini-Xception preprocessing use.
     *
     * @throws IllegalArgumentException when a target dimension is not positive
     */
    public static Image bilinear(Image source, int width, int height) {
        Objects.requireNonNull(source, "source");
        return Planes.of(source).resizeBilinear(width, height).toImage();
    }

    /**
     * Bicubic resampling with the Keys kernel, {@code a = −0.5} (Catmull-Rom; the kernel of Pillow's
     * {@code BICUBIC} when enlarging), pixel centres at half-integers ({@code src = (dst + 0.5)·in/out − 0.5}),
     * border pixels repeated.
     *
     * @throws IllegalArgumentException when a target dimension is not positive
     */
    public static Image bicubic(Image source, int width, int height) {
        Objects.requireNonNull(source, "source");
        return Planes.of(source).resizeBicubic(width, height).toImage();
    }
}
