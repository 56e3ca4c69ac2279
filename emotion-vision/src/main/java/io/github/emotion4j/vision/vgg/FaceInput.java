package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.vision.image.Image;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How a face image becomes network input: resized to {@code size}x{@code size} (bilinear, averaged over the
 * source pixels when shrinking by more than 2), gray or colour as the network takes it (gray faces are copied to
 * three channels, colour faces are turned to gray with BT.601 weights), channels in RGB or BGR order, then
 * {@code (value − mean[channel]) / divisor} per channel on 0..255 values. Output is channels-first (NCHW).
 *
 * <p>{@link #vggFace(int)} is VGG-Face's preprocessing (BGR, mean 93.5940, 104.7624, 129.1863 subtracted, no
 * scaling, as its Keras distribution does); {@link #centered(int, int)} maps 0..255 to [−1, 1], for networks trained
 * from scratch.
 *
 * <p>Immutable and thread-safe. Images are only read; every array returned is new and owned by the caller.
 */
public final class FaceInput {

    /** VGG-Face's per-channel means in B, G, R order (keras-vggface, version 1 models). */
    private static final double[] VGG_FACE_MEAN_BGR = {93.5940, 104.7624, 129.1863};

    private final int size;
    private final int channels;
    private final boolean bgr;
    private final double[] mean;
    private final double divisor;

    /**
     * A preprocessing.
     *
     * @param size side of the square output
     * @param channels 1 (gray) or 3 (colour)
     * @param bgr whether colour channels go in B, G, R order (else R, G, B); ignored for gray
     * @param mean one value per channel, in output channel order, subtracted from 0..255 values (copied)
     * @param divisor positive, divides the centred values
     */
    public FaceInput(int size, int channels, boolean bgr, double[] mean, double divisor) {
        if (size < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + size);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (mean.length != channels) {
            throw new IllegalArgumentException("need one mean per channel (" + channels + "), got " + mean.length);
        }
        if (!(divisor > 0) || !Double.isFinite(divisor)) {
            throw new IllegalArgumentException("divisor must be positive, got " + divisor);
        }
        this.size = size;
        this.channels = channels;
        this.bgr = bgr;
        this.mean = mean.clone();
        this.divisor = divisor;
    }

    /** VGG-Face's preprocessing at {@code size}: BGR, its channel means subtracted, no scaling. */
    public static FaceInput vggFace(int size) {
        return new FaceInput(size, 3, true, VGG_FACE_MEAN_BGR, 1);
    }

    /** 0..255 mapped to [−1, 1], RGB order for colour. */
    public static FaceInput centered(int size, int channels) {
        double[] mean = new double[channels];
        Arrays.fill(mean, 127.5);
        return new FaceInput(size, channels, false, mean, 127.5);
    }

    public int size() {
        return size;
    }

    public int channels() {
        return channels;
    }

    /** Values per face: channels · size · size. */
    public int length() {
        return channels * size * size;
    }

    /**
     * Writes one face into {@code target} from {@code offset} ({@link #length()} floats, channels-first): the
     * whole image, not flipped.
     */
    public void fill(Image face, float[] target, int offset) {
        fill(face, target, offset, View.whole(face));
    }

    /**
     * Writes the part of {@code face} that {@code view} selects into {@code target} from {@code offset}
     * ({@link #length()} floats, channels-first), flipped and with brightness and contrast as it says.
     */
    public void fill(Image face, float[] target, int offset, View view) {
        Objects.requireNonNull(face, "face");
        Image source = channels == 1 ? face.toGray() : face.toRgb();
        int sourceChannels = source.channels();
        byte[] pixels = source.copyPixels();
        int width = source.width();
        int height = source.height();
        double stepX = view.width() / size;
        double stepY = view.height() / size;
        int samplesX = Math.max(1, (int) Math.ceil(stepX / 2));
        int samplesY = Math.max(1, (int) Math.ceil(stepY / 2));
        double[] value = new double[sourceChannels];
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                Arrays.fill(value, 0);
                for (int sy = 0; sy < samplesY; sy++) {
                    double srcY = view.y() + (y + (sy + 0.5) / samplesY) * stepY - 0.5;
                    for (int sx = 0; sx < samplesX; sx++) {
                        double srcX = view.x() + (x + (sx + 0.5) / samplesX) * stepX - 0.5;
                        accumulateBilinear(pixels, width, height, sourceChannels, srcX, srcY, value);
                    }
                }
                int outX = view.flip() ? size - 1 - x : x;
                int at = y * size + outX;
                for (int c = 0; c < channels; c++) {
                    int from = channels == 3 && bgr ? 2 - c : c;
                    double v = value[from] / (samplesX * samplesY);
                    v = (v - 127.5) * view.contrast() + 127.5 + view.brightness();
                    target[offset + c * plane + at] = (float) ((v - mean[c]) / divisor);
                }
            }
        }
    }

    private static void accumulateBilinear(byte[] pixels, int width, int height, int channels, double x, double y,
            double[] sum) {
        double cx = Math.min(Math.max(x, 0), width - 1);
        double cy = Math.min(Math.max(y, 0), height - 1);
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = cx - x0;
        double fy = cy - y0;
        for (int c = 0; c < channels; c++) {
            double top = (pixels[(y0 * width + x0) * channels + c] & 0xff) * (1 - fx) + (pixels[(y0 * width + x1) * channels + c] & 0xff) * fx;
            double bottom = (pixels[(y1 * width + x0) * channels + c] & 0xff) * (1 - fx) + (pixels[(y1 * width + x1) * channels + c] & 0xff) * fx;
            sum[c] += top * (1 - fy) + bottom * fy;
        }
    }

    /** A batch of whole faces as {@code [n, channels, size, size]}. */
    public INDArray batch(List<Image> faces) {
        if (faces.isEmpty()) {
            throw new IllegalArgumentException("no faces to put in a batch");
        }
        float[] data = new float[faces.size() * length()];
        for (int i = 0; i < faces.size(); i++) {
            fill(faces.get(i), data, i * length());
        }
        return Nd4j.create(data, new long[] {faces.size(), channels, size, size}, 'c');
    }

    /**
     * Sequences of whole faces as DL4J's recurrent input {@code [n, channels·size·size, steps]}: each time step
     * is one face flattened channels-first.
     *
     * @throws IllegalArgumentException when the sequences are empty or not all of one length
     */
    public INDArray sequences(List<List<Image>> windows) {
        if (windows.isEmpty() || windows.get(0).isEmpty()) {
            throw new IllegalArgumentException("no face sequences to put in a batch");
        }
        int steps = windows.get(0).size();
        int length = length();
        float[] data = new float[windows.size() * steps * length];
        float[] one = new float[length];
        for (int n = 0; n < windows.size(); n++) {
            List<Image> window = windows.get(n);
            if (window.size() != steps) {
                throw new IllegalArgumentException("sequence " + n + " has " + window.size() + " faces, expected " + steps);
            }
            for (int t = 0; t < steps; t++) {
                fill(window.get(t), one, 0);
                int base = n * length * steps + t;
                for (int f = 0; f < length; f++) {
                    data[base + f * steps] = one[f];
                }
            }
        }
        return Nd4j.create(data, new long[] {windows.size(), length, steps}, 'c');
    }

    /** The settings as text, for a model bundle; {@link #fromProperties} reads them back. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("input.size", Integer.toString(size));
        p.put("input.channels", Integer.toString(channels));
        p.put("input.order", bgr ? "BGR" : "RGB");
        StringBuilder means = new StringBuilder();
        for (double m : mean) {
            means.append(means.length() == 0 ? "" : " ").append(m);
        }
        p.put("input.mean", means.toString());
        p.put("input.divisor", Double.toString(divisor));
        return p;
    }

    /**
     * The preprocessing that {@link #toProperties()} wrote.
     *
     * @throws IllegalArgumentException when a value is missing or malformed (the message names it)
     */
    public static FaceInput fromProperties(Map<String, String> p) {
        String order = require(p, "input.order");
        if (!order.equals("BGR") && !order.equals("RGB")) {
            throw new IllegalArgumentException("input.order must be BGR or RGB, got '" + order + "'");
        }
        try {
            double[] mean = Arrays.stream(require(p, "input.mean").trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
            return new FaceInput(Integer.parseInt(require(p, "input.size")), Integer.parseInt(require(p, "input.channels")),
                    order.equals("BGR"), mean, Double.parseDouble(require(p, "input.divisor")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed input settings " + p + ": " + e.getMessage(), e);
        }
    }

    private static String require(Map<String, String> p, String key) {
        String value = p.get(key);
        if (value == null) {
            throw new IllegalArgumentException("input settings lack '" + key + "'");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceInput other && size == other.size && channels == other.channels && bgr == other.bgr
                && Arrays.equals(mean, other.mean) && divisor == other.divisor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, channels, bgr, Arrays.hashCode(mean), divisor);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FaceInput[%dx%d, %s, mean %s, /%s]", size, size,
                channels == 1 ? "gray" : bgr ? "BGR" : "RGB", Arrays.toString(mean), divisor);
    }

    /**
     * Which part of an image to use and how to alter it (for data augmentation): a rectangle in source pixel
     * units (it may reach outside the image: edges are repeated), a horizontal flip, and {@code v' = (v − 127.5) ·
     * contrast + 127.5 + brightness} on 0..255 values. Immutable value.
     */
    public record View(double x, double y, double width, double height, boolean flip, double brightness, double contrast) {

        public View {
            if (!(width > 0) || !(height > 0)) {
                throw new IllegalArgumentException("view size must be positive, got " + width + "x" + height);
            }
        }

        /** The whole image, unchanged. */
        public static View whole(Image image) {
            return new View(0, 0, image.width(), image.height(), false, 0, 1);
        }
    }
}
