package io.github.emotion4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.audio.features.Is10Extractor;
import io.github.emotion4j.core.testing.TestMedia;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Emotion4jCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void is10WritesOneRowPerInputNamedAfterTheFile() throws Exception {
        Path a = TestMedia.writeTone(dir.resolve("first.wav"), 44_100, 2, 1.0, 220);
        Path b = TestMedia.writeVideo(dir.resolve("second.mp4"), TestMedia.Container.MP4_H264_AAC, 64, 48, 25, 25, 330, 1);
        Path out = dir.resolve("is10.csv");

        String[] r = run("features", "--set", "is10", "--out", out.toString(), a.toString(), b.toString());

        assertEquals("0", r[0], r[2]);
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        assertEquals("name," + String.join(",", Is10Extractor.featureNames()), lines.get(0));
        assertTrue(lines.get(1).startsWith("first,"));
        assertTrue(lines.get(2).startsWith("second,"));
        assertEquals(1583, lines.get(1).split(",").length);
    }

    @Test
    void pyaaWritesOneRowPerFrameWithDeltas() throws Exception {
        Path a = TestMedia.writeTone(dir.resolve("tone.wav"), 16_000, 1, 1.0, 440);

        String[] r = run("features", "--set", "pyaa", "--deltas", a.toString());

        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].strip().split("\n");
        assertTrue(lines[0].startsWith("frame_start_s,zcr,energy,"), lines[0]);
        assertEquals(1 + 68, lines[0].split(",").length);
        assertEquals(1 + 19, lines.length, "floor((16000 - 1600) / 800) + 1 frames");
    }

    @Test
    void pyaaWithSeveralInputsNeedsAnOutputFolderAndWritesArff() throws Exception {
        Path a = TestMedia.writeTone(dir.resolve("a.wav"), 16_000, 1, 0.5, 440);
        Path b = TestMedia.writeTone(dir.resolve("b.wav"), 16_000, 1, 0.5, 880);

        assertEquals("2", run("features", "--set", "pyaa", a.toString(), b.toString())[0]);
        String[] r = run("features", "--set", "pyaa", "--format", "arff", "--out-dir", dir.resolve("out").toString(), a.toString(), b.toString());

        assertEquals("0", r[0], r[2]);
        String arff = Files.readString(dir.resolve("out/a.pyaa.arff"));
        assertTrue(arff.startsWith("@relation"));
        assertTrue(arff.contains("@attribute 'zcr' numeric"));
        assertTrue(Files.exists(dir.resolve("out/b.pyaa.arff")));
    }

    @Test
    void tooShortAndBrokenInputsFailWithTheirNamesAndTheOthersAreStillWritten() throws Exception {
        Path good = TestMedia.writeTone(dir.resolve("good.wav"), 16_000, 1, 1.0, 440);
        Path tiny = TestMedia.writeWav(dir.resolve("tiny.wav"), 16_000, new float[500]);
        Path broken = Files.write(dir.resolve("broken.wav"), new byte[] {1, 2, 3});

        String[] r = run("features", "--set", "is10", good.toString(), tiny.toString(), broken.toString());

        assertEquals("1", r[0]);
        assertTrue(r[1].contains("\ngood,"), "the good file is still written");
        assertTrue(r[2].contains("tiny.wav") && r[2].contains("1120"), r[2]);
        assertTrue(r[2].contains("broken.wav"), r[2]);
    }

    @Test
    void neverOverwrites() throws Exception {
        Path a = TestMedia.writeTone(dir.resolve("a.wav"), 16_000, 1, 0.5, 440);
        Path existing = Files.writeString(dir.resolve("existing.csv"), "keep me");

        String[] r = run("features", "--set", "is10", "--out", existing.toString(), a.toString());

        assertEquals("1", r[0]);
        assertEquals("keep me", Files.readString(existing));
        assertEquals("emotion4j features: " + existing + ": refusing to overwrite", r[2].strip(), "one line, no stack trace");

        Path folder = Files.createDirectories(dir.resolve("frames"));
        Path taken = Files.writeString(folder.resolve("a.pyaa.csv"), "mine");
        String[] pyaa = run("features", "--set", "pyaa", "--out-dir", folder.toString(), a.toString());

        assertEquals("1", pyaa[0]);
        assertEquals("mine", Files.readString(taken));
        assertTrue(pyaa[2].contains(taken + ": refusing to overwrite") && !pyaa[2].contains("\tat "), pyaa[2]);
    }
}
