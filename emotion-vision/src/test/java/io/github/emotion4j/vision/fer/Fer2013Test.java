package io.github.emotion4j.vision.fer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.dataset.DatasetException;
import io.github.emotion4j.vision.image.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fer2013Test {

    @TempDir
    Path dir;

    /** The gray value this test draws at (x, y) of face number {@code seed}. */
    private static int pixel(int seed, int x, int y) {
        return (seed * 37 + x * 3 + y * 5) % 256;
    }

    private static String pixels(int seed, int count) {
        StringJoiner values = new StringJoiner(" ");
        for (int i = 0; i < count; i++) {
            values.add(Integer.toString(pixel(seed, i % 48, i / 48)));
        }
        return values.toString();
    }

    private Path csv(String... lines) throws Exception {
        return Files.writeString(dir.resolve("fer2013.csv"), String.join("\n", lines) + "\n");
    }

    @Test
    void ferLabelNumbersMapToTheClassesTheirNamesSay() {
        String[] ferNames = {"angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"};
        for (int label = 0; label < 7; label++) {
            assertEquals(Emotion.parse(ferNames[label]).orElseThrow(), Fer2013.emotionOf(label));
            assertEquals(label, Fer2013.labelOf(Fer2013.emotionOf(label)));
        }
        assertThrows(IllegalArgumentException.class, () -> Fer2013.emotionOf(7));
    }

    @Test
    void readsLabelsPixelsAndSplitsFromTheCsv() throws Exception {
        Path file = csv("emotion,pixels,Usage", "0," + pixels(1, 2304) + ",Training", "4," + pixels(2, 2304) + ",PublicTest",
                "6," + pixels(3, 2304) + ",PrivateTest", "3," + pixels(4, 2304) + ",Training");

        Map<FerSplit, List<LabelledImage>> all = Fer2013Csv.readAll(file);

        List<LabelledImage> training = all.get(FerSplit.TRAINING);
        assertEquals(List.of(Emotion.ANGER, Emotion.HAPPINESS), training.stream().map(LabelledImage::label).toList());
        assertEquals(Emotion.SADNESS, all.get(FerSplit.PUBLIC_TEST).get(0).label());
        assertEquals(Emotion.NEUTRAL, all.get(FerSplit.PRIVATE_TEST).get(0).label());
        Image face = all.get(FerSplit.PUBLIC_TEST).get(0).image();
        assertEquals(48, face.width());
        assertEquals(1, face.channels());
        for (int[] xy : new int[][] {{0, 0}, {47, 0}, {5, 17}, {47, 47}}) {
            assertEquals(pixel(2, xy[0], xy[1]), face.get(xy[0], xy[1], 0));
        }
        assertEquals(2, Fer2013Csv.read(file, FerSplit.TRAINING).size());
    }

    @Test
    void acceptsColumnsInAnyOrderWithBlanksAndAFileWithoutUsage() throws Exception {
        Path icml = csv("emotion, Usage, pixels", "5, PublicTest, " + pixels(9, 2304));
        assertEquals(Emotion.SURPRISE, Fer2013Csv.read(icml, FerSplit.PUBLIC_TEST).get(0).label());
        Path kaggleTrain = csv("emotion,pixels", "1," + pixels(1, 2304));
        assertEquals(Emotion.DISGUST, Fer2013Csv.read(kaggleTrain, FerSplit.TRAINING).get(0).label());
    }

    private void assertMalformed(String expected, String... lines) throws Exception {
        Path file = csv(lines);
        DatasetException e = assertThrows(DatasetException.class, () -> Fer2013Csv.readAll(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void malformedLinesAreRefusedWithTheirLineNumber() throws Exception {
        String good = "0," + pixels(1, 2304) + ",Training";
        assertMalformed("line 3: expected 2304 pixel values (48x48), got 2303", "emotion,pixels,Usage", good, "0," + pixels(1, 2303) + ",Training");
        assertMalformed("line 2: more than 2304", "emotion,pixels,Usage", "0," + pixels(1, 2305) + ",Training");
        assertMalformed("line 2: emotion 7", "emotion,pixels,Usage", "7," + pixels(1, 2304) + ",Training");
        assertMalformed("line 2: emotion 'x'", "emotion,pixels,Usage", "x," + pixels(1, 2304) + ",Training");
        assertMalformed("exceeds 255", "emotion,pixels,Usage", "0,256 " + pixels(1, 2303) + ",Training");
        assertMalformed("unknown Usage 'Validation'", "emotion,pixels,Usage", "0," + pixels(1, 2304) + ",Validation");
        assertMalformed("expected 3 comma-separated fields", "emotion,pixels,Usage", "0," + pixels(1, 2304));
        assertMalformed("lacks the column 'emotion'", "pixels", pixels(1, 2304));
        assertMalformed("empty file");
        DatasetException missing = assertThrows(DatasetException.class, () -> Fer2013Csv.readAll(dir.resolve("absent.csv")));
        assertTrue(missing.getMessage().contains("absent.csv"));
    }

    private void writePng(Path file, int seed) throws Exception {
        Files.createDirectories(file.getParent());
        byte[] gray = new byte[48 * 48];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = (byte) pixel(seed, i % 48, i / 48);
        }
        ImageIO.write(Image.gray(48, 48, gray).toBufferedImage(), "png", file.toFile());
    }

    @Test
    void readsImageFolders() throws Exception {
        writePng(dir.resolve("fer/train/happy/00001.png"), 1);
        writePng(dir.resolve("fer/train/happy/00002.png"), 2);
        writePng(dir.resolve("fer/train/angry/00003.png"), 3);
        writePng(dir.resolve("fer/PublicTest/sad/00004.png"), 4);
        Files.writeString(dir.resolve("fer/train/happy/.DS_Store"), "x");

        List<LabelledImage> train = Fer2013.read(dir.resolve("fer"), FerSplit.TRAINING);
        assertEquals(List.of(Emotion.ANGER, Emotion.HAPPINESS, Emotion.HAPPINESS), train.stream().map(LabelledImage::label).toList());
        assertEquals(pixel(2, 30, 7), train.get(2).image().get(30, 7, 0));
        List<LabelledImage> publicTest = Fer2013Folders.read(dir.resolve("fer"), FerSplit.PUBLIC_TEST);
        assertEquals(Emotion.SADNESS, publicTest.get(0).label());
        DatasetException noPrivate = assertThrows(DatasetException.class, () -> Fer2013Folders.read(dir.resolve("fer"), FerSplit.PRIVATE_TEST));
        assertTrue(noPrivate.getMessage().contains("PrivateTest"), noPrivate.getMessage());
    }

    @Test
    void unknownClassesAndNonImagesAreRefusedByPath() throws Exception {
        writePng(dir.resolve("a/train/contempt/1.png"), 1);
        DatasetException unknown = assertThrows(DatasetException.class, () -> Fer2013Folders.read(dir.resolve("a"), FerSplit.TRAINING));
        assertTrue(unknown.getMessage().contains("contempt"), unknown.getMessage());

        Files.createDirectories(dir.resolve("b/train/fear"));
        Files.writeString(dir.resolve("b/train/fear/1.jpg"), "not a jpeg");
        DatasetException broken = assertThrows(DatasetException.class, () -> Fer2013Folders.read(dir.resolve("b"), FerSplit.TRAINING));
        assertTrue(broken.getMessage().contains("1.jpg"), broken.getMessage());

        Files.createDirectories(dir.resolve("c/train/fear"));
        Files.writeString(dir.resolve("c/train/fear/notes.txt"), "hello");
        DatasetException text = assertThrows(DatasetException.class, () -> Fer2013Folders.read(dir.resolve("c"), FerSplit.TRAINING));
        assertTrue(text.getMessage().contains("notes.txt"), text.getMessage());

        Files.createDirectories(dir.resolve("d/train/fear"));
        DatasetException empty = assertThrows(DatasetException.class, () -> Fer2013Folders.read(dir.resolve("d"), FerSplit.TRAINING));
        assertTrue(empty.getMessage().contains("no images"), empty.getMessage());
    }
}
