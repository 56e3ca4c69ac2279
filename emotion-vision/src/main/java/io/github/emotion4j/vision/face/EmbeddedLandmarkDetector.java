package io.github.emotion4j.vision.face;

import io.github.emotion4j.vision.image.Image;
import io.github.emotion4j.vision.net.FaceLandmarkNet;

/**
 * 68-point landmarks from face-api's FaceLandmark68Net, embedded in emotion-vision: nothing to install. The face
 * box is cropped from the image (parts outside it black), the network finds the points in the crop (padded to a
 * square and resized to 112x112) and they are mapped back to image coordinates.
 *
 * <p>Thread-safe (the network serialises its forward passes). Owns its network unless built with {@link
 * #sharing(FaceLandmarkNet)}; {@link #close()} is idempotent.
 */
public final class EmbeddedLandmarkDetector implements LandmarkDetector {

    private final FaceLandmarkNet network;
    private final boolean owned;

    private EmbeddedLandmarkDetector(FaceLandmarkNet network, boolean owned) {
        this.network = network;
        this.owned = owned;
    }

    /** A detector with its own copy of the embedded network. */
    public static EmbeddedLandmarkDetector load() {
        return new EmbeddedLandmarkDetector(FaceLandmarkNet.load(), true);
    }

    /** A detector over a network the caller owns and closes. */
    public static EmbeddedLandmarkDetector sharing(FaceLandmarkNet network) {
        return new EmbeddedLandmarkDetector(network, false);
    }

    @Override
    public FaceLandmarks detect(Image image, FaceBox face) {
        int x = (int) Math.round(face.x());
        int y = (int) Math.round(face.y());
        int w = Math.max(1, (int) Math.round(face.width()));
        int h = Math.max(1, (int) Math.round(face.height()));
        float[] points = network.predict(image.crop(x, y, w, h));
        double[] xy = new double[points.length];
        for (int i = 0; i < points.length; i += 2) {
            xy[i] = points[i] + x;
            xy[i + 1] = points[i + 1] + y;
        }
        return FaceLandmarks.of(xy);
    }

    @Override
    public void close() {
        if (owned) {
            network.close();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedLandmarkDetector[face-api FaceLandmark68Net]";
    }
}
