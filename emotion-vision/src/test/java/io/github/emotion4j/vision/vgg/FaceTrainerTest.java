package io.github.emotion4j.vision.vgg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.eval.Evaluation;
import io.github.emotion4j.core.train.TrainingListener;
import io.github.emotion4j.vision.fer.LabelledImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.deeplearning4j.nn.graph.ComputationGraph;
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
}
