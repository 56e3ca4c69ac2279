package io.github.emotion4j.vision.net;

import io.github.emotion4j.vision.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * face-api's {@code FaceLandmark68Net} (vladmandic/face-api 1.7.15, MIT), embedded: 68 facial landmarks (the
 * iBUG 300-W / dlib point order) regressed from a face crop; see {@link FaceApiArchitecture} and
 * {@code MODELS.md}.
 *
 * <p>Input of any size, prepared as face-api does: gray copied to RGB, zero-padded to a centred square, resized
 * to 112x112 (TensorFlow bilinear semantics, floating point). Output: 136 values {@code x0, y0, x1, y1, …} in the
 * crop's own pixel coordinates (the padding removed and the scale undone; the point {@code (0, 0)} is the
 * top-left corner of the top-left pixel, as in face-api). For a non-square crop the leading padding subtracted
 * is the one actually added ({@code d − round(d/2)} of the {@code d} missing columns or rows), where face-api
 * subtracts {@code d/2}: the two differ by half a pixel when {@code d} is odd.
 *
 * <p>Thread-safe (forward passes are serialised on this instance); owns native memory until {@link #close()}.
 * Arrays returned are new and owned by the caller.
 */
public final class FaceLandmarkNet implements AutoCloseable {

    /** Name of the embedded weight file. */
    static final String WEIGHTS = "faceapi-landmark68.e4jw";
    /** Number of landmarks. */
    public static final int POINTS = 68;

    private final GraphRunner runner;

    private FaceLandmarkNet() {
        int size = FaceApiArchitecture.INPUT_SIZE;
        runner = new GraphRunner(this, FaceApiArchitecture.landmark68Net(), WEIGHTS, "FaceLandmarkNet",
                new long[] {3, size, size}, FaceApiInput::fill);
    }

    /**
     * Loads the embedded network from the classpath, verifying the weights' SHA-256.
     *
     * @throws WeightFileException when the embedded weights are missing, corrupt or modified
     */
    public static FaceLandmarkNet load() {
        return new FaceLandmarkNet();
    }

    /** Side of the square image the network itself takes (112); other sizes are padded and resized. */
    public int inputSize() {
        return FaceApiArchitecture.INPUT_SIZE;
    }

    /**
     * The 68 landmarks of one face crop: a new array of 136 values {@code x0, y0, …, x67, y67} in the crop's
     * pixel coordinates.
     */
    public float[] predict(Image crop) {
        return predictAll(List.of(Objects.requireNonNull(crop, "crop"))).get(0);
    }

    /** The landmarks of several crops, in order, run in batches: one new 136-value array per crop. */
    public List<float[]> predictAll(List<Image> crops) {
        List<float[]> out = new ArrayList<>(crops.size());
        if (crops.isEmpty()) {
            return out;
        }
        float[][] rows = runner.run(crops);
        for (int i = 0; i < rows.length; i++) {
            out.add(toCropCoordinates(rows[i], crops.get(i).width(), crops.get(i).height()));
        }
        return out;
    }

    /** Network output (fractions of the padded square) to pixel coordinates of a {@code width x height} crop. */
    static float[] toCropCoordinates(float[] row, int width, int height) {
        if (row.length != 2 * POINTS) {
            throw new IllegalStateException("landmark network gave " + row.length + " values, expected " + 2 * POINTS);
        }
        int side = Math.max(width, height);
        int d = Math.abs(width - height);
        int lead = d - (int) Math.floor(d / 2.0 + 0.5);
        float padX = width < height ? lead : 0;
        float padY = height < width ? lead : 0;
        float[] points = new float[row.length];
        for (int i = 0; i < POINTS; i++) {
            points[2 * i] = row[2 * i] * side - padX;
            points[2 * i + 1] = row[2 * i + 1] * side - padY;
        }
        return points;
    }

    /** The network input for {@code crops} (see {@link ExpressionNetwork#toInput(List)}); new, owned by the caller. */
    public INDArray toInput(List<Image> crops) {
        return runner.toInput(crops);
    }

    /**
     * The underlying DL4J graph, live (see {@link ExpressionNetwork#graph()}: synchronise on this network to use it
     * concurrently); owned by this network.
     */
    public ComputationGraph graph() {
        return runner.graph();
    }

    /** Name of the layer with the 256 penultimate features ({@link FaceApiArchitecture#FEATURE_LAYER}). */
    public String featureLayer() {
        return FaceApiArchitecture.FEATURE_LAYER;
    }

    /** Releases the network's native memory; idempotent. */
    @Override
    public void close() {
        runner.close();
    }

    @Override
    public String toString() {
        return "FaceLandmarkNet[68 points, 112x112 RGB, face-api 1.7.15]";
    }
}
