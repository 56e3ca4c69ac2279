package io.github.emotion4j.vision.face;

import io.github.emotion4j.vision.image.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/** The checked-in test images and dlib's reference output on them (see PROVENANCE.md beside them). */
final class TestImages {

    static final String GRACE_HOPPER = "grace_hopper_512x512.jpg";
    static final String ASTRONAUT = "astronaut.png";

    /** One line of dlib68_testdata.tsv: dlib's face box and its 68 integer points. */
    record DlibReference(String file, FaceBox box, long[] dlibRectangle, int[] points) {
        int x(int i) {
            return points[2 * i];
        }

        int y(int i) {
            return points[2 * i + 1];
        }
    }

    private TestImages() {
    }

    static Image load(String name) {
        try (InputStream in = Objects.requireNonNull(TestImages.class.getResourceAsStream(name), name)) {
            return Image.fromBufferedImage(ImageIO.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code image} as a TYPE_INT_RGB BufferedImage, through {@code setRGB} (independent of
     * {@link Image#toBufferedImage()}, which swaps red and blue in this version).
     */
    static BufferedImage toBufferedImage(Image image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        Image rgb = image.toRgb();
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                out.setRGB(x, y, rgb.get(x, y, 0) << 16 | rgb.get(x, y, 1) << 8 | rgb.get(x, y, 2));
            }
        }
        return out;
    }

    static List<DlibReference> dlibReference() {
        try (InputStream in = Objects.requireNonNull(TestImages.class.getResourceAsStream("dlib68_testdata.tsv"))) {
            List<DlibReference> refs = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                long[] rect = {Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])};
                int[] points = new int[136];
                for (int i = 0; i < 68; i++) {
                    String[] xy = f[6 + i].split(",");
                    points[2 * i] = Integer.parseInt(xy[0]);
                    points[2 * i + 1] = Integer.parseInt(xy[1]);
                }
                refs.add(new DlibReference(f[0], FaceBox.ofDlibRectangle(rect[0], rect[1], rect[2], rect[3]), rect,
                        points));
            }
            return refs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DlibReference dlibReference(String file) {
        return dlibReference().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();
    }
}
