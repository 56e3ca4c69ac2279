package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.vision.fer.LabelledImage;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Labelled face sets made from one public-domain portrait: class {@code k} is transform {@code k} of the portrait
 * (identity, rotations by 90, 180 and 270 degrees, negative, darkened, zoomed in), each sample a randomly jittered
 * copy (shift, brightness, noise). Test helper; immutable images, seeded randomness.
 */
final class SyntheticFaces {

    /** Side of the base portrait the samples are cut from. */
    private static final int BASE = 64;
    /** Side of every sample. */
    static final int SIZE = 48;

    private static final Image PORTRAIT = load();

    private SyntheticFaces() {
    }

    private static Image load() {
        try (InputStream in = SyntheticFaces.class.getResourceAsStream("grace_hopper_512x512.jpg")) {
            return Image.fromBufferedImage(ImageIO.read(in)).toRgb();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The portrait shrunk to the base size. */
    private static Image base() {
        return PORTRAIT.shrink(PORTRAIT.width() / BASE);
    }

    /** Value at (x, y, c) of the base portrait under transform {@code k}. */
    private static int transformed(Image base, int k, int x, int y, int c) {
        int n = BASE - 1;
        return switch (k) {
            case 0 -> base.get(x, y, c);
            case 1 -> base.get(y, n - x, c);
            case 2 -> base.get(n - x, n - y, c);
            case 3 -> base.get(n - y, x, c);
            case 4 -> 255 - base.get(x, y, c);
            case 5 -> base.get(x, y, c) * 2 / 5;
            case 6 -> base.get(BASE / 4 + x / 2, BASE / 4 + y / 2, c);
            default -> throw new IllegalArgumentException("no transform " + k);
        };
    }

    /**
     * One jittered sample of class {@code k}: a 48x48 window of the transformed 64x64 portrait at a random offset,
     * with {@code brightness} added and uniform noise of ±12.
     */
    static Image sample(int k, Random random, double brightness) {
        Image base = base();
        int dx = random.nextInt(BASE - SIZE + 1);
        int dy = random.nextInt(BASE - SIZE + 1);
        byte[] rgb = new byte[SIZE * SIZE * 3];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = transformed(base, k, x + dx, y + dy, c) + brightness + (random.nextDouble() - 0.5) * 24;
                    rgb[(y * SIZE + x) * 3 + c] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        return Image.rgb(SIZE, SIZE, rgb);
    }

    /** {@code perClass} samples of each of the 7 classes, class k labelled {@code Emotion.values()[k]}, shuffled. */
    static List<LabelledImage> images(int perClass, long seed) {
        Random random = new Random(seed);
        List<LabelledImage> images = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            for (int k = 0; k < Emotion.COUNT; k++) {
                images.add(new LabelledImage(sample(k, random, (random.nextDouble() - 0.5) * 30), Emotion.values()[k]));
            }
        }
        java.util.Collections.shuffle(images, random);
        return images;
    }

    /** A clip of {@code length} jittered samples of class {@code k}, labelled {@code Emotion.values()[k]}. */
    static FaceClip clip(int k, int length, Random random) {
        List<Image> faces = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            faces.add(sample(k, random, (random.nextDouble() - 0.5) * 30));
        }
        return FaceClip.inMemory("class" + k + "-" + random.nextInt(1_000_000), Emotion.values()[k], faces);
    }

    /**
     * A clip whose class lies only in time order: the untransformed portrait growing brighter (HAPPINESS) or
     * darker (SADNESS) from frame to frame over the same set of brightness levels, so that any order-blind
     * model is at chance.
     */
    static FaceClip brighteningOrDarkening(boolean brightening, int length, Random random) {
        List<Image> faces = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            double level = -60 + 120.0 * i / (length - 1);
            faces.add(sample(0, random, brightening ? level : -level));
        }
        return FaceClip.inMemory((brightening ? "up" : "down") + random.nextInt(1_000_000),
                brightening ? Emotion.HAPPINESS : Emotion.SADNESS, faces);
    }
}
