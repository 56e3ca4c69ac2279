package io.github.emotion4j.vision.net;

import static io.github.emotion4j.vision.net.FaceApiExpressionNetTest.assertScoresClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.vision.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniXceptionNetTest {

    private static MiniXceptionNet net;

    @BeforeAll
    static void load() {
        net = MiniXceptionNet.load();
    }

    @AfterAll
    static void close() {
        net.close();
    }

    @Test
    void matchesTheTfjsModelOnTheReferenceCropsWithin001() throws Exception {
        Map<String, Reference.Row> table = Reference.table("minixception_testdata.tsv");
        for (String crop : Reference.CROPS) {
            Reference.Row row = table.get(crop);
            EmotionScores scores = net.predict(Reference.crop(crop));
            for (int i = 0; i < 7; i++) {
                String label = row.columns().get(i);
                Emotion emotion = Emotion.parse(label).orElseThrow();
                assertEquals(Double.parseDouble(row.values()[i]), scores.probability(emotion), 0.01, crop + " " + label);
            }
        }
    }

    @Test
    void outputClassesFollowTheFer2013Order() throws Exception {
        List<String> labels = Reference.table("minixception_testdata.tsv").values().iterator().next().columns();
        List<Emotion> expected = new ArrayList<>();
        for (String label : labels) {
            expected.add(Emotion.parse(label).orElseThrow());
        }
        assertEquals(expected, net.outputClasses());
        assertEquals(List.of(Emotion.ANGER, Emotion.DISGUST, Emotion.FEAR, Emotion.HAPPINESS, Emotion.SADNESS,
                Emotion.SURPRISE, Emotion.NEUTRAL), net.outputClasses());
    }

    @Test
    void aBatchGivesWhatSinglePredictionsGive() throws Exception {
        Image grace = Reference.crop("grace112.rgb");
        Image astro = Reference.crop("astro112.rgb");
        Image gray = Resize.bicubic(grace, 48, 48).toGray();
        List<EmotionScores> batch = net.predictAll(List.of(astro, grace, gray));
        assertScoresClose(net.predict(astro), batch.get(0));
        assertScoresClose(net.predict(grace), batch.get(1));
        assertScoresClose(net.predict(gray), batch.get(2));
    }

    @Test
    void batchesLongerThanTheChunkSizeKeepTheirOrder() throws Exception {
        Image grace = Reference.crop("grace112.rgb");
        Image astro = Reference.crop("astro112.rgb");
        List<Image> faces = new ArrayList<>();
        for (int i = 0; i < GraphRunner.MAX_BATCH + 5; i++) {
            faces.add(i % 3 == 0 ? astro : grace);
        }
        List<EmotionScores> all = net.predictAll(faces);
        assertEquals(faces.size(), all.size());
        EmotionScores astroScores = net.predict(astro);
        EmotionScores graceScores = net.predict(grace);
        for (int i = 0; i < faces.size(); i++) {
            assertScoresClose(i % 3 == 0 ? astroScores : graceScores, all.get(i));
        }
    }

    @Test
    void aGrayFaceScoresAsItsRgbCopy() throws Exception {
        Image gray = Reference.crop("astro112.rgb").toGray();
        assertScoresClose(net.predict(gray.toRgb()), net.predict(gray));
    }

    @Test
    void theFeatureLayerIsTheLastResidualSum() throws Exception {
        assertEquals(64, net.inputSize());
        var input = net.toInput(List.of(Reference.crop("grace112.rgb")));
        assertEquals(1, input.size(1));
        synchronized (net) {
            var features = net.graph().feedForward(input, false).get(net.featureLayer());
            assertEquals(List.of(1L, 256L, 8L, 8L), List.of(features.shape()[0], features.shape()[1],
                    features.shape()[2], features.shape()[3]));
        }
    }
}
