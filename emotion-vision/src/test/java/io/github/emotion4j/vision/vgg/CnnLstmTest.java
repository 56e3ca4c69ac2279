package io.github.emotion4j.vision.vgg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.eval.Evaluation;
import io.github.emotion4j.core.train.TrainingListener;
import io.github.emotion4j.vision.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class CnnLstmTest {

    private static final FaceInput INPUT = FaceInput.centered(32, 3);

    @Test
    void lstmStartsFromUniformHundredthsWithZeroBiasesAndSevenOutputs() {
        ComputationGraph vgg = Vgg16.create(FaceTrainerTest.SMALL, SolverSettings.defaults());
        ComputationGraph network = CnnLstm.create(vgg, Vgg16.FC6, INPUT, 128, 7, SolverSettings.defaults());
        try {
            ComputationGraphConfiguration conf = network.getConfiguration();
            LSTM lstm = (LSTM) ((LayerVertex) conf.getVertices().get(CnnLstm.LSTM_LAYER)).getLayerConf().getLayer();
            WeightInitDistribution uniform = new WeightInitDistribution(new UniformDistribution(-0.01, 0.01));
            assertEquals(uniform, lstm.getWeightInitFn());
            assertEquals(uniform, lstm.getWeightInitFnRecurrent());
            assertEquals(0.0, lstm.getBiasInit());
            assertEquals(0.0, lstm.getForgetGateBiasInit(), "DL4J's default forget-gate bias of 1 is overridden");
            assertEquals(128, lstm.getNOut());
            assertEquals(32, lstm.getNIn(), "fed by fc6");

            for (String param : new String[] {"W", "RW"}) {
                INDArray w = network.getLayer(CnnLstm.LSTM_LAYER).getParam(param);
                double max = w.amaxNumber().doubleValue();
                assertTrue(max <= 0.01 && max > 0.0099, param + " max |w| " + max);
                assertEquals(0.0, w.meanNumber().doubleValue(), 0.001);
            }
            assertEquals(0.0, network.getLayer(CnnLstm.LSTM_LAYER).getParam("b").amaxNumber().doubleValue());
            assertEquals(7, network.getLayer(CnnLstm.OUTPUT).getParam("b").length());
        } finally {
            network.close();
            vgg.close();
        }
    }

    @Test
    void keepsTheBackboneUpToFc6WithItsParameters() {
        ComputationGraph vgg = Vgg16.create(FaceTrainerTest.SMALL, SolverSettings.defaults());
        ComputationGraph network = CnnLstm.create(vgg, Vgg16.FC6, INPUT, 16, 7, SolverSettings.defaults());
        try {
            for (String layer : new String[] {"conv1_1", "conv1_1_bn", "conv3_3", "conv5_3", "fc6"}) {
                assertEquals(vgg.getLayer(layer).params(), network.getLayer(layer).params(), layer);
            }
            assertNull(network.getConfiguration().getVertices().get("fc7"), "the layers after fc6 are replaced");
            assertNull(network.getConfiguration().getVertices().get("fc8"));
            // the copy is independent of the backbone
            network.getLayer("fc6").params().addi(1);
            assertFalse(vgg.getLayer("fc6").params().equals(network.getLayer("fc6").params()));
        } finally {
            network.close();
            vgg.close();
        }
    }

    @Test
    void aClipIsTheMeanOfItsWindowsWithTheLastFaceRepeated() {
        ComputationGraph vgg = Vgg16.create(FaceTrainerTest.SMALL, SolverSettings.defaults());
        ComputationGraph network = CnnLstm.create(vgg, Vgg16.FC6, INPUT, 8, 7, SolverSettings.defaults().withSeed(5));
        try {
            Random random = new Random(3);
            List<Image> faces = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                faces.add(SyntheticFaces.sample(i % 7, random, 0));
            }
            double[] clip = CnnLstm.predict(network, INPUT, faces, 16);

            List<Image> second = new ArrayList<>(faces.subList(16, 20));
            while (second.size() < 16) {
                second.add(faces.get(19));
            }
            INDArray first = network.outputSingle(false, INPUT.sequences(List.of(faces.subList(0, 16))));
            INDArray last = network.outputSingle(false, INPUT.sequences(List.of(second)));
            for (int k = 0; k < 7; k++) {
                assertEquals((first.getDouble(0, k) + last.getDouble(0, k)) / 2, clip[k], 1e-6);
            }
            assertEquals(1.0, java.util.Arrays.stream(clip).sum(), 1e-5);
        } finally {
            network.close();
            vgg.close();
        }
    }

    @Test
    void endToEndTrainingLearnsTheOrderOfFramesNotJustTheirContent() throws Exception {
        Random random = new Random(11);
        List<FaceClip> train = new ArrayList<>();
        List<FaceClip> test = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            train.add(SyntheticFaces.brighteningOrDarkening(i % 2 == 0, 8, random));
        }
        for (int i = 0; i < 12; i++) {
            test.add(SyntheticFaces.brighteningOrDarkening(i % 2 == 0, 8, random));
        }
        SolverSettings solver = FaceTrainerTest.ADAM.withSeed(3);
        ComputationGraph vgg = Vgg16.create(FaceTrainerTest.SMALL, solver);
        ComputationGraph network = CnnLstm.create(vgg, Vgg16.FC6, INPUT, 16, 7, solver);
        List<String> notes = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void note(String stage, String message) {
                notes.add(message);
            }
        };
        try {
            // the classes are balanced already: class weighting leaves every window at weight 1 and must not get in the way
            TrainingHistory history = FaceTrainer.trainSequences(network, INPUT, train, test, 8,
                    StageSettings.of(6, 4).withAugmentation(Augmentation.NONE).withBalancedClasses(true), 5, "stage 3", listener);
            Evaluation evaluation = FaceTrainer.evaluateClips(network, INPUT, test, 8);
            assertTrue(evaluation.accuracy() >= 0.8, "accuracy " + evaluation.accuracy() + " (order-blind models: 0.5)\n"
                    + history.toMarkdown());
            assertTrue(notes.stream().anyMatch(n -> n.contains("HAPPINESS 1.00") && n.contains("SADNESS 1.00")), notes.toString());
        } finally {
            network.close();
            vgg.close();
        }
    }

    @Test
    void sequencesAreLaidOutAsDl4jRecurrentInput() {
        Random random = new Random(1);
        Image a = SyntheticFaces.sample(0, random, 0);
        Image b = SyntheticFaces.sample(4, random, 0);
        INDArray sequences = INPUT.sequences(List.of(List.of(a, b, a)));
        assertArrayEquals(new long[] {1, 3 * 32 * 32, 3}, sequences.shape());
        INDArray batch = INPUT.batch(List.of(a, b));
        assertEquals(batch.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1)).dup().reshape(3 * 32 * 32), sequences.get(
                org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(1)).reshape(3 * 32 * 32));
    }
}
