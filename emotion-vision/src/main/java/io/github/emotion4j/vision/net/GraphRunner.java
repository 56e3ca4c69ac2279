package io.github.emotion4j.vision.net;

import io.github.emotion4j.vision.image.Image;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DL4J graph with weights from an embedded {@link WeightFile}, run for inference only, plus the batching
 * every network of this package shares.
 *
 * <p>Package-private. Thread-safe: the forward pass, {@link #graph()} and {@link #close()} synchronise on the
 * owning network object given at construction (DL4J's {@code output()} on a shared graph is not safe to call
 * concurrently), so that users who synchronise on the network exclude them too.
 */
final class GraphRunner {

    private static final Logger LOG = LoggerFactory.getLogger(GraphRunner.class);

    /** Largest batch sent through the graph at once; longer lists are split. */
    static final int MAX_BATCH = 64;

    /**
     * The batch size that runs fastest here: {@link #MAX_BATCH} when DL4J's convolutions run in oneDNN (ND4J's oneDNN
     * build with DL4J's helpers enabled: several times faster per face in batches), 1 otherwise (DL4J's own
     * convolution path is about a third slower per face in batches than one by one; see BENCHMARKS.md).
     */
    private static final int PREFERRED_BATCH = oneDnnConvolutions() ? MAX_BATCH : 1;

    /** Writes the preprocessed input of one image into {@code target} from {@code offset} (CHW floats). */
    @FunctionalInterface
    interface Preprocessor {
        void fill(Image image, float[] target, int offset);
    }

    private final Object owner;
    private final ComputationGraph graph;
    private final String name;
    private final long[] exampleShape;
    private final Preprocessor preprocessor;
    private boolean closed;

    /**
     * Builds {@code configuration} and loads the embedded, checksum-verified {@code weightFile} into it.
     *
     * @param owner the network object whose monitor guards the graph
     * @param exampleShape {@code {channels, height, width}} of one input example
     * @throws WeightFileException when the weights are missing, corrupt or do not fit
     */
    GraphRunner(Object owner, ComputationGraphConfiguration configuration, String weightFile, String name,
            long[] exampleShape, Preprocessor preprocessor) {
        this.owner = owner;
        this.name = name;
        this.exampleShape = exampleShape.clone();
        this.preprocessor = preprocessor;
        WeightFile weights = WeightFile.fromClasspath(weightFile);
        ComputationGraph g = new ComputationGraph(configuration);
        g.init();
        try {
            weights.applyTo(g);
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
        this.graph = g;
        LOG.debug("loaded {} from {} ({} parameters)", name, weightFile, weights.parameterCount());
    }

    /** The preprocessed NCHW input of {@code images}, a new array. */
    INDArray toInput(List<Image> images) {
        Objects.requireNonNull(images, "images");
        if (images.isEmpty()) {
            throw new IllegalArgumentException(name + ": no images to run");
        }
        int exampleSize = Math.toIntExact(exampleShape[0] * exampleShape[1] * exampleShape[2]);
        float[] data = new float[Math.multiplyExact(exampleSize, images.size())];
        for (int i = 0; i < images.size(); i++) {
            preprocessor.fill(Objects.requireNonNull(images.get(i), "image " + i), data, i * exampleSize);
        }
        return Nd4j.create(data, new long[] {images.size(), exampleShape[0], exampleShape[1], exampleShape[2]}, 'c');
    }

    /**
     * The graph's output for every image, in batches of the size that runs fastest here (at most {@link
     * #MAX_BATCH}): one row per image.
     */
    float[][] run(List<Image> images) {
        float[][] rows = new float[images.size()][];
        for (int start = 0; start < images.size(); start += PREFERRED_BATCH) {
            List<Image> batch = images.subList(start, Math.min(images.size(), start + PREFERRED_BATCH));
            INDArray input = toInput(batch);
            INDArray output;
            synchronized (owner) {
                checkOpen();
                output = graph.output(false, input)[0];
            }
            for (int i = 0; i < batch.size(); i++) {
                rows[start + i] = output.getRow(i).toFloatVector();
            }
            input.close();
            output.close();
        }
        return rows;
    }

    /**
     * Whether DL4J will run convolutions in oneDNN: its helpers enabled, and the class it asks (which the command-line
     * application provides, see README "Speed") saying the loaded ND4J binary has oneDNN.
     */
    private static boolean oneDnnConvolutions() {
        if (!"false".equalsIgnoreCase(System.getProperty("org.eclipse.deeplearning4j.helpers.disable"))) {
            return false;
        }
        try {
            Class<?> environment = Class.forName("org.nd4j.nativeblas.Nd4jCpu$Environment");
            Object instance = environment.getMethod("getInstance").invoke(null);
            return Boolean.TRUE.equals(environment.getMethod("isUseMKLDNN").invoke(instance));
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    ComputationGraph graph() {
        synchronized (owner) {
            checkOpen();
            return graph;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
    }

    void close() {
        synchronized (owner) {
            if (!closed) {
                closed = true;
                graph.close();
                LOG.debug("closed {}", name);
            }
        }
    }
}
