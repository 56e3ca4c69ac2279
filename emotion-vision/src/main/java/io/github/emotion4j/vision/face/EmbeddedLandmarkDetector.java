package io.github.emotion4j.vision.face;

import io.github.emotion4j.vision.image.Image;
import io.github.emotion4j.vision.net.FaceLandmarkNet;
import java.util.ArrayList;
import java.util.List;

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
        return detectAll(List.of(image), List.of(face)).get(0);
    }

    /** All faces in one batch through the network (several times faster per face with ND4J's oneDNN binary). */
    @Override
    public List<FaceLandmarks> detectAll(List<Image> images, List<FaceBox> faces) {
        if (images.size() != faces.size()) {
            throw new IllegalArgumentException(images.size() + " images but " + faces.size() + " face boxes");
        }
        List<Image> crops = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            FaceBox face = faces.get(i);
            crops.add(images.get(i).crop(left(face), top(face), Math.max(1, (int) Math.round(face.width())),
                    Math.max(1, (int) Math.round(face.height()))));
        }
        List<float[]> predicted = network.predictAll(crops);
        List<FaceLandmarks> out = new ArrayList<>(faces.size());
        for (int f = 0; f < faces.size(); f++) {
            float[] points = predicted.get(f);
            double[] xy = new double[points.length];
            for (int i = 0; i < points.length; i += 2) {
                xy[i] = points[i] + left(faces.get(f));
                xy[i + 1] = points[i + 1] + top(faces.get(f));
            }
            out.add(FaceLandmarks.of(xy));
        }
        return out;
    }

    private static int left(FaceBox face) {
        return (int) Math.round(face.x());
    }

    private static int top(FaceBox face) {
        return (int) Math.round(face.y());
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
