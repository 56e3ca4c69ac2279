package io.github.emotion4j.core.eval;

import static io.github.emotion4j.core.Emotion.ANGER;
import static io.github.emotion4j.core.Emotion.FEAR;
import static io.github.emotion4j.core.Emotion.HAPPINESS;
import static io.github.emotion4j.core.Emotion.NEUTRAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    // 4 angry (3 right), 2 happy (1 right), 1 fear (0 right)
    private final Evaluation evaluation = Evaluation.of(
            List.of(ANGER, ANGER, ANGER, ANGER, HAPPINESS, HAPPINESS, FEAR),
            List.of(ANGER, ANGER, ANGER, NEUTRAL, HAPPINESS, ANGER, ANGER));

    @Test
    void accuracyAndUnweightedAverageRecallOverPresentClasses() {
        assertEquals(4 / 7.0, evaluation.accuracy(), 1e-12);
        assertEquals((0.75 + 0.5 + 0.0) / 3, evaluation.unweightedAverageRecall(), 1e-12);
        assertEquals(7, evaluation.total());
        assertEquals(3, evaluation.count(ANGER, ANGER));
        assertEquals(1, evaluation.count(FEAR, ANGER));
        assertTrue(Double.isNaN(evaluation.recall(Emotion.SURPRISE)));
    }

    @Test
    void rowsAreNormalisedToPercentages() {
        double[][] p = evaluation.rowPercentages();
        assertEquals(75.0, p[ANGER.ordinal()][ANGER.ordinal()], 1e-12);
        assertEquals(25.0, p[ANGER.ordinal()][NEUTRAL.ordinal()], 1e-12);
        assertEquals(100.0, p[FEAR.ordinal()][ANGER.ordinal()], 1e-12);
        assertEquals(0.0, p[Emotion.SADNESS.ordinal()][Emotion.SADNESS.ordinal()], 1e-12);
    }

    @Test
    void printsLikeThePapersTablesAndAsJsonAndCsv() throws Exception {
        String md = evaluation.toMarkdown();
        assertTrue(md.contains("| AN | 75.00 | 0.00 | 0.00 | 0.00 | 25.00 | 0.00 | 0.00 | 4 |"), md);
        assertTrue(md.contains("Accuracy 57.14 %"), md);

        var json = Json.MAPPER.readTree(evaluation.toJson());
        assertEquals(7, json.get("samples").asInt());
        assertEquals(3, json.get("counts").get(0).get(0).asInt());
        assertEquals(4 / 7.0, json.get("accuracy").asDouble(), 1e-12);

        assertTrue(evaluation.toCsv().startsWith("truth,ANGER,DISGUST"));
        assertTrue(evaluation.toCsv().contains("\nANGER,3,0,0,0,1,0,0\n"));
    }

    @Test
    void evaluationsAdd() {
        Evaluation doubled = evaluation.plus(evaluation);
        assertEquals(14, doubled.total());
        assertEquals(evaluation.accuracy(), doubled.accuracy(), 1e-12);
    }

    @Test
    void refusesMismatchedLengths() {
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(List.of(ANGER), List.of()));
    }

    @Test
    void drawsAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("matrix.png");
        ConfusionMatrixImage.write(evaluation, "test", png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 400 && image.getHeight() > 400);
    }
}
