package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.vision.net.ExpressionNetwork;
import io.github.emotion4j.vision.net.FaceApiArchitecture;
import io.github.emotion4j.vision.net.FaceApiExpressionNet;
import io.github.emotion4j.vision.net.MiniXceptionArchitecture;
import io.github.emotion4j.vision.net.MiniXceptionNet;
import java.util.Locale;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The CNN of a CNN-LSTM: an image network, the layer whose activations feed the LSTM, and how faces become its
 * input. Besides the paper's VGG-16 ({@link #vgg16}, feature layer fc6), the expression networks embedded in
 * emotion-vision serve, so that a user without VGG-Face weights or a GPU can train the temporal model: face-api's
 * FaceExpressionNet ({@link #faceApiExpression()}, 112x112 colour, 256 pooled features) and the FER-2013
 * mini-Xception ({@link #miniXception()}, 64x64 gray, 256x8x8 features averaged over space by {@link CnnLstm}).
 * Their pretrained weights come with them; stages 1 and 2 are for VGG-16 only.
 *
 * <p>Owns its graph (a private copy for the embedded networks) and closes it in {@link #close()} (idempotent).
 * Not thread-safe.
 */
public final class FaceBackbone implements AutoCloseable {

    /** Name of the VGG-16 backbone in bundles and on the command line. */
    public static final String VGG16 = "vgg16";
    /** Name of face-api's FaceExpressionNet backbone. */
    public static final String FACE_API = "faceapi-expression";
    /** Name of the FER-2013 mini-Xception backbone. */
    public static final String MINI_XCEPTION = "mini-xception";

    /** face-api's per-channel means (R, G, B) of its input preprocessing, on 0..255 values. */
    private static final double[] FACE_API_MEAN_RGB = {122.782, 117.001, 104.298};

    private final String name;
    private final ComputationGraph graph;
    private final String featureVertex;
    private final FaceInput input;
    private boolean closed;

    private FaceBackbone(String name, ComputationGraph graph, String featureVertex, FaceInput input) {
        this.name = name;
        this.graph = graph;
        this.featureVertex = featureVertex;
        this.input = input;
    }

    /** A VGG-16 from {@link Vgg16} (taking ownership of it) read as {@code input} says; features from fc6. */
    public static FaceBackbone vgg16(ComputationGraph network, FaceInput input) {
        return new FaceBackbone(VGG16, Objects.requireNonNull(network, "network"), Vgg16.FC6, Objects.requireNonNull(input, "input"));
    }

    /** face-api's FaceExpressionNet with its embedded weights: 112x112 RGB, {@code (v − mean) / 255}. */
    public static FaceBackbone faceApiExpression() {
        try (FaceApiExpressionNet net = FaceApiExpressionNet.load()) {
            return copyOf(FACE_API, net, FaceApiArchitecture.FEATURE_LAYER,
                    new FaceInput(FaceApiArchitecture.INPUT_SIZE, 3, false, FACE_API_MEAN_RGB, 255));
        }
    }

    /** The FER-2013 mini-Xception with its embedded weights: 64x64 gray mapped to [−1, 1]. */
    public static FaceBackbone miniXception() {
        try (MiniXceptionNet net = MiniXceptionNet.load()) {
            return copyOf(MINI_XCEPTION, net, MiniXceptionArchitecture.FEATURE_LAYER,
                    FaceInput.centered(MiniXceptionArchitecture.INPUT_SIZE, 1));
        }
    }

    /**
     * An embedded backbone by name: {@value #FACE_API} or {@value #MINI_XCEPTION} (VGG-16 needs its sizes: use
     * {@link #vgg16}).
     *
     * @throws IllegalArgumentException for another name
     */
    public static FaceBackbone embedded(String backbone) {
        return switch (backbone.toLowerCase(Locale.ROOT)) {
            case FACE_API -> faceApiExpression();
            case MINI_XCEPTION -> miniXception();
            default -> throw new IllegalArgumentException("unknown embedded backbone '" + backbone + "': expected "
                    + FACE_API + " or " + MINI_XCEPTION);
        };
    }

    private static FaceBackbone copyOf(String name, ExpressionNetwork net, String feature, FaceInput input) {
        ComputationGraph copy;
        synchronized (net) {
            copy = net.graph().clone();
        }
        return new FaceBackbone(name, copy, feature, input);
    }

    public String name() {
        return name;
    }

    /** The image network (owned by this backbone). */
    public ComputationGraph graph() {
        return graph;
    }

    /** The vertex whose activations feed the LSTM. */
    public String featureVertex() {
        return featureVertex;
    }

    /** How faces become this network's input. */
    public FaceInput input() {
        return input;
    }

    /**
     * A new CNN-LSTM on this backbone ({@link CnnLstm#create}): its layers up to the feature vertex with their
     * parameters, an LSTM of {@code lstmUnits} and a 7-way output. The caller owns it; this backbone is unchanged.
     */
    public ComputationGraph cnnLstm(int lstmUnits, SolverSettings solver) {
        return CnnLstm.create(graph, featureVertex, input, lstmUnits, Emotion.COUNT, solver);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            graph.close();
        }
    }

    @Override
    public String toString() {
        return "FaceBackbone[" + name + ", features from " + featureVertex + ", " + input + "]";
    }
}
