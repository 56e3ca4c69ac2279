package io.github.emotion4j.vision.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

class WeightFileTest {

    private static final List<String> EMBEDDED = List.of(FaceApiExpressionNet.WEIGHTS, FaceLandmarkNet.WEIGHTS,
            MiniXceptionNet.WEIGHTS);

    private static WeightFile small() {
        Map<String, WeightFile.Tensor> tensors = new LinkedHashMap<>();
        tensors.put("a/W", new WeightFile.Tensor(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f}));
        tensors.put("a/b", new WeightFile.Tensor(new int[] {1}, new float[] {Float.MIN_VALUE}));
        return new WeightFile("test file, ünïcode", tensors);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WeightFile.class.getResourceAsStream(WeightFile.RESOURCE_DIR + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void writesAndReadsBackTheSameTensors() {
        WeightFile original = small();
        byte[] bytes = original.toBytes();
        assertEquals("E4JW", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1));
        WeightFile back = WeightFile.read(bytes, "memory");
        assertEquals(original.description(), back.description());
        assertEquals(List.of("a/W", "a/b"), List.copyOf(back.names()));
        assertArrayEquals(new int[] {2, 3}, back.tensor("a/W").shape());
        assertArrayEquals(original.tensor("a/W").values(), back.tensor("a/W").values());
        assertArrayEquals(original.tensor("a/b").values(), back.tensor("a/b").values());
        assertEquals(7, back.parameterCount());
    }

    @Test
    void everyEmbeddedFileMatchesItsLineInSha256Sums() throws IOException {
        String sums = new String(resource(WeightFile.CHECKSUM_FILE), StandardCharsets.US_ASCII);
        for (String name : EMBEDDED) {
            assertEquals(WeightFile.sha256(resource(name)), WeightFile.checksumFor(sums, name, "SHA256SUMS"), name);
            WeightFile file = WeightFile.fromClasspath(name);
            assertTrue(file.parameterCount() > 200_000, name);
        }
    }

    @Test
    void aTamperedFileIsRefusedNamingTheDigests() throws IOException {
        byte[] data = resource(MiniXceptionNet.WEIGHTS);
        String sums = new String(resource(WeightFile.CHECKSUM_FILE), StandardCharsets.US_ASCII);
        String expected = WeightFile.checksumFor(sums, MiniXceptionNet.WEIGHTS, "SHA256SUMS");
        byte[] tampered = data.clone();
        tampered[tampered.length / 2] ^= 0x01;
        WeightFileException e = assertThrows(WeightFileException.class,
                () -> WeightFile.readVerified(tampered, "minixception-fer2013.e4jw", expected));
        assertTrue(e.getMessage().contains("minixception-fer2013.e4jw"), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256 mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(WeightFile.sha256(tampered)), e.getMessage());
    }

    @Test
    void malformedFilesGiveClearErrors() {
        byte[] good = small().toBytes();
        WeightFileException truncated = assertThrows(WeightFileException.class,
                () -> WeightFile.read(Arrays.copyOf(good, good.length - 3), "cut.e4jw"));
        assertTrue(truncated.getMessage().startsWith("cut.e4jw: truncated"), truncated.getMessage());

        byte[] wrongMagic = good.clone();
        wrongMagic[0] = 'X';
        assertTrue(assertThrows(WeightFileException.class, () -> WeightFile.read(wrongMagic, "x.bin"))
                .getMessage().contains("not an emotion4j weight file"));

        byte[] futureVersion = good.clone();
        futureVersion[7] = 2;
        assertTrue(assertThrows(WeightFileException.class, () -> WeightFile.read(futureVersion, "v2.e4jw"))
                .getMessage().contains("version 2 is not supported"));

        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertTrue(assertThrows(WeightFileException.class, () -> WeightFile.read(trailing, "t.e4jw"))
                .getMessage().contains("unexpected bytes"));
    }

    @Test
    void checksumListsAreParsedStrictly() {
        String hex = "ab".repeat(32);
        assertEquals(hex, WeightFile.checksumFor("# comment\n" + hex.toUpperCase() + " *f.e4jw\n", "f.e4jw", "S"));
        assertThrows(WeightFileException.class, () -> WeightFile.checksumFor(hex + "  other.e4jw\n", "f.e4jw", "S"));
        assertThrows(WeightFileException.class, () -> WeightFile.checksumFor("abc  f.e4jw\n", "f.e4jw", "S"));
    }

    @Test
    void applyingToAGraphChecksNamesAndShapes() {
        ComputationGraph graph = new ComputationGraph(MiniXceptionArchitecture.configuration());
        graph.init();
        try {
            WeightFile weights = WeightFile.fromClasspath(MiniXceptionNet.WEIGHTS);
            Map<String, WeightFile.Tensor> tensors = new LinkedHashMap<>();
            weights.names().forEach(n -> tensors.put(n, weights.tensor(n)));

            Map<String, WeightFile.Tensor> missing = new LinkedHashMap<>(tensors);
            missing.remove("conv5/b");
            WeightFileException e1 = assertThrows(WeightFileException.class,
                    () -> new WeightFile("x", missing).applyTo(graph));
            assertTrue(e1.getMessage().contains("missing [conv5/b]"), e1.getMessage());

            Map<String, WeightFile.Tensor> reshaped = new LinkedHashMap<>(tensors);
            reshaped.put("conv5/b", new WeightFile.Tensor(new int[] {1, 7}, new float[7]));
            WeightFileException e2 = assertThrows(WeightFileException.class,
                    () -> new WeightFile("x", reshaped).applyTo(graph));
            assertTrue(e2.getMessage().contains("'conv5/b' has shape [1, 7], the network expects [7]"), e2.getMessage());

            weights.applyTo(graph);
            WeightFile extracted = WeightFile.fromGraph(graph, "round trip");
            for (String name : weights.names()) {
                assertArrayEquals(weights.tensor(name).values(), extracted.tensor(name).values(), name);
            }
        } finally {
            graph.close();
        }
    }
}
