package io.github.emotion4j.vision.vgg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.eval.Evaluation;
import io.github.emotion4j.core.train.TrainingListener;
import io.github.emotion4j.vision.fer.LabelledImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.junit.jupiter.api.Test;

class FaceTrainerTest {

    /** A narrow VGG-16 on 32x32 colour faces: trains in seconds on a CPU. */
    static final Vgg16Spec SMALL = new Vgg16Spec(32, 3, 1.0 / 16, 32, 32, 7, true);
    static final SolverSettings ADAM = SolverSettings.defaults().withOptimizer(SolverSettings.Optimizer.ADAM, 2e-3).withWeightDecay(0);

    @Test
    void smallVggLearnsTransformedPortraitsWellAboveChance() {
        List<LabelledImage> train = SyntheticFaces.images(16, 1);
        List<LabelledImage> test = SyntheticFaces.images(8, 2);
        ComputationGraph network = Vgg16.create(SMALL, ADAM);
        List<String> stages = new ArrayList<>();
        AtomicLong lastStep = new AtomicLong();
        AtomicInteger epochs = new AtomicInteger();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void stageStarted(String stage, long totalSteps) {
                stages.add(stage + " " + totalSteps);
            }

            @Override
            public void progress(String stage, long step, long totalSteps, double loss) {
                lastStep.set(step);
            }

            @Override
            public void epochFinished(String stage, int epoch, double trainLoss, double validationAccuracy) {
                epochs.incrementAndGet();
            }
        };
        try {
            TrainingHistory history = FaceTrainer.trainImages(network, FaceInput.centered(32, 3), train, test,
                    StageSettings.of(8, 16).withAugmentation(Augmentation.NONE), 7, "stage 1", listener);

            Evaluation evaluation = FaceTrainer.evaluateImages(network, FaceInput.centered(32, 3), test);
            assertTrue(evaluation.accuracy() > 0.6, "accuracy " + evaluation.accuracy() + " (chance 0.14)\n" + history.toMarkdown());
            assertEquals(evaluation.accuracy(), history.validation().orElseThrow().accuracy(), 1e-12);
            assertTrue(history.epochs().get(history.epochs().size() - 1).trainLoss() < history.epochs().get(0).trainLoss());
            // 112 faces in batches of 16: 7 batches per epoch
            assertEquals(List.of("stage 1 56"), stages);
            assertEquals(56, lastStep.get());
            assertEquals(8, epochs.get());
            double best = history.epochs().stream().mapToDouble(TrainingHistory.Epoch::validationAccuracy).max().orElseThrow();
            assertEquals(best, evaluation.accuracy(), 1e-12, "keeps the parameters of the best validation epoch");
        } finally {
            network.close();
        }
    }

    @Test
    void aTimeLimitStopsBetweenEpochs() {
        ComputationGraph network = Vgg16.create(SMALL, ADAM);
        try {
            TrainingHistory history = FaceTrainer.trainImages(network, FaceInput.centered(32, 3), SyntheticFaces.images(2, 3),
                    List.of(), StageSettings.of(50, 7).withTimeLimit(Duration.ofNanos(1)), 1, "limited", TrainingListener.NONE);
            assertEquals(1, history.epochs().size());
            assertTrue(history.validation().isEmpty());
        } finally {
            network.close();
        }
    }

    @Test
    void refusesAnEmptyTrainingSet() {
        ComputationGraph network = Vgg16.create(SMALL, ADAM);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaceTrainer.trainImages(network,
                    FaceInput.centered(32, 3), List.of(), List.of(), StageSettings.of(1, 4), 1, "stage 1", TrainingListener.NONE));
            assertTrue(e.getMessage().contains("stage 1"));
        } finally {
            network.close();
        }
    }

    @Test
    void balancedWeightsMakeEveryClassCountAlike() {
        int[] counts = {30, 3, 0, 60, 9, 9, 9};
        float[] weights = FaceTrainer.balancedWeights(counts);

        double weightedExamples = 0;
        for (int c = 0; c < counts.length; c++) {
            weightedExamples += weights[c] * counts[c];
            if (counts[c] > 0) {
                assertEquals(120.0 / 6, weights[c] * counts[c], 1e-4, "class " + c + " weighs as much as any other");
            }
        }
        assertEquals(0.0f, weights[2], "no examples, no weight");
        assertEquals(120.0, weightedExamples, 1e-3, "the weights average to 1 over the examples");
        assertEquals(10.0 * weights[0], weights[1], 1e-5, "a class ten times rarer weighs ten times more");
    }

    @Test
    void balancedClassesLetARareClassBeLearned() {
        // HAPPINESS and SADNESS portraits, 40 to 2: unweighted, the rare class is drowned
        List<LabelledImage> train = new ArrayList<>();
        int rare = 0;
        for (LabelledImage face : SyntheticFaces.images(40, 5)) {
            if (face.label() == Emotion.HAPPINESS || face.label() == Emotion.SADNESS && rare++ < 2) {
                train.add(face);
            }
        }
        List<LabelledImage> test = SyntheticFaces.images(10, 6).stream()
                .filter(face -> face.label() == Emotion.HAPPINESS || face.label() == Emotion.SADNESS).toList();

        double plain = rareRecall(train, test, false);
        double balanced = rareRecall(train, test, true);

        assertTrue(balanced >= 0.5 && balanced > plain, "SADNESS recall: balanced " + balanced + ", plain " + plain);
    }

    private static double rareRecall(List<LabelledImage> train, List<LabelledImage> test, boolean balanced) {
        ComputationGraph network = Vgg16.create(SMALL, ADAM);
        try {
            ILossFunction before = FaceTrainer.outputLoss(network);
            FaceTrainer.trainImages(network, FaceInput.centered(32, 3), train, List.of(),
                    StageSettings.of(10, 14).withAugmentation(Augmentation.NONE).withBalancedClasses(balanced), 3, "stage 1",
                    TrainingListener.NONE);
            assertSame(before, FaceTrainer.outputLoss(network), "the weights are for training only: the model keeps its loss");
            return FaceTrainer.evaluateImages(network, FaceInput.centered(32, 3), test).recall(Emotion.SADNESS);
        } finally {
            network.close();
        }
    }
}
