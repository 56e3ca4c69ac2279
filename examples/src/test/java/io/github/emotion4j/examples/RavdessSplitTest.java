package io.github.emotion4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RavdessSplitTest {

    @TempDir
    Path dir;

    /** Empty files named as RAVDESS names them: emotions 01 (neutral), 02 (calm), 05 (angry), actors 1–4. */
    private Path fakeRavdess() throws Exception {
        Path root = dir.resolve("ravdess");
        for (int actor = 1; actor <= 4; actor++) {
            Path folder = Files.createDirectories(root.resolve(String.format("Actor_%02d", actor)));
            for (String emotion : List.of("01", "02", "05")) {
                Files.createFile(folder.resolve(String.format("03-01-%s-01-01-01-%02d.flac", emotion, actor)));
            }
        }
        return root;
    }

    private static int run(StringWriter console, String... args) {
        CommandLine command = new CommandLine(new RavdessSplit(new PrintWriter(console)));
        command.setErr(new PrintWriter(console));
        return command.execute(args);
    }

    @Test
    void laysOutSpeakerIndependentClassFoldersOfLinks() throws Exception {
        Path data = fakeRavdess();
        Path out = dir.resolve("split");
        StringWriter console = new StringWriter();
        assertEquals(0, run(console, "--data", data.toString(), "--out", out.toString(), "--train", "1-2", "--val", "3", "--test", "4"));
        Path link = out.resolve("Train/Neutral/03-01-02-01-01-01-02.flac");
        assertTrue(Files.isSymbolicLink(link), "calm counts as neutral");
        assertEquals(data.resolve("Actor_02/03-01-02-01-01-01-02.flac").toAbsolutePath(), Files.readSymbolicLink(link));
        try (Stream<Path> files = Files.walk(out.resolve("Train"))) {
            assertEquals(6, files.filter(Files::isSymbolicLink).count());
        }
        assertTrue(Files.isSymbolicLink(out.resolve("Val/Angry/03-01-05-01-01-01-03.flac")));
        assertTrue(Files.isSymbolicLink(out.resolve("Test/Angry/03-01-05-01-01-01-04.flac")));
        assertTrue(console.toString().contains("Train: actors [01, 02], 6 clips"), console.toString());
        io.github.emotion4j.core.dataset.Dataset manifest = io.github.emotion4j.core.dataset.ManifestDataset.read(out.resolve("Train.csv"));
        assertEquals(6, manifest.size());
        assertEquals(java.util.Set.of("01", "02"), manifest.speakers());
    }

    @Test
    void refusesOverlappingActorsAndAnExistingFolder() throws Exception {
        Path data = fakeRavdess();
        StringWriter overlap = new StringWriter();
        assertEquals(1, run(overlap, "--data", data.toString(), "--out", dir.resolve("a").toString(), "--train", "1-2", "--val", "2-3"));
        assertTrue(overlap.toString().contains("actor 02 is in two splits"), overlap.toString());
        assertTrue(Files.notExists(dir.resolve("a")), "nothing is written when the split is refused");
        Files.createDirectories(dir.resolve("b"));
        StringWriter existing = new StringWriter();
        assertEquals(1, run(existing, "--data", data.toString(), "--out", dir.resolve("b").toString(), "--train", "1-2"));
        assertTrue(existing.toString().contains("refusing to write into an existing folder"), existing.toString());
        assertThrows(IllegalArgumentException.class, () -> RavdessSplit.actors("8-1"));
        assertEquals(List.of("09", "10"), RavdessSplit.actors("9-10"));
    }
}
