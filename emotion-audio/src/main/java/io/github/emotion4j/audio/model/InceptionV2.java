package io.github.emotion4j.audio.model;

import io.github.emotion4j.core.Emotion;
import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Inception-v2 (Szegedy et al., "Rethinking the Inception architecture for computer vision", 2015, Table 1)
 * adapted to single-channel 34x34 audio maps and 7 classes, as DL4J {@link ComputationGraphConfiguration}s:
 * {@link #mapClassifier} (stage 1: one map → softmax) and {@link #sequenceClassifier} (stage 2: the same trunk
 * applied to each of a sequence of maps, then LSTM + softmax). Every convolution is followed by batch
 * normalisation and a ReLU ("conv-BN-ReLU", no convolution bias); all convolutions and poolings use "same"
 * padding.
 *
 * <h2>The trunk (width 1, default blocks)</h2>
 * <pre>
 * layer              kernel/stride        output (34x34 input)
 * stem1..stem3       3x3 conv x3          34x34x32, 34x34x32, 34x34x64
 * stem4, stem5       1x1 conv, 3x3 conv   34x34x80, 34x34x192
 * a1..a3 (Fig. 5)    1x1 64 | 1x1 48→3x3 64 | 1x1 64→3x3 96→3x3 96 | avg 3x3→1x1 32 (a1) or 64
 *                                         34x34x256, 34x34x288, 34x34x288
 * reduction_a        3x3/2 384 | 1x1 64→3x3 96→3x3/2 96 | max 3x3/2            17x17x768
 * b1..b4 (Fig. 6)    1x1 192 | 1x1 c→1x7 c→7x1 192 | 1x1 c→7x1 c→1x7 c→7x1 c→1x7 192 | avg→1x1 192,
 *                    c = 128, 160, 160, 192 (first 128, last 192, others 160)   17x17x768
 * reduction_b        1x1 192→3x3/2 320 | 1x1 192→1x7 192→7x1 192→3x3/2 192 | max 3x3/2   9x9x1280
 * c1, c2 (Fig. 7)    1x1 320 | 1x1 384→(1x3 384 ‖ 3x1 384) | 1x1 448→3x3 384→(1x3 384 ‖ 3x1 384) | avg→1x1 192
 *                                         9x9x2048
 * global_pool        global average       2048
 * </pre>
 * Channel counts are those of the reference Inception-v3 implementation (which the paper's Table 1 leaves
 * partly open); the 35x35 modules use two factorised 3x3 convolutions in place of 5x5 ones, as the paper's
 * Figure 5 draws them.
 *
 * <h2>The adaptation to 34x34 maps</h2>
 * On ImageNet the stem shrinks a 299x299 image to the 35x35 grid of the first Inception modules with a
 * stride-2 convolution and two stride-2 poolings/convolutions. A 34x34 map is already that size, so the stem
 * keeps its five convolutions but <b>drops every stride and both max-poolings</b>: the Inception modules see the
 * 34x34 map at full resolution, and the two grid reductions take it to 17x17 and 9x9 (the originals' 17x17 and
 * 8x8). The input has one channel; the classifier has 7 outputs; dropout before it as in the paper.
 * {@link Architecture#width()} multiplies every convolution's channel count (rounded, at least 1) and the block
 * counts are settable, so tests can build a small version.
 *
 * <p>Stateless and thread-safe. Vertex names ({@link #GLOBAL_POOL}, {@code stem1}, {@code a1_3x3dbl_b}, …) are
 * the same in both configurations, so stage-2 networks take their trunk parameters from stage-1 networks by name.
 */
public final class InceptionV2 {

    /** The input vertex. */
    public static final String INPUT = "maps";
    /** The global average pooling vertex after the last Inception module. */
    public static final String GLOBAL_POOL = "global_pool";
    /** The LSTM layer of the sequence classifier. */
    public static final String LSTM_LAYER = "lstm";
    /** The softmax output layer of both classifiers. */
    public static final String OUTPUT = "fc";

    private InceptionV2() {
    }

    /**
     * The shape of the network. Immutable value, validated on construction.
     *
     * @param width multiplies every convolution's channel count (1 = the full network), in (0, 4]
     * @param blocksA the number of 34x34 Inception modules (Fig. 5), >= 0 (full: 3)
     * @param blocksB the number of 17x17 Inception modules (Fig. 6), >= 0 (full: 4)
     * @param blocksC the number of 9x9 Inception modules (Fig. 7), >= 0 (full: 2)
     * @param dropout the fraction dropped before the output layers while training, in [0, 1)
     */
    public record Architecture(double width, int blocksA, int blocksB, int blocksC, double dropout) {

        /** Validates the settings. */
        public Architecture {
            if (!(width > 0 && width <= 4)) {
                throw new IllegalArgumentException("width must be in (0, 4], got " + width);
            }
            if (blocksA < 0 || blocksB < 0 || blocksC < 0) {
                throw new IllegalArgumentException("block counts must be >= 0, got " + blocksA + ", " + blocksB + ", " + blocksC);
            }
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
            }
        }

        /** The full network: width 1, 3 + 4 + 2 Inception modules, dropout 0.2. */
        public static Architecture full() {
            return new Architecture(1, 3, 4, 2, 0.2);
        }

        /** A scaled copy. */
        public Architecture withWidth(double value) {
            return new Architecture(value, blocksA, blocksB, blocksC, dropout);
        }

        /** A copy with other block counts. */
        public Architecture withBlocks(int a, int b, int c) {
            return new Architecture(width, a, b, c, dropout);
        }

        /** A copy with another dropout. */
        public Architecture withDropout(double value) {
            return new Architecture(width, blocksA, blocksB, blocksC, value);
        }

        /** {@code round(channels · width)}, at least 1. */
        public int channels(int fullChannels) {
            return Math.max(1, (int) Math.round(fullChannels * width));
        }
    }

    /**
     * Stage 1: one map ({@code [batch, 1, 34, 34]}) → trunk → {@link #GLOBAL_POOL} → dropout → softmax(7).
     *
     * @param base global settings (seed, updater, regularisation); the builder is not modified
     */
    public static ComputationGraphConfiguration mapClassifier(Architecture architecture, NeuralNetConfiguration.Builder base) {
        GraphBuilder graph = base.clone().graphBuilder().addInputs(INPUT)
                .setInputTypes(InputType.convolutional(AudioMaps.SIZE, AudioMaps.SIZE, 1));
        String pooled = new Trunk(graph, architecture).build(INPUT);
        graph.addLayer(OUTPUT, output(architecture), pooled);
        return graph.setOutputs(OUTPUT).build();
    }

    /**
     * Stage 2: a sequence of maps ({@code [batch, 34·34, length]}, each map flattened feature-major) → the trunk
     * on every map → {@link #GLOBAL_POOL} → LSTM({@code lstmSize}) → its last step → dropout → softmax(7).
     *
     * @param base global settings (seed, updater, regularisation); the builder is not modified
     */
    public static ComputationGraphConfiguration sequenceClassifier(Architecture architecture, int lstmSize,
            NeuralNetConfiguration.Builder base) {
        if (lstmSize < 1) {
            throw new IllegalArgumentException("LSTM size must be >= 1, got " + lstmSize);
        }
        GraphBuilder graph = base.clone().graphBuilder().addInputs(INPUT)
                .setInputTypes(InputType.recurrent((long) AudioMaps.SIZE * AudioMaps.SIZE));
        Trunk trunk = new Trunk(graph, architecture);
        trunk.firstPreProcessor = new RnnToCnnPreProcessor(AudioMaps.SIZE, AudioMaps.SIZE, 1);
        String pooled = trunk.build(INPUT);
        addHead(graph, architecture, lstmSize, pooled);
        graph.inputPreProcessor(LSTM_LAYER, new FeedForwardToRnnPreProcessor());
        return graph.setOutputs(OUTPUT).build();
    }

    /**
     * The part of {@link #sequenceClassifier} after {@link #GLOBAL_POOL} on its own: sequences of trunk outputs
     * ({@code [batch, embeddingSize, length]}) → LSTM → last step → softmax(7). Its {@link #LSTM_LAYER} and
     * {@link #OUTPUT} layers have the shapes of the sequence classifier's, so their parameters can be copied into it
     * (training with a frozen trunk).
     */
    static ComputationGraphConfiguration sequenceHead(Architecture architecture, long embeddingSize, int lstmSize,
            NeuralNetConfiguration.Builder base) {
        GraphBuilder graph = base.clone().graphBuilder().addInputs(INPUT).setInputTypes(InputType.recurrent(embeddingSize));
        addHead(graph, architecture, lstmSize, INPUT);
        return graph.setOutputs(OUTPUT).build();
    }

    private static void addHead(GraphBuilder graph, Architecture architecture, int lstmSize, String input) {
        graph.addLayer(LSTM_LAYER, new LastTimeStep(new LSTM.Builder().nOut(lstmSize).activation(Activation.TANH)
                .weightInit(WeightInit.XAVIER).build()), input);
        graph.addLayer(OUTPUT, output(architecture), LSTM_LAYER);
    }

    private static OutputLayer output(Architecture architecture) {
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(Emotion.COUNT).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER);
        if (architecture.dropout() > 0) {
            output.dropOut(1 - architecture.dropout());
        }
        return output.build();
    }

    /** Adds the conv-BN-ReLU trunk to a graph. */
    private static final class Trunk {
        private final GraphBuilder graph;
        private final Architecture architecture;
        private RnnToCnnPreProcessor firstPreProcessor;
        private boolean first = true;

        Trunk(GraphBuilder graph, Architecture architecture) {
            this.graph = Objects.requireNonNull(graph);
            this.architecture = architecture;
        }

        String build(String input) {
            String x = conv("stem1", input, 3, 3, 1, 32);
            x = conv("stem2", x, 3, 3, 1, 32);
            x = conv("stem3", x, 3, 3, 1, 64);
            x = conv("stem4", x, 1, 1, 1, 80);
            x = conv("stem5", x, 3, 3, 1, 192);
            for (int i = 1; i <= architecture.blocksA(); i++) {
                x = blockA("a" + i, x, i == 1 ? 32 : 64);
            }
            x = reductionA(x);
            for (int i = 1; i <= architecture.blocksB(); i++) {
                int c7 = i == 1 ? 128 : i == architecture.blocksB() ? 192 : 160;
                x = blockB("b" + i, x, c7);
            }
            x = reductionB(x);
            for (int i = 1; i <= architecture.blocksC(); i++) {
                x = blockC("c" + i, x);
            }
            graph.addLayer(GLOBAL_POOL, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
            return GLOBAL_POOL;
        }

        /** Figure 5: 1x1 | 1x1→3x3 | 1x1→3x3→3x3 | avg 3x3→1x1. */
        private String blockA(String name, String in, int poolProjection) {
            String b1 = conv(name + "_1x1", in, 1, 1, 1, 64);
            String b2 = conv(name + "_3x3", conv(name + "_3x3_reduce", in, 1, 1, 1, 48), 3, 3, 1, 64);
            String b3 = conv(name + "_3x3dbl_reduce", in, 1, 1, 1, 64);
            b3 = conv(name + "_3x3dbl_a", b3, 3, 3, 1, 96);
            b3 = conv(name + "_3x3dbl_b", b3, 3, 3, 1, 96);
            String b4 = conv(name + "_pool_proj", pool(name + "_pool", in, PoolingType.AVG, 1), 1, 1, 1, poolProjection);
            return merge(name, b1, b2, b3, b4);
        }

        /** Grid reduction 34 → 17: 3x3/2 | 1x1→3x3→3x3/2 | max 3x3/2. */
        private String reductionA(String in) {
            String name = "reduction_a";
            String b1 = conv(name + "_3x3", in, 3, 3, 2, 384);
            String b2 = conv(name + "_3x3dbl_reduce", in, 1, 1, 1, 64);
            b2 = conv(name + "_3x3dbl_a", b2, 3, 3, 1, 96);
            b2 = conv(name + "_3x3dbl_b", b2, 3, 3, 2, 96);
            String b3 = pool(name + "_pool", in, PoolingType.MAX, 2);
            return merge(name, b1, b2, b3);
        }

        /** Figure 6 with n = 7: 1x1 | 1x1→1x7→7x1 | 1x1→7x1→1x7→7x1→1x7 | avg→1x1. */
        private String blockB(String name, String in, int c7) {
            String b1 = conv(name + "_1x1", in, 1, 1, 1, 192);
            String b2 = conv(name + "_7x7_reduce", in, 1, 1, 1, c7);
            b2 = conv(name + "_7x7_a", b2, 1, 7, 1, c7);
            b2 = conv(name + "_7x7_b", b2, 7, 1, 1, 192);
            String b3 = conv(name + "_7x7dbl_reduce", in, 1, 1, 1, c7);
            b3 = conv(name + "_7x7dbl_a", b3, 7, 1, 1, c7);
            b3 = conv(name + "_7x7dbl_b", b3, 1, 7, 1, c7);
            b3 = conv(name + "_7x7dbl_c", b3, 7, 1, 1, c7);
            b3 = conv(name + "_7x7dbl_d", b3, 1, 7, 1, 192);
            String b4 = conv(name + "_pool_proj", pool(name + "_pool", in, PoolingType.AVG, 1), 1, 1, 1, 192);
            return merge(name, b1, b2, b3, b4);
        }

        /** Grid reduction 17 → 9: 1x1→3x3/2 | 1x1→1x7→7x1→3x3/2 | max 3x3/2. */
        private String reductionB(String in) {
            String name = "reduction_b";
            String b1 = conv(name + "_3x3", conv(name + "_3x3_reduce", in, 1, 1, 1, 192), 3, 3, 2, 320);
            String b2 = conv(name + "_7x7x3_reduce", in, 1, 1, 1, 192);
            b2 = conv(name + "_7x7x3_a", b2, 1, 7, 1, 192);
            b2 = conv(name + "_7x7x3_b", b2, 7, 1, 1, 192);
            b2 = conv(name + "_7x7x3_c", b2, 3, 3, 2, 192);
            String b3 = pool(name + "_pool", in, PoolingType.MAX, 2);
            return merge(name, b1, b2, b3);
        }

        /** Figure 7: 1x1 | 1x1→(1x3 ‖ 3x1) | 1x1→3x3→(1x3 ‖ 3x1) | avg→1x1. */
        private String blockC(String name, String in) {
            String b1 = conv(name + "_1x1", in, 1, 1, 1, 320);
            String b2 = conv(name + "_3x3_reduce", in, 1, 1, 1, 384);
            String b2a = conv(name + "_3x3_a", b2, 1, 3, 1, 384);
            String b2b = conv(name + "_3x3_b", b2, 3, 1, 1, 384);
            String b3 = conv(name + "_3x3dbl_reduce", in, 1, 1, 1, 448);
            b3 = conv(name + "_3x3dbl", b3, 3, 3, 1, 384);
            String b3a = conv(name + "_3x3dbl_a", b3, 1, 3, 1, 384);
            String b3b = conv(name + "_3x3dbl_b", b3, 3, 1, 1, 384);
            String b4 = conv(name + "_pool_proj", pool(name + "_pool", in, PoolingType.AVG, 1), 1, 1, 1, 192);
            return merge(name, b1, b2a, b2b, b3a, b3b, b4);
        }

        /** conv (no bias) → batch norm → ReLU; returns the ReLU's name. */
        private String conv(String name, String in, int kernelHeight, int kernelWidth, int stride, int fullChannels) {
            graph.addLayer(name, new ConvolutionLayer.Builder(kernelHeight, kernelWidth).stride(stride, stride)
                    .nOut(architecture.channels(fullChannels)).hasBias(false).convolutionMode(ConvolutionMode.Same).weightInit(WeightInit.RELU)
                    .activation(Activation.IDENTITY).build(), in);
            if (first && firstPreProcessor != null) {
                graph.inputPreProcessor(name, firstPreProcessor);
            }
            first = false;
            graph.addLayer(name + "_bn", new BatchNormalization.Builder().build(), name);
            graph.addLayer(name + "_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_bn");
            return name + "_relu";
        }

        private String pool(String name, String in, PoolingType type, int stride) {
            graph.addLayer(name, new SubsamplingLayer.Builder(type).kernelSize(3, 3).stride(stride, stride)
                    .convolutionMode(ConvolutionMode.Same).build(), in);
            return name;
        }

        private String merge(String name, String... inputs) {
            graph.addVertex(name, new MergeVertex(), inputs);
            return name;
        }
    }
}
