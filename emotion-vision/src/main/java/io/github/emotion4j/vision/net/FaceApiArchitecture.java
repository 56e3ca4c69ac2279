package io.github.emotion4j.vision.net;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The DL4J architecture of face-api's {@code FaceExpressionNet} and {@code FaceLandmark68Net} (vladmandic/face-api
 * 1.7.15, {@code src/faceFeatureExtractor}, {@code src/faceProcessor}): the shared 112x112 RGB feature extractor
 * followed by one fully connected layer.
 *
 * <p>Feature extractor: four "dense blocks" with 32, 64, 128 and 256 channels, each halving the resolution
 * (112 → 56 → 28 → 14 → 7). A block computes {@code out1 = relu(conv0(x))} (a 3x3 convolution with stride 2 in
 * the first block, a depthwise-separable 3x3 convolution with stride 2 in the others), then three separable 3x3
 * convolutions with densely summed inputs: {@code out2 = sep1(out1)}, {@code out3 = sep2(relu(out1 + out2))},
 * {@code out4 = sep3(relu(out1 + out2 + out3))}, and returns {@code relu(out1 + out2 + out3 + out4)}. All
 * convolutions use TensorFlow's {@code SAME} padding and a bias. A 7x7 average pool (global here) gives 256
 * features, and a fully connected layer gives 7 expression logits (softmax) or 136 landmark coordinates.
 *
 * <p>Layer names: {@code dense<b>_conv<k>} (b = 0..3, k = 0..3) for the convolutions, {@code dense<b>_sum<k>}
 * and {@code dense<b>_relu<k>} for the sums and their ReLUs, {@link #FEATURE_LAYER} for the pooled features and
 * {@link #OUTPUT_LAYER} for the fully connected layer. The input ({@link #INPUT}) is NCHW {@code [n, 3, 112,
 * 112]}, RGB, each channel {@code (v − mean) / 255} with {@link #MEAN_RGB} on 0..255 values.
 *
 * <p>Stateless; the returned configurations are new objects owned by the caller.
 */
public final class FaceApiArchitecture {

    /** Side of the square input. */
    public static final int INPUT_SIZE = 112;
    /** Name of the graph input. */
    public static final String INPUT = "input";
    /** The layer whose activations are the 256 penultimate features (global average pool). */
    public static final String FEATURE_LAYER = "pool";
    /** The fully connected output layer. */
    public static final String OUTPUT_LAYER = "fc";
    /** Number of penultimate features. */
    public static final int FEATURES = 256;
    /** Per-channel mean subtracted from 0..255 RGB values before dividing by 255. */
    static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

    private static final int[] CHANNELS = {32, 64, 128, 256};

    private FaceApiArchitecture() {
    }

    /** FaceExpressionNet: features, then 7 logits and a softmax (face-api order neutral … surprised). */
    public static ComputationGraphConfiguration expressionNet() {
        return build(new OutputLayer.Builder(LossFunction.MCXENT)
                .nOut(7).activation(Activation.SOFTMAX).build());
    }

    /**
     * FaceLandmark68Net: features, then 136 values {@code x0, y0, x1, y1, …} with no activation, each a fraction
     * of the (square, padded) input side.
     */
    public static ComputationGraphConfiguration landmark68Net() {
        return build(new OutputLayer.Builder(LossFunction.MSE)
                .nOut(136).activation(Activation.IDENTITY).build());
    }

    private static ComputationGraphConfiguration build(OutputLayer head) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .seed(0)
                .weightInit(WeightInit.XAVIER)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(INPUT_SIZE, INPUT_SIZE, 3));
        String x = INPUT;
        for (int b = 0; b < CHANNELS.length; b++) {
            x = denseBlock(g, b, x);
        }
        g.addLayer(FEATURE_LAYER, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
        g.addLayer(OUTPUT_LAYER, head, FEATURE_LAYER);
        g.setOutputs(OUTPUT_LAYER);
        return g.build();
    }

    /** Adds dense block {@code b} reading {@code input}; returns the name of its output. */
    private static String denseBlock(ComputationGraphConfiguration.GraphBuilder g, int b, String input) {
        int channels = CHANNELS[b];
        String prefix = "dense" + b + "_";
        String[] convs = new String[4];
        convs[0] = prefix + "conv0";
        if (b == 0) {
            g.addLayer(convs[0], new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(channels)
                    .activation(Activation.RELU).build(), input);
        } else {
            g.addLayer(convs[0], separable(channels, 2, Activation.RELU), input);
        }
        String in = convs[0];
        for (int k = 1; k <= 3; k++) {
            convs[k] = prefix + "conv" + k;
            g.addLayer(convs[k], separable(channels, 1, Activation.IDENTITY), in);
            String[] summands = java.util.Arrays.copyOf(convs, k + 1);
            g.addVertex(prefix + "sum" + k, new ElementWiseVertex(ElementWiseVertex.Op.Add), summands);
            in = prefix + "relu" + k;
            g.addLayer(in, new ActivationLayer.Builder().activation(Activation.RELU).build(), prefix + "sum" + k);
        }
        return in;
    }

    private static SeparableConvolution2D separable(int channels, int stride, Activation activation) {
        return new SeparableConvolution2D.Builder(3, 3).stride(stride, stride).depthMultiplier(1)
                .nOut(channels).activation(activation).hasBias(true).build();
    }
}
