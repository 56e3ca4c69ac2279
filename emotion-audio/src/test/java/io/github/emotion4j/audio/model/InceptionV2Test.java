package io.github.emotion4j.audio.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InceptionV2Test {

    private static final NeuralNetConfiguration.Builder BASE = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT);

    /**
     * Parameters of one conv-BN-ReLU unit: a kh x kw kernel from {@code in} to {@code out} channels without bias, and
     * batch normalisation's 4 values per channel as DL4J stores them (gamma and beta, trained; mean and variance,
     * running statistics).
     */
    private static long conv(int kh, int kw, int in, int out) {
        return (long) kh * kw * in * out + 4L * out;
    }

    /** Figure 5 module on {@code in} channels with a pool projection of {@code pp}: 64 + 64 + 96 + pp out. */
    private static long blockA(int in, int pp) {
        return conv(1, 1, in, 64)                                              // 1x1
                + conv(1, 1, in, 48) + conv(3, 3, 48, 64)                      // 1x1 → 3x3
                + conv(1, 1, in, 64) + conv(3, 3, 64, 96) + conv(3, 3, 96, 96) // 1x1 → 3x3 → 3x3
                + conv(1, 1, in, pp);                                          // avg pool → 1x1
    }

    /** Figure 6 module (n = 7) on 768 channels with c channels inside the 7x7 branches: 768 out. */
    private static long blockB(int c) {
        return conv(1, 1, 768, 192)                                                          // 1x1
                + conv(1, 1, 768, c) + conv(1, 7, c, c) + conv(7, 1, c, 192)                 // 1x1 → 1x7 → 7x1
                + conv(1, 1, 768, c) + conv(7, 1, c, c) + conv(1, 7, c, c) + conv(7, 1, c, c) + conv(1, 7, c, 192)
                + conv(1, 1, 768, 192);                                                      // avg pool → 1x1
    }

    /** Figure 7 module on {@code in} channels: 320 + 2·384 + 2·384 + 192 = 2048 out. */
    private static long blockC(int in) {
        return conv(1, 1, in, 320)                                                                  // 1x1
                + conv(1, 1, in, 384) + conv(1, 3, 384, 384) + conv(3, 1, 384, 384)                 // 1x1 → (1x3 ‖ 3x1)
                + conv(1, 1, in, 448) + conv(3, 3, 448, 384) + conv(1, 3, 384, 384) + conv(3, 1, 384, 384)
                + conv(1, 1, in, 192);                                                              // avg pool → 1x1
    }

    /** The full trunk, counted layer by layer (the numbers in comments are the products worked out by hand). */
    private static long fullTrunk() {
        long stem = conv(3, 3, 1, 32)        //     288 +   128 =     416
                + conv(3, 3, 32, 32)         //   9,216 +   128 =   9,344
                + conv(3, 3, 32, 64)         //  18,432 +   256 =  18,688
                + conv(1, 1, 64, 80)         //   5,120 +   320 =   5,440
                + conv(3, 3, 80, 192);       // 138,240 +   768 = 139,008   → stem 172,896, 192 channels
        assertEquals(172_896, stem);
        long a = blockA(192, 32)             // 207,680, 256 channels out
                + blockA(256, 64)            // 229,312, 288 channels out
                + blockA(288, 64);           // 236,992, 288 channels out
        assertEquals(207_680 + 229_312 + 236_992, a);
        long reductionA = conv(3, 3, 288, 384)                                  // 995,328 + 1,536
                + conv(1, 1, 288, 64) + conv(3, 3, 64, 96) + conv(3, 3, 96, 96); // 18,688 + 55,680 + 83,328
        assertEquals(1_154_560, reductionA);                                    // 384 + 96 + 288 = 768 channels out
        long b = blockB(128)                 // 1,300,480
                + blockB(160) + blockB(160)  // 1,694,464 each
                + blockB(192);               // 2,145,792
        assertEquals(1_300_480 + 2 * 1_694_464 + 2_145_792, b);
        long reductionB = conv(1, 1, 768, 192) + conv(3, 3, 192, 320)                             // 148,224 + 554,240
                + conv(1, 1, 768, 192) + conv(1, 7, 192, 192) + conv(7, 1, 192, 192) + conv(3, 3, 192, 192);
        assertEquals(1_700_864, reductionB);                                    // 320 + 192 + 768 = 1280 channels out
        long c = blockC(1280)                // 5,051,136
                + blockC(2048);              // 6,083,328
        assertEquals(5_051_136 + 6_083_328, c);
        return stem + a + reductionA + b + reductionB + c;                      // 21,671,968
    }

    @Test
    void fullSizeMapClassifierHasTheHandCountedParameters() {
        long trunk = fullTrunk();
        assertEquals(21_671_968, trunk);
        long softmax = 2048 * 7 + 7;                                             // 14,343
        ComputationGraph network = new ComputationGraph(InceptionV2.mapClassifier(InceptionV2.Architecture.full(), BASE));
        network.init();
        try {
            assertEquals(trunk + softmax, network.numParams());                 // 21,686,311
        } finally {
            network.close();
        }
    }

    @Test
    void fullSizeSequenceClassifierHasTheHandCountedParameters() {
        long trunk = fullTrunk();
        // LSTM(128) on 2048 inputs: 4 gates x (input weights 2048x128 + recurrent weights 128x128 + bias 128)
        long lstm = 4L * (2048 * 128 + 128 * 128 + 128);                        // 4 x 278,656 = 1,114,624
        long softmax = 128 * 7 + 7;                                              // 903
        ComputationGraph network = new ComputationGraph(InceptionV2.sequenceClassifier(InceptionV2.Architecture.full(), 128, BASE));
        network.init();
        try {
            assertEquals(trunk + lstm + softmax, network.numParams());          // 22,787,495
        } finally {
            network.close();
        }
    }

    @Test
    void a34x34MapKeepsItsResolutionThroughTheStemAndShrinksTo17And9() {
        ComputationGraphConfiguration configuration = InceptionV2.mapClassifier(InceptionV2.Architecture.full(), BASE);
        Map<String, InputType> types = configuration.getLayerActivationTypes(InputType.convolutional(34, 34, 1));
        assertEquals(InputType.convolutional(34, 34, 192), types.get("stem5_relu"));
        assertEquals(InputType.convolutional(34, 34, 256), types.get("a1"));
        assertEquals(InputType.convolutional(34, 34, 288), types.get("a3"));
        assertEquals(InputType.convolutional(17, 17, 768), types.get("reduction_a"));
        assertEquals(InputType.convolutional(17, 17, 768), types.get("b4"));
        assertEquals(InputType.convolutional(9, 9, 1280), types.get("reduction_b"));
        assertEquals(InputType.convolutional(9, 9, 2048), types.get("c2"));
        assertEquals(InputType.feedForward(2048), types.get(InceptionV2.GLOBAL_POOL));
    }

    @Test
    void smallVersionsClassifyMapsAndSequencesOfMaps() {
        InceptionV2.Architecture small = new InceptionV2.Architecture(0.0625, 1, 1, 1, 0);
        ComputationGraph maps = new ComputationGraph(InceptionV2.mapClassifier(small, BASE));
        ComputationGraph sequences = new ComputationGraph(InceptionV2.sequenceClassifier(small, 8, BASE));
        maps.init();
        sequences.init();
        try {
            INDArray mapOutput = maps.outputSingle(Nd4j.rand(DataType.FLOAT, 3, 1, 34, 34));
            assertArrayEquals(new long[] {3, 7}, mapOutput.shape());
            assertArrayEquals(new double[] {1, 1, 1}, mapOutput.sum(1).toDoubleVector(), 1e-5);
            INDArray sequenceOutput = sequences.outputSingle(Nd4j.rand(DataType.FLOAT, 2, 34 * 34, 8));
            assertArrayEquals(new long[] {2, 7}, sequenceOutput.shape());
        } finally {
            maps.close();
            sequences.close();
        }
    }

    @Test
    void widthScalesEveryConvolutionWithAtLeastOneChannel() {
        InceptionV2.Architecture quarter = InceptionV2.Architecture.full().withWidth(0.25);
        assertEquals(8, quarter.channels(32));
        assertEquals(48, quarter.channels(192));
        assertEquals(1, InceptionV2.Architecture.full().withWidth(0.01).channels(32));
        Map<String, InputType> types = InceptionV2.mapClassifier(quarter, BASE).getLayerActivationTypes(InputType.convolutional(34, 34, 1));
        assertEquals(InputType.feedForward(512), types.get(InceptionV2.GLOBAL_POOL));
    }

    @Test
    void refusesBadArchitectures() {
        assertThrows(IllegalArgumentException.class, () -> new InceptionV2.Architecture(0, 3, 4, 2, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new InceptionV2.Architecture(1, -1, 4, 2, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new InceptionV2.Architecture(1, 3, 4, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> InceptionV2.sequenceClassifier(InceptionV2.Architecture.full(), 0, BASE));
    }
}
