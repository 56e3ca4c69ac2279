package io.github.emotion4j.core.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.core.ModelFormatException;
import io.github.emotion4j.core.Recognition;
import io.github.emotion4j.core.testing.FixedBranch;
import io.github.emotion4j.core.testing.TestMedia;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

    private static final EmotionScores HAPPY = EmotionScores.of(0, 0, 0, 0.8, 0.2, 0, 0);
    private static final EmotionScores SAD = EmotionScores.of(0, 0, 0.1, 0, 0.2, 0.7, 0);

    @TempDir
    Path dir;

    private EmotionRecognizer twoBranches() {
        return EmotionRecognizer.builder()
                .addBranch(FixedBranch.scoring("happy", HAPPY), 0.25)
                .addBranch(FixedBranch.scoring("sad", SAD), 0.75)
                .build();
    }

    @Test
    void directoryAndZipBundlesRoundTripWithWeightsAndPredictions() throws Exception {
        Path clip = TestMedia.writeTone(dir.resolve("tone.wav"), 16_000, 1, 0.5, 440);
        for (String name : List.of("model", "model.zip")) {
            Recognition before;
            try (EmotionRecognizer original = twoBranches()) {
                before = original.classify(clip);
                original.save(dir.resolve(name), Map.of("data", "unit test"));
            }
            try (EmotionRecognizer loaded = EmotionRecognizer.load(dir.resolve(name))) {
                assertEquals(Map.of("happy", 0.25, "sad", 0.75), loaded.weights());
                assertEquals(List.of("happy", "sad"), loaded.branchNames());
                assertTrue(before.scores().approximatelyEquals(loaded.classify(clip).scores(), 1e-12));
            }
        }
    }

    @Test
    void manifestRecordsFormatClassesChecksumsAndProvenance() throws Exception {
        try (EmotionRecognizer recognizer = twoBranches()) {
            recognizer.save(dir.resolve("b"), Map.of("data", "unit test"));
        }
        var manifest = Json.MAPPER.readTree(dir.resolve("b/manifest.json").toFile());

        assertEquals("emotion4j-bundle", manifest.get("format").asText());
        assertEquals(1, manifest.get("formatVersion").asInt());
        assertEquals("ANGER", manifest.get("classes").get(0).asText());
        assertEquals("fixed", manifest.get("branches").get(0).get("type").asText());
        String sha = manifest.get("branches").get(0).get("files").get("scores.txt").asText();
        assertEquals(Sha256.of(dir.resolve("b/branches/happy/scores.txt")), sha);
        assertEquals("unit test", manifest.get("provenance").get("data").asText());
        assertTrue(manifest.get("provenance").has("java"));
        assertTrue(manifest.get("provenance").has("created"));
    }

    @Test
    void refusesToOverwriteAnything() throws Exception {
        Path existing = Files.writeString(dir.resolve("precious.zip"), "user data");
        try (EmotionRecognizer recognizer = twoBranches()) {
            assertThrows(FileAlreadyExistsException.class, () -> recognizer.save(existing, Map.of()));
        }
        assertEquals("user data", Files.readString(existing));
    }

    @Test
    void tamperedFileIsRefused() throws Exception {
        Path bundle = saved("tampered");
        Files.writeString(bundle.resolve("branches/sad/scores.txt"), "[1, 0, 0, 0, 0, 0, 0]");

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> EmotionRecognizer.load(bundle));
        assertTrue(e.getMessage().contains("branches/sad/scores.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void missingFileIsRefused() throws Exception {
        Path bundle = saved("missing");
        Files.delete(bundle.resolve("branches/happy/scores.txt"));

        assertRefused(bundle, "missing");
    }

    @Test
    void futureFormatVersionIsRefusedWithAnUpgradeHint() throws Exception {
        Path bundle = saved("future");
        rewriteManifest(bundle, "\"formatVersion\" : 1", "\"formatVersion\" : 7");

        assertRefused(bundle, "upgrade");
    }

    @Test
    void foreignClassOrderIsRefused() throws Exception {
        Path bundle = saved("order");
        rewriteManifest(bundle, "\"ANGER\", \"DISGUST\"", "\"DISGUST\", \"ANGER\"");

        assertRefused(bundle, "class order");
    }

    @Test
    void unknownBranchTypeNamesTheTypeAndWhatToAdd() throws Exception {
        Path bundle = saved("unknown");
        rewriteManifest(bundle, "\"type\" : \"fixed\"", "\"type\" : \"audio-svm\"");

        ModelFormatException e = assertRefused(bundle, "audio-svm");
        assertTrue(e.getMessage().contains("emotion-audio"), e.getMessage());
    }

    @Test
    void malformedManifestIsRefused() throws Exception {
        Path bundle = saved("malformed");
        Files.writeString(bundle.resolve("manifest.json"), "{ not json");

        assertRefused(bundle, "not valid JSON");
    }

    @Test
    void notABundle() throws Exception {
        assertRefused(dir.resolve("nothing-here"), "no such model bundle");
        assertRefused(Files.createDirectory(dir.resolve("empty-dir")), "no manifest.json");
        assertRefused(Files.writeString(dir.resolve("text.zip"), "hello"), "");
    }

    @Test
    void truncatedZipIsRefused() throws Exception {
        try (EmotionRecognizer recognizer = twoBranches()) {
            recognizer.save(dir.resolve("whole.zip"), Map.of());
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("whole.zip"));
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));

        assertRefused(cut, "");
    }

    @Test
    void zipEntriesCannotEscapeTheBundle() throws Exception {
        Path evil = dir.resolve("evil.zip");
        try (OutputStream out = Files.newOutputStream(evil); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("../escaped.txt"));
            zip.write("gotcha".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertRefused(evil, "outside the bundle");
        assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir")).resolve("escaped.txt")));
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
    }

    @Test
    void aRecognizerWithAnUnsavableBranchSaysWhich() {
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder()
                .addBranch(new io.github.emotion4j.core.EmotionBranch() {
                    public String name() {
                        return "lambda";
                    }

                    public io.github.emotion4j.core.MediaRequest mediaRequest() {
                        return io.github.emotion4j.core.MediaRequest.nothing();
                    }

                    public io.github.emotion4j.core.BranchResult predict(io.github.emotion4j.core.MediaClip clip) {
                        return io.github.emotion4j.core.BranchResult.of(HAPPY);
                    }
                }, 1).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> recognizer.save(dir.resolve("x"), Map.of()));
            assertTrue(e.getMessage().contains("lambda"));
        }
        assertFalse(Files.exists(dir.resolve("x")));
    }

    private Path saved(String name) throws IOException {
        try (EmotionRecognizer recognizer = twoBranches()) {
            return recognizer.save(dir.resolve(name), Map.of());
        }
    }

    private static void rewriteManifest(Path bundle, String from, String to) throws IOException {
        Path manifest = bundle.resolve("manifest.json");
        String text = Files.readString(manifest);
        assertTrue(text.contains(from), "manifest should contain " + from + ":\n" + text);
        Files.writeString(manifest, text.replace(from, to));
    }

    private static ModelFormatException assertRefused(Path bundle, String messagePart) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> EmotionRecognizer.load(bundle));
        assertTrue(e.getMessage().startsWith(bundle.toString()), "names the bundle: " + e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), "says why (" + messagePart + "): " + e.getMessage());
        return e;
    }
}
