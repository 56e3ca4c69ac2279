package io.github.emotion4j.vision.vgg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds VGG-16 as a DL4J {@link ComputationGraph} with the paper's changes (Guo et al. 2017, section 2.1): the
 * last layer has 7 outputs, is initialised from a normal distribution of mean 0 and variance 10⁻⁴ (standard
 * deviation {@value #LAST_LAYER_STD}, bias 0) and learns with {@link SolverSettings#newLayerFactor()} (10) times
 * the base learning rate, weights and bias alike.
 *
 * <p>Layers are named as in VGG-Face's Keras distribution ({@code conv1_1 ... conv5_3}, {@code pool1 ... pool5},
 * {@code fc6}, {@code fc7}, {@code fc8}), which {@link VggFaceWeights} relies on. fc6 and fc7 use ReLU and 50 %
 * dropout on their outputs, as VGG does (DL4J applies a layer's dropout to its input, so fc7 and fc8 carry it).
 * Layers other than fc8 start from He-normal weights, which VGG-Face weights replace when imported.
 *
 * <p>Stateless and thread-safe; every call returns a new configuration or network owned by the caller.
 */
public final class Vgg16 {

    /** Name of the network's input. */
    public static final String INPUT = "input";
    /** Name of the first fully connected layer, the feature layer a VGG-LSTM keeps. */
    public static final String FC6 = "fc6";
    /** Name of the second fully connected layer. */
    public static final String FC7 = "fc7";
    /** Name of the classifier layer (7 outputs, softmax). */
    public static final String FC8 = "fc8";
    /** Standard deviation of fc8's initial weights: the paper's variance 10⁻⁴. */
    public static final double LAST_LAYER_STD = 0.01;
    /** Fraction of units dropped after fc6 and after fc7. */
    public static final double DROPOUT = 0.5;

    private Vgg16() {
    }

    /** The 13 convolution layer names in order, {@code conv1_1} to {@code conv5_3}. */
    public static List<String> convolutionNames() {
        List<String> names = new ArrayList<>();
        for (int block = 0; block < Vgg16Spec.BLOCK_DEPTHS.length; block++) {
            for (int i = 0; i < Vgg16Spec.BLOCK_DEPTHS[block]; i++) {
                names.add("conv" + (block + 1) + "_" + (i + 1));
            }
        }
        return Collections.unmodifiableList(names);
    }

    /** The 16 weighted layer names in order: the 13 convolutions, then fc6, fc7, fc8. */
    public static List<String> weightedLayerNames() {
        List<String> names = new ArrayList<>(convolutionNames());
        names.add(FC6);
        names.add(FC7);
        names.add(FC8);
        return Collections.unmodifiableList(names);
    }

    /** The configuration of a VGG-16 of the given sizes, learning as {@code solver} says. */
    public static ComputationGraphConfiguration configuration(Vgg16Spec spec, SolverSettings solver) {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(solver.seed())
                .dataType(DataType.FLOAT)
                .updater(solver.baseUpdater())
                .weightDecay(solver.weightDecay())
                .weightDecayBias(0)
                .weightInit(WeightInit.RELU)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(spec.inputSize(), spec.inputSize(), spec.channels()));
        String previous = INPUT;
        for (int block = 0; block < Vgg16Spec.BLOCK_DEPTHS.length; block++) {
            int channels = spec.blockChannels(block);
            for (int i = 0; i < Vgg16Spec.BLOCK_DEPTHS[block]; i++) {
                String name = "conv" + (block + 1) + "_" + (i + 1);
                if (spec.batchNorm()) {
                    graph.addLayer(name, new ConvolutionLayer.Builder(3, 3).nOut(channels)
                            .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build(), previous);
                    graph.addLayer(name + "_bn", new BatchNormalization.Builder().build(), name);
                    graph.addLayer(name + "_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_bn");
                    previous = name + "_relu";
                } else {
                    graph.addLayer(name, new ConvolutionLayer.Builder(3, 3).nOut(channels)
                            .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build(), previous);
                    previous = name;
                }
            }
            String pool = "pool" + (block + 1);
            graph.addLayer(pool, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Truncate).build(), previous);
            previous = pool;
        }
        graph.addLayer(FC6, new DenseLayer.Builder().nOut(spec.fc6Size()).activation(Activation.RELU).build(), previous);
        graph.addLayer(FC7, new DenseLayer.Builder().nOut(spec.fc7Size()).activation(Activation.RELU)
                .dropOut(1 - DROPOUT).build(), FC6);
        graph.addLayer(FC8, lastLayer(spec.classes(), solver), FC7);
        graph.setOutputs(FC8);
        return graph.build();
    }

    /** A new, initialised VGG-16; the caller owns it (close it to free its native memory). */
    public static ComputationGraph create(Vgg16Spec spec, SolverSettings solver) {
        ComputationGraph network = new ComputationGraph(configuration(spec, solver));
        network.init();
        return network;
    }

    /**
     * The paper's classifier layer: softmax over {@code classes}, weights from N(0, 0.01²), bias 0, learning with
     * the new-layer factor on weights and bias, and 50 % dropout on its input.
     */
    static OutputLayer lastLayer(int classes, SolverSettings solver) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(classes)
                .activation(Activation.SOFTMAX)
                .weightInit(new WeightInitDistribution(new NormalDistribution(0, LAST_LAYER_STD)))
                .biasInit(0)
                .updater(solver.newLayerUpdater())
                .biasUpdater(solver.newLayerUpdater())
                .dropOut(1 - DROPOUT)
                .build();
    }

    /**
     * The number of parameters a configuration will have, from its layer configurations (nothing is allocated):
     * weights, biases and, with batch normalisation, its scale, shift and running statistics.
     */
    public static long parameterCount(ComputationGraphConfiguration configuration) {
        long total = 0;
        for (GraphVertex vertex : configuration.getVertices().values()) {
            if (vertex instanceof LayerVertex layer) {
                total += layer.getLayerConf().getLayer().initializer().numParams(layer.getLayerConf());
            }
        }
        return total;
    }
}
