package io.github.emotion4j.vision.net;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.vision.image.Image;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A pretrained network that scores the facial expression of one face crop.
 *
 * <p>Inputs are {@link Image}s of a face, gray or RGB, of any size: each implementation states how it brings
 * them to its input ({@link #inputSize()}). Outputs are {@link EmotionScores} in this library's {@link Emotion}
 * order, whatever the network's own class order ({@link #outputClasses()}).
 *
 * <p>Images passed in are only read. Implementations hold native memory (ND4J) until {@link #close()}; closing
 * is idempotent, and any other call after it throws {@link IllegalStateException}. The implementations in this
 * package are thread-safe: calls are serialised on the network instance; for parallel throughput load one
 * instance per thread.
 */
public interface ExpressionNetwork extends AutoCloseable {

    /** Side of the square image the network itself takes, in pixels (inputs of other sizes are resized). */
    int inputSize();

    /** The emotion of each network output, in output order; an immutable list of the 7 classes. */
    List<Emotion> outputClasses();

    /**
     * Scores one face crop.
     *
     * @throws NullPointerException when {@code face} is null
     */
    EmotionScores predict(Image face);

    /**
     * Scores several face crops, in order; implementations run them through the network in batches. The
     * default loops over {@link #predict(Image)}.
     *
     * @return a new list, one score set per face
     */
    default List<EmotionScores> predictAll(List<Image> faces) {
        List<EmotionScores> out = new ArrayList<>(faces.size());
        for (Image face : faces) {
            out.add(predict(face));
        }
        return out;
    }

    /**
     * The network input for {@code faces}: the preprocessing of {@link #predict(Image)} without the forward pass,
     * an NCHW float array {@code [faces.size(), channels, inputSize, inputSize]}, new and owned by the caller.
     * With {@link #graph()} and {@link #featureLayer()} this lets a sequence model use the network as its CNN.
     *
     * @throws IllegalArgumentException when {@code faces} is empty
     */
    INDArray toInput(List<Image> faces);

    /**
     * The underlying DL4J graph: the live object, not a copy. Whoever uses it from several threads, or while
     * {@link #predict(Image)} may run, must synchronise on this network instance. It stays owned by this
     * network and is closed with it.
     */
    ComputationGraph graph();

    /**
     * Name of the graph layer (or vertex) whose activations are the penultimate features, the input of the
     * classifier: what a CNN-LSTM would feed its LSTM.
     */
    String featureLayer();

    /** Releases the network's native memory; idempotent. */
    @Override
    void close();
}
