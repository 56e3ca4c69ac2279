package io.github.emotion4j.vision;

import io.github.emotion4j.core.testing.TestMedia;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Test clips made from the two public-domain portraits in the test resources. */
final class FaceClips {

    private FaceClips() {
    }

    static Image portrait(String name) {
        try (InputStream in = FaceClips.class.getResourceAsStream("/io/github/emotion4j/vision/face/" + name)) {
            return Image.fromBufferedImage(ImageIO.read(in)).toRgb();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Image grace() {
        return portrait("grace_hopper_512x512.jpg");
    }

    static Image astronaut() {
        return portrait("astronaut.png");
    }

    /** Pastes {@code face} (scaled by {@code scale}) with its top-left corner at (x, y) into a BGR canvas. */
    static void paste(byte[] bgr, int width, int height, Image face, double scale, int x, int y) {
        int size = (int) Math.round(face.width() * scale);
        for (int row = 0; row < size; row++) {
            int cy = y + row;
            if (cy < 0 || cy >= height) {
                continue;
            }
            int sy = Math.min(face.height() - 1, (int) (row / scale));
            for (int col = 0; col < size; col++) {
                int cx = x + col;
                if (cx < 0 || cx >= width) {
                    continue;
                }
                int sx = Math.min(face.width() - 1, (int) (col / scale));
                int o = (cy * width + cx) * 3;
                bgr[o] = (byte) face.get(sx, sy, 2);
                bgr[o + 1] = (byte) face.get(sx, sy, 1);
                bgr[o + 2] = (byte) face.get(sx, sy, 0);
            }
        }
    }

    /** 2 s at 25 fps, 640x480: the portrait drifting to the right, with a tone. */
    static Path movingFace(Path file, Image face) throws IOException {
        return TestMedia.writeFrames(file, TestMedia.Container.MP4_H264_AAC, 640, 480, 25, 50,
                (i, bgr) -> paste(bgr, 640, 480, face, 0.75, 80 + 3 * i, 60), 220);
    }
}
