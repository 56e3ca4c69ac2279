package io.github.emotion4j.fusion;

import static io.github.emotion4j.core.Emotion.ANGER;
import static io.github.emotion4j.core.Emotion.DISGUST;
import static io.github.emotion4j.core.Emotion.FEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.Fusion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightSearchTest {

    private static BranchResult says(double anger, double disgust) {
        return BranchResult.of(EmotionScores.of(anger, disgust, 0, 0, 0, 0, 0));
    }

    /**
     * Two branches, step 0.25. Clip 1 (ANGER): a = [.9 AN, .1 DI], b = [1 DI]: right iff 0.8 wa > wb, i.e. wb < 0.444.
     * Clip 2 (DISGUST): a = [.6 AN, .4 DI], b = [1 DI]: right iff wb > 0.2 wa, i.e. wb > 0.167. Only (0.75, 0.25)
     * gets both right.
     */
    @Test
    void findsTheOnlyWeightsThatGetEveryClipRight() {
        PredictionTable table = new PredictionTable(List.of("a", "b"), List.of(Path.of("1"), Path.of("2")),
                List.of(ANGER, DISGUST),
                List.of(List.of(says(0.9, 0.1), says(0.6, 0.4)), List.of(says(0, 1), says(0, 1))));

        SearchResult result = WeightSearch.withStep(0.25).search(table);

        assertEquals(Map.of("a", 0.75, "b", 0.25), result.fusion().weights());
        assertEquals(1.0, result.evaluation().accuracy());
        assertEquals(5, result.gridPoints());
    }

    @Test
    void tiesGoToHigherRecallThenToEvenerWeights() {
        // every weighting gets the single clip right: the evenest (0.5, 0.5) must win
        PredictionTable table = new PredictionTable(List.of("a", "b"), List.of(Path.of("1")), List.of(ANGER),
                List.of(List.of(says(1, 0)), List.of(says(1, 0))));
        assertEquals(Map.of("a", 0.5, "b", 0.5), WeightSearch.withStep(0.1).search(table).fusion().weights());

        // equal accuracy (2 of 3) for "a only" and "b only"; b's errors are spread so its UAR is higher
        PredictionTable recall = new PredictionTable(List.of("a", "b"),
                List.of(Path.of("1"), Path.of("2"), Path.of("3")), List.of(ANGER, ANGER, DISGUST),
                List.of(List.of(says(1, 0), says(1, 0), says(1, 0)), List.of(says(1, 0), says(0, 1), says(0, 1))));
        SearchResult best = WeightSearch.withStep(0.5).search(recall);
        assertEquals(2 / 3.0, best.evaluation().accuracy(), 1e-12);
        assertEquals(0.75, best.evaluation().unweightedAverageRecall(), 1e-12);
        assertEquals(1.0, best.fusion().weights().get("b"));
    }

    @Test
    void abstentionsDropOutAndClipsWithoutAnyPredictionCountAsWrong() {
        PredictionTable table = new PredictionTable(List.of("face", "voice"), List.of(Path.of("1"), Path.of("2")),
                List.of(FEAR, ANGER),
                List.of(List.of(BranchResult.abstain("no face"), BranchResult.abstain("no face")),
                        List.of(BranchResult.of(EmotionScores.certain(FEAR)), BranchResult.abstain("no audio"))));

        FusionEvaluation evaluation = new WeightedFusion(Map.of("face", 0.5, "voice", 0.5)).evaluate(table);

        assertEquals(1, evaluation.noPrediction());
        assertEquals(0.5, evaluation.accuracy(), 1e-12);
        assertEquals(0.5, evaluation.unweightedAverageRecall(), 1e-12);
    }

    @Test
    void searchScoresEachGridPointExactlyAsWeightedFusionDoes() {
        Random random = new Random(7);
        int clips = 60;
        List<List<BranchResult>> results = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            List<BranchResult> branch = new ArrayList<>();
            for (int c = 0; c < clips; c++) {
                double[] p = new double[7];
                for (int e = 0; e < 7; e++) {
                    p[e] = random.nextDouble();
                }
                branch.add(random.nextInt(10) == 0 ? BranchResult.abstain("x") : BranchResult.of(EmotionScores.of(p)));
            }
            results.add(branch);
        }
        List<Emotion> truth = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (int c = 0; c < clips; c++) {
            truth.add(Emotion.values()[random.nextInt(7)]);
            paths.add(Path.of("clip" + c));
        }
        PredictionTable table = new PredictionTable(List.of("a", "b", "c"), paths, truth, results);

        SearchResult result = WeightSearch.withStep(0.1).search(table);

        assertEquals(66, result.gridPoints());
        FusionEvaluation recomputed = result.fusion().evaluate(table);
        assertEquals(recomputed.accuracy(), result.evaluation().accuracy());
        // no other grid point beats the chosen one
        for (int i = 0; i <= 10; i++) {
            for (int j = 0; i + j <= 10; j++) {
                Map<String, Double> w = Map.of("a", i / 10.0, "b", j / 10.0, "c", (10 - i - j) / 10.0);
                if (w.values().stream().allMatch(v -> v == 0)) {
                    continue;
                }
                assertTrue(new WeightedFusion(w).evaluate(table).accuracy() <= result.evaluation().accuracy() + 1e-12);
            }
        }
        // and fusing one clip with the chosen weights is the recognizer's rule
        List<Double> weights = List.of(result.fusion().weights().get("a"), result.fusion().weights().get("b"),
                result.fusion().weights().get("c"));
        assertEquals(Fusion.weightedMean(table.clipResults(0), weights),
                result.fusion().fuse(Map.of("a", table.result(0, 0), "b", table.result(1, 0), "c", table.result(2, 0))));
    }

    @Test
    void refusesStepsThatDoNotDivideOne() {
        assertThrows(IllegalArgumentException.class, () -> WeightSearch.withStep(0.3));
        assertThrows(IllegalArgumentException.class, () -> WeightSearch.withStep(0));
        assertEquals(21, WeightSearch.withStep(0.05).gridSize(2));
        assertEquals(10626, WeightSearch.withStep(0.05).gridSize(5));
    }
}
