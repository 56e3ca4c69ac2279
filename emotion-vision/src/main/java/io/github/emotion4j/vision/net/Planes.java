package io.github.emotion4j.vision.net;

import io.github.emotion4j.vision.image.Image;

/**
 * A float image in planar (channel, row, column) order, the layout of one example of an NCHW network input.
 *
 * <p>Package-private working type of the network preprocessing. Immutable by convention: every operation
 * returns a new instance; the {@code data} array is never changed after construction.
 */
final class Planes {

    final int channels;
    final int width;
    final int height;
    /** {@code data[(c * height + y) * width + x]}. */
    final float[] data;

    Planes(int channels, int width, int height, float[] data) {
        if ((long) channels * width * height != data.length) {
            throw new IllegalArgumentException("expected " + ((long) channels * width * height) + " values for "
                    + channels + "x" + height + "x" + width + ", got " + data.length);
        }
        this.channels = channels;
        this.width = width;
        this.height = height;
        this.data = data;
    }

    /** The pixels of {@code image} as floats 0..255, one plane per channel. */
    static Planes of(Image image) {
        int w = image.width();
        int h = image.height();
        int c = image.channels();
        byte[] pixels = image.copyPixels();
        float[] data = new float[pixels.length];
        int plane = w * h;
        for (int i = 0; i < plane; i++) {
            for (int k = 0; k < c; k++) {
                data[k * plane + i] = pixels[i * c + k] & 0xff;
            }
        }
        return new Planes(c, w, h, data);
    }

    float get(int c, int x, int y) {
        return data[(c * height + y) * width + x];
    }

