package io.github.emotion4j.vision.vgg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

class Vgg16Test {

    private static BaseLayer layer(ComputationGraphConfiguration conf, String name) {
        return (BaseLayer) ((LayerVertex) conf.getVertices().get(name)).getLayerConf().getLayer();
    }

    private static double rate(IUpdater updater) {
        return updater.getLearningRate(0, 0);
    }

    @Test
    void paperNetworkHasVgg16sParameterCountWithSevenOutputs() {
        // VGG-16 with 1000 ImageNet classes has 138,357,544 parameters; fc8 with 1000 outputs holds
        // 4096 * 1000 + 1000 of them and with 7 outputs 4096 * 7 + 7.
        long expected = 138_357_544L - (4096L * 1000 + 1000) + (4096L * 7 + 7);
        assertEquals(134_289_223L, expected);
        ComputationGraphConfiguration conf = Vgg16.configuration(Vgg16Spec.PAPER, SolverSettings.defaults());
        assertEquals(expected, Vgg16.parameterCount(conf));
    }

    @Test
    void paperNetworkHasThirteenConvolutionsAndThreeFullyConnectedLayers() {
        ComputationGraphConfiguration conf = Vgg16.configuration(Vgg16Spec.PAPER, SolverSettings.defaults());
        long convolutions = conf.getVertices().values().stream()
                .filter(v -> v instanceof LayerVertex l && l.getLayerConf().getLayer() instanceof ConvolutionLayer).count();
        assertEquals(13, convolutions);
        assertEquals(25088, ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer(conf, "fc6")).getNIn(), "7x7x512 into fc6");
        assertEquals(4096, ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer(conf, "fc7")).getNIn());
        assertEquals(7, ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer(conf, "fc8")).getNOut());
    }

    @Test
    void lastLayerStartsFromNormalWithVarianceOneInTenThousandAndZeroBias() {
        ComputationGraphConfiguration conf = Vgg16.configuration(Vgg16Spec.PAPER, SolverSettings.defaults());
        BaseLayer fc8 = layer(conf, "fc8");
        assertEquals(new WeightInitDistribution(new NormalDistribution(0, 0.01)), fc8.getWeightInitFn());
        assertEquals(0.0, fc8.getBiasInit());
    }

    @Test
    void lastLayerLearnsTenTimesFasterOnWeightsAndBias() {
        SolverSettings solver = SolverSettings.defaults().withLearningRate(0.002);
        ComputationGraphConfiguration conf = Vgg16.configuration(Vgg16Spec.PAPER, solver);
        BaseLayer fc8 = layer(conf, "fc8");
        for (String other : new String[] {"conv1_1", "conv3_2", "conv5_3", "fc6", "fc7"}) {
            assertEquals(0.002, rate(layer(conf, other).getIUpdater()), 1e-12, other);
        }
        assertEquals(0.02, rate(fc8.getIUpdater()), 1e-12);
        assertEquals(0.02, rate(fc8.getBiasUpdater()), 1e-12);
    }

    @Test
    void sampledLastLayerWeightsHaveStandardDeviationOneHundredth() {
        Vgg16Spec spec = new Vgg16Spec(32, 3, 1.0 / 16, 32, 512, 7, false);
        ComputationGraph network = Vgg16.create(spec, SolverSettings.defaults());
        try {
            INDArray w = network.getLayer("fc8").getParam("W");
            assertEquals(512 * 7, w.length());
            assertEquals(0.0, w.meanNumber().doubleValue(), 0.0015);
            assertEquals(0.01, w.stdNumber().doubleValue(), 0.001);
            assertEquals(0.0, network.getLayer("fc8").getParam("b").amaxNumber().doubleValue());
        } finally {
            network.close();
        }
    }

    @Test
    void smallNetworkHasTheCountedParametersAndClassifiesABatch() {
        Vgg16Spec spec = new Vgg16Spec(40, 1, 0.125, 24, 16, 7, true);
        ComputationGraphConfiguration conf = Vgg16.configuration(spec, SolverSettings.defaults());
        ComputationGraph network = Vgg16.create(spec, SolverSettings.defaults());
        try {
            assertEquals(Vgg16.parameterCount(conf), network.numParams());
            INDArray out = network.outputSingle(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 1, 40, 40));
            assertEquals(2, out.size(0));
            assertEquals(7, out.size(1));
            assertEquals(2.0, out.sumNumber().doubleValue(), 1e-4);
        } finally {
            network.close();
        }
        assertEquals(8, spec.blockChannels(0));
        assertEquals(64, spec.blockChannels(4));
        assertEquals(1, spec.finalFeatureSize());
    }

    @Test
    void refusesImpossibleSizes() {
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> Vgg16Spec.PAPER.withInputSize(16));
        assertTrue(small.getMessage().contains("16"));
        assertThrows(IllegalArgumentException.class, () -> Vgg16Spec.PAPER.withChannels(2));
        assertThrows(IllegalArgumentException.class, () -> Vgg16Spec.PAPER.withWidthMultiplier(0));
        assertThrows(IllegalArgumentException.class, () -> SolverSettings.defaults().withLearningRate(-1));
    }
}
