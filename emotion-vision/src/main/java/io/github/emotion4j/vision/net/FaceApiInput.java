package io.github.emotion4j.vision.net;

import io.github.emotion4j.vision.image.Image;

/**
 * face-api's input preprocessing ({@code NetInput.toBatchTensor(112, true)} and {@code FaceFeatureExtractor}):
 * gray images copied to RGB, zero-padded to a centred square ({@link Planes#padToSquareCentered()}), resized to
 * 112x112 with TensorFlow bilinear semantics when not already that size, then {@code (v − mean) / 255} per
 * channel with {@link FaceApiArchitecture#MEAN_RGB}. Stateless; package-private.
 */
final class FaceApiInput {

    private FaceApiInput() {
    }

    static void fill(Image image, float[] target, int offset) {
        int size = FaceApiArchitecture.INPUT_SIZE;
        Planes p = Planes.of(image.toRgb()).padToSquareCentered().resizeBilinear(size, size);
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            float mean = FaceApiArchitecture.MEAN_RGB[c];
            for (int i = 0; i < plane; i++) {
                target[offset + c * plane + i] = (p.data[c * plane + i] - mean) / 255f;
            }
        }
    }
}