    /**
     * Pads the shorter side with zeros (black) to a square, as face-api's {@code padToSquare(img, true)}: of
     * the {@code d = |w - h|} missing rows or columns, {@code round(d / 2)} (half up) go after the image
     * (bottom or right) and the remaining {@link #leadingPadding() d - round(d / 2)} before it.
     *
     * @return this when already square, else a new square instance
     */
    Planes padToSquareCentered() {
        if (width == height) {
            return this;
        }
        int size = Math.max(width, height);
        int lead = leadingPadding();
        int offsetX = width < height ? lead : 0;
        int offsetY = height < width ? lead : 0;
        float[] out = new float[channels * size * size];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(data, (c * height + y) * width, out, (c * size + y + offsetY) * size + offsetX, width);
            }
        }
        return new Planes(channels, size, size, out);
    }

    /** Rows (or columns) that {@link #padToSquareCentered()} puts before the image: {@code d - round(d / 2)}. */
    int leadingPadding() {
        int d = Math.abs(width - height);
        return d - (int) Math.floor(d / 2.0 + 0.5);
    }

    /**
     * Bilinear resampling with TensorFlow's {@code resize_bilinear(align_corners=false, half_pixel_centers=false)}
     * semantics (tfjs {@code tf.image.resizeBilinear(x, size, false, false)}): output pixel {@code (x, y)} samples
     * the source at {@code (x * inW / outW, y * inH / outH)}, interpolating between the floor and the next pixel
     * (clamped at the last row/column). No antialiasing when shrinking. Values are not rounded.
     *
     * @return this when the size is already {@code newWidth x newHeight}
     */
    Planes resizeBilinear(int newWidth, int newHeight) {
        checkSize(newWidth, newHeight);
        if (newWidth == width && newHeight == height) {
            return this;
        }
        double scaleX = (double) width / newWidth;
        double scaleY = (double) height / newHeight;
        int[] x0 = new int[newWidth];
        int[] x1 = new int[newWidth];
        double[] fx = new double[newWidth];
        for (int x = 0; x < newWidth; x++) {
            double src = x * scaleX;
            x0[x] = (int) Math.floor(src);
            x1[x] = Math.min(width - 1, (int) Math.ceil(src));
            fx[x] = src - x0[x];
        }
        float[] out = new float[channels * newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            double src = y * scaleY;
            int y0 = (int) Math.floor(src);
            int y1 = Math.min(height - 1, (int) Math.ceil(src));
            double fy = src - y0;
            for (int c = 0; c < channels; c++) {
                int top = (c * height + y0) * width;
                int bottom = (c * height + y1) * width;
                int o = (c * newHeight + y) * newWidth;
                for (int x = 0; x < newWidth; x++) {
                    double t = data[top + x0[x]] + (data[top + x1[x]] - data[top + x0[x]]) * fx[x];
                    double b = data[bottom + x0[x]] + (data[bottom + x1[x]] - data[bottom + x0[x]]) * fx[x];
                    out[o + x] = (float) (t + (b - t) * fy);
                }
            }
        }
        return new Planes(channels, newWidth, newHeight, out);
    }

    /**
     * Bicubic resampling with the Keys kernel ({@code a = -0.5}) and pixel centres at half-integers: output pixel
     * {@code (x, y)} samples the source at {@code ((x + 0.5) * inW / outW - 0.5, ...)} from the 4x4 neighbourhood,
     * edge pixels repeated. No antialiasing when shrinking (meant for enlarging). Values are not rounded and may
     * overshoot 0..255 slightly.
     *
     * @return this when the size is already {@code newWidth x newHeight}
     */
    Planes resizeBicubic(int newWidth, int newHeight) {
        checkSize(newWidth, newHeight);
        if (newWidth == width && newHeight == height) {
            return this;
        }
        int[][] xi = new int[newWidth][4];
        double[][] xw = new double[newWidth][4];
        cubicTaps(width, newWidth, xi, xw);
        int[][] yi = new int[newHeight][4];
        double[][] yw = new double[newHeight][4];
        cubicTaps(height, newHeight, yi, yw);
        float[] out = new float[channels * newWidth * newHeight];
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < newHeight; y++) {
                int o = (c * newHeight + y) * newWidth;
                for (int x = 0; x < newWidth; x++) {
                    double sum = 0;
                    for (int j = 0; j < 4; j++) {
                        int row = plane + yi[y][j] * width;
                        double rowSum = 0;
                        for (int i = 0; i < 4; i++) {
                            rowSum += xw[x][i] * data[row + xi[x][i]];
                        }
                        sum += yw[y][j] * rowSum;
                    }
                    out[o + x] = (float) sum;
                }
            }
        }
        return new Planes(channels, newWidth, newHeight, out);
    }

    /** Source indices (clamped) and Keys weights of the four taps of every output position along one axis. */
    private static void cubicTaps(int inSize, int outSize, int[][] index, double[][] weight) {
        double scale = (double) inSize / outSize;
        for (int o = 0; o < outSize; o++) {
            double src = (o + 0.5) * scale - 0.5;
            int base = (int) Math.floor(src);
            double t = src - base;
            for (int k = 0; k < 4; k++) {
                int i = base - 1 + k;
                index[o][k] = Math.max(0, Math.min(inSize - 1, i));
                weight[o][k] = keys(t - (k - 1));
            }
        }
    }

    /** The Keys cubic convolution kernel with {@code a = -0.5} (Catmull-Rom). */
    private static double keys(double x) {
        final double a = -0.5;
        double ax = Math.abs(x);
        if (ax <= 1) {
            return ((a + 2) * ax - (a + 3)) * ax * ax + 1;
        }
        if (ax < 2) {
            return ((a * ax - 5 * a) * ax + 8 * a) * ax - 4 * a;
        }
        return 0;
    }

    /** Rounds half up and clamps to 0..255: back to an 8-bit {@link Image}. */
    Image toImage() {
        int plane = width * height;
        byte[] pixels = new byte[data.length];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < channels; c++) {
                double v = Math.floor(data[c * plane + i] + 0.5);
                pixels[i * channels + c] = (byte) Math.max(0, Math.min(255, (int) v));
            }
        }
        return channels == 1 ? Image.gray(width, height, pixels) : Image.rgb(width, height, pixels);
    }

    private static void checkSize(int newWidth, int newHeight) {
        if (newWidth <= 0 || newHeight <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + newWidth + "x" + newHeight);
        }
    }
}
