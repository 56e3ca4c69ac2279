package io.github.emotion4j.vision.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.vision.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaceApiExpressionNetTest {

    private static FaceApiExpressionNet net;

    @BeforeAll
    static void load() {
        net = FaceApiExpressionNet.load();
    }

    @AfterAll
    static void close() {
        net.close();
    }

    @Test
    void matchesFaceApiOnTheReferenceCropsWithin001() throws Exception {
        Map<String, Reference.Row> table = Reference.table("faceapi_testdata.tsv");
        for (String crop : Reference.CROPS) {
            Reference.Row row = table.get(crop);
            EmotionScores scores = net.predict(Reference.crop(crop));
            for (int i = 0; i < 7; i++) {
                String label = row.columns().get(i);
                Emotion emotion = Emotion.parse(label).orElseThrow();
                double expected = Double.parseDouble(row.values()[i]);
                assertEquals(expected, scores.probability(emotion), 0.01, crop + " " + label);
            }
        }
    }

    @Test
    void outputClassesFollowFaceApiOrder() throws Exception {
        List<String> labels = Reference.table("faceapi_testdata.tsv").values().iterator().next().columns().subList(0, 7);
        List<Emotion> expected = new ArrayList<>();
        for (String label : labels) {
            expected.add(Emotion.parse(label).orElseThrow());
        }
        assertEquals(expected, net.outputClasses());
        assertEquals(List.of(Emotion.NEUTRAL, Emotion.HAPPINESS, Emotion.SADNESS, Emotion.ANGER, Emotion.FEAR,
                Emotion.DISGUST, Emotion.SURPRISE), net.outputClasses());
    }

    @Test
    void aBatchGivesWhatSinglePredictionsGive() throws Exception {
        Image grace = Reference.crop("grace112.rgb");
        Image astro = Reference.crop("astro112.rgb");
        Image small = Resize.bicubic(astro, 48, 48).toGray();
        List<EmotionScores> batch = net.predictAll(List.of(grace, astro, small, grace));
        assertEquals(4, batch.size());
        assertScoresClose(net.predict(grace), batch.get(0));
        assertScoresClose(net.predict(astro), batch.get(1));
        assertScoresClose(net.predict(small), batch.get(2));
        assertScoresClose(batch.get(0), batch.get(3));
    }

    @Test
    void aNonSquareFaceIsPaddedWithBlackToACentredSquare() throws Exception {
        Image grace = Reference.crop("grace112.rgb");
        // 112 wide, 101 high: 11 rows missing, round(5.5) = 6 go below and 5 above
        byte[] rgb = grace.copyPixels();
        byte[] cut = new byte[112 * 101 * 3];
        System.arraycopy(rgb, 5 * 112 * 3, cut, 0, cut.length);
        Image wide = Image.rgb(112, 101, cut);
        byte[] padded = new byte[112 * 112 * 3];
        System.arraycopy(cut, 0, padded, 5 * 112 * 3, cut.length);
        assertScoresClose(net.predict(Image.rgb(112, 112, padded)), net.predict(wide));
    }

    @Test
    void exposesTheGraphAndTheFeatureLayer() throws Exception {
        assertEquals(112, net.inputSize());
        var input = net.toInput(List.of(Reference.crop("grace112.rgb")));
        assertEquals(List.of(1L, 3L, 112L, 112L), List.of(input.shape()[0], input.shape()[1], input.shape()[2], input.shape()[3]));
        synchronized (net) {
            var features = net.graph().feedForward(input, false).get(net.featureLayer());
            assertEquals(FaceApiArchitecture.FEATURES, features.length());
        }
    }

    @Test
    void aClosedNetworkRefusesWork() throws Exception {
        FaceApiExpressionNet other = FaceApiExpressionNet.load();
        other.close();
        other.close();
        Image grace = Reference.crop("grace112.rgb");
        assertThrows(IllegalStateException.class, () -> other.predict(grace));
        assertThrows(IllegalStateException.class, other::graph);
    }

    static void assertScoresClose(EmotionScores expected, EmotionScores actual) {
        for (Emotion e : Emotion.values()) {
            assertEquals(expected.probability(e), actual.probability(e), 1e-5, e.name());
        }
    }
}
