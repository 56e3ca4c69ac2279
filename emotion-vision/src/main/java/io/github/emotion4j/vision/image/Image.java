package io.github.emotion4j.vision.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * An 8-bit image in memory: gray (1 channel) or RGB (3 channels, in that order), row-major and interleaved.
 *
 * <p>Immutable and thread-safe: the constructor copies nothing, so the factories that take an array take
 * ownership of it (the caller must not change it afterwards); {@link #copyPixels()} hands out a copy.
 */
public final class Image {

    private final int width;
    private final int height;
    private final int channels;
    private final byte[] pixels;

    private Image(int width, int height, int channels, byte[] pixels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (gray) or 3 (RGB), got " + channels);
        }
        Objects.requireNonNull(pixels, "pixels");
        if ((long) width * height * channels != pixels.length) {
            throw new IllegalArgumentException("expected " + ((long) width * height * channels) + " bytes for "
                    + width + "x" + height + "x" + channels + ", got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.pixels = pixels;
    }

    /** An RGB image over {@code rgb} (width·height·3 bytes, R G B per pixel); takes ownership of the array. */
    public static Image rgb(int width, int height, byte[] rgb) {
        return new Image(width, height, 3, rgb);
    }

    /** A gray image over {@code gray} (width·height bytes); takes ownership of the array. */
    public static Image gray(int width, int height, byte[] gray) {
        return new Image(width, height, 1, gray);
    }

    /** An RGB image from B G R interleaved bytes (OpenCV's and FFmpeg's BGR24 order); the array is only read. */
    public static Image fromBgr(int width, int height, byte[] bgr) {
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i + 2 < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return new Image(width, height, 3, rgb);
    }

    /** An image from a {@link BufferedImage}: gray when it has one gray band, RGB otherwise (alpha dropped). */
    public static Image fromBufferedImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] gray = new byte[w * h];
            image.getRaster().getDataElements(0, 0, w, h, gray);
            return new Image(w, h, 1, gray);
        }
        byte[] rgb = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int o = (y * w + x) * 3;
                rgb[o] = (byte) (p >> 16);
                rgb[o + 1] = (byte) (p >> 8);
                rgb[o + 2] = (byte) p;
            }
        }
        return new Image(w, h, 3, rgb);
    }

    /**
     * Reads a PNG, JPEG, BMP or GIF file.
     *
     * @throws IOException when the file cannot be read or is not an image, with the file named
     */
    public static Image read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such image file");
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + ": not an image in a format this reader knows (PNG, JPEG, BMP, GIF)");
        }
        return fromBufferedImage(image);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** 1 for gray, 3 for RGB. */
    public int channels() {
        return channels;
    }

    /** The value 0..255 of channel {@code c} at column {@code x}, row {@code y}. */
    public int get(int x, int y, int c) {
        return pixels[(y * width + x) * channels + c] & 0xff;
    }

    /**
     * The {@code w x h} region whose top-left pixel is {@code (x, y)}; parts outside this image are black (0).
     *
     * @throws IllegalArgumentException when w or h is not positive
     */
    public Image crop(int x, int y, int w, int h) {
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(w, h), channels)];
        int fromX = Math.max(0, x);
        int toX = Math.min(width, x + w);
        if (toX > fromX) {
            for (int row = Math.max(0, y); row < Math.min(height, y + h); row++) {
                System.arraycopy(pixels, (row * width + fromX) * channels, out,
                        ((row - y) * w + (fromX - x)) * channels, (toX - fromX) * channels);
            }
        }
        return new Image(w, h, channels, out);
    }

    /**
     * This image shrunk by a whole factor, each output pixel the mean of a {@code factor x factor} block (the
     * last partial row and column of blocks dropped); itself for factor 1.
     */
    public Image shrink(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1, got " + factor);
        }
        if (factor == 1) {
            return this;
        }
        int w = width / factor;
        int h = height / factor;
        byte[] out = new byte[w * h * channels];
        int area = factor * factor;
        int[] sums = new int[w * channels];
        for (int oy = 0; oy < h; oy++) {
            java.util.Arrays.fill(sums, 0);
            for (int dy = 0; dy < factor; dy++) {
                int rowStart = (oy * factor + dy) * width * channels;
                for (int ox = 0; ox < w; ox++) {
                    int in = rowStart + ox * factor * channels;
                    for (int dx = 0; dx < factor; dx++) {
                        for (int c = 0; c < channels; c++) {
                            sums[ox * channels + c] += pixels[in + dx * channels + c] & 0xff;
                        }
                    }
                }
            }
            for (int i = 0; i < sums.length; i++) {
                out[oy * w * channels + i] = (byte) ((sums[i] + area / 2) / area);
            }
        }
        return new Image(w, h, channels, out);
    }

    /** A copy of the pixel bytes (row-major, interleaved); the caller owns it. */
    public byte[] copyPixels() {
        return pixels.clone();
    }

    /**
     * This image in gray: itself when already gray, else {@code round(0.299 R + 0.587 G + 0.114 B)} (ITU-R BT.601,
     * as OpenCV's {@code COLOR_RGB2GRAY}).
     */
    public Image toGray() {
        if (channels == 1) {
            return this;
        }
        byte[] gray = new byte[width * height];
        for (int i = 0, o = 0; i < gray.length; i++, o += 3) {
            double v = 0.299 * (pixels[o] & 0xff) + 0.587 * (pixels[o + 1] & 0xff) + 0.114 * (pixels[o + 2] & 0xff);
            gray[i] = (byte) Math.min(255, (int) Math.round(v));
        }
        return new Image(width, height, 1, gray);
    }

    /** This image in RGB: itself when already RGB, else gray copied to all three channels. */
    public Image toRgb() {
        if (channels == 3) {
            return this;
        }
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0, o = 0; i < pixels.length; i++, o += 3) {
            rgb[o] = pixels[i];
            rgb[o + 1] = pixels[i];
            rgb[o + 2] = pixels[i];
        }
        return new Image(width, height, 3, rgb);
    }

    /** This image as a {@link BufferedImage} (TYPE_BYTE_GRAY or TYPE_3BYTE_BGR), a copy. */
    public BufferedImage toBufferedImage() {
        if (channels == 1) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, width, height, pixels.clone());
            return image;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        // the raster's data elements are in band order (R, G, B), whatever the bytes' order in memory
        image.getRaster().setDataElements(0, 0, width, height, pixels.clone());
        return image;
    }

    @Override
    public String toString() {
        return "Image[" + width + "x" + height + (channels == 1 ? " gray]" : " RGB]");
    }
}
