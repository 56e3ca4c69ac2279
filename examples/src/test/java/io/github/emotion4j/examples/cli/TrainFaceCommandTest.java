package io.github.emotion4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.Recognition;
import io.github.emotion4j.core.bundle.ModelBundle;
import io.github.emotion4j.vision.image.Image;
import io.github.emotion4j.vision.vgg.FaceCropFolderDecoder;
import io.github.emotion4j.vision.vgg.FaceVggLstmBranch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.StringJoiner;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainFaceCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Emotion4jCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void usageErrorsSayWhatIsMissing() {
        Run noFer = run("train-face", "--stage", "1", "--out", dir.resolve("a").toString());
        assertEquals(2, noFer.code());
        assertTrue(noFer.err().contains("--fer2013"), noFer.err());
        Run noFrom = run("train-face", "--stage", "2", "--train", dir.toString(), "--out", dir.resolve("b").toString());
        assertEquals(2, noFrom.code());
        assertTrue(noFrom.err().contains("--from"), noFrom.err());
        Run pretrained = run("train-face", "--backbone", "mini-xception", "--stage", "all", "--train", dir.toString(),
                "--fer2013", dir.toString(), "--out", dir.resolve("c").toString());
        assertEquals(2, pretrained.code());
        assertTrue(pretrained.err().contains("--stage 3"), pretrained.err());
        Run epochs = run("train-face", "--stage", "1", "--fer2013", dir.toString(), "--epochs", "1,2", "--out", dir.resolve("d").toString());
        assertEquals(2, epochs.code());
        assertTrue(epochs.err().contains("--epochs"), epochs.err());
    }

    @Test
    void trainWithTheFaceBranchIsTrainFace() {
        Run viaTrain = run("train", "--branch", "face-vgg-lstm", "--stage", "1", "--out", dir.resolve("e").toString());
        assertEquals(2, viaTrain.code());
        assertTrue(viaTrain.err().contains("--fer2013"), viaTrain.err());
        Run unknown = run("train", "--branch", "face-lstm", "--train", dir.toString(), "--out", dir.resolve("f").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("face-vgg-lstm"), unknown.err());
    }

    @Test
    void stageOneOnAFer2013CsvWritesAVgg16BundleThatLoads() throws Exception {
        Random random = new Random(1);
        StringBuilder csv = new StringBuilder("emotion,pixels,Usage\n");
        for (int row = 0; row < 21; row++) {
            StringJoiner pixels = new StringJoiner(" ");
            for (int i = 0; i < 48 * 48; i++) {
                pixels.add(Integer.toString(random.nextInt(256)));
            }
            csv.append(row % 7).append(',').append(pixels).append(',').append(row < 14 ? "Training" : "PublicTest").append('\n');
        }
        Path fer = Files.writeString(dir.resolve("fer2013.csv"), csv);
        Path bundle = dir.resolve("stage1");

        Run run = run("train-face", "--stage", "1", "--fer2013", fer.toString(), "--input-size", "32", "--channels", "1",
                "--width", "0.0625", "--fc", "8", "--batch-norm", "--epochs", "2", "--batch", "7", "--balanced", "--out",
                bundle.toString(), "--quiet");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("stage 1: FER-2013"), run.out());
        assertTrue(run.out().contains("validation: accuracy"), run.out());
        try (ModelBundle opened = ModelBundle.open(bundle)) {
            assertEquals(FaceVggLstmBranch.TYPE, opened.manifest().branches().get(0).type());
            assertEquals("CNN", opened.manifest().branches().get(0).properties().get("kind"));
            assertTrue(opened.manifest().provenance().get("command").startsWith("emotion4j train-face --stage 1 "),
                    opened.manifest().provenance().get("command"));
            assertEquals("balanced", opened.manifest().provenance().get("training.class_weights"));
        }
        try (EmotionRecognizer recognizer = EmotionRecognizer.load(bundle)) {
            assertEquals(1, recognizer.branches().size());
        }
        Run again = run("train-face", "--stage", "1", "--fer2013", fer.toString(), "--out", bundle.toString(), "--quiet");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
    }

    @Test
    void stageThreeOnSuppliedCropsWithAnEmbeddedBackboneClassifiesCropFolders() throws Exception {
        Random random = new Random(2);
        Path train = dir.resolve("faces/Train");
        for (String label : new String[] {"Happy", "Sad"}) {
            for (int clip = 0; clip < 2; clip++) {
                Path folder = Files.createDirectories(train.resolve(label).resolve("clip" + clip));
                for (int f = 0; f < 5; f++) {
                    byte[] rgb = new byte[64 * 64 * 3];
                    random.nextBytes(rgb);
                    ImageIO.write(Image.rgb(64, 64, rgb).toBufferedImage(), "png", folder.resolve("f" + f + ".png").toFile());
                }
            }
        }
        Path bundle = dir.resolve("lstm");

        Run run = run("train-face", "--backbone", "mini-xception", "--stage", "3", "--train", train.toString(), "--epochs", "1",
                "--batch", "2", "--sequence", "4", "--lstm", "8", "--out", bundle.toString(), "--quiet");

        assertEquals(0, run.code(), run.err());
        try (ModelBundle opened = ModelBundle.open(bundle)) {
            var properties = opened.manifest().branches().get(0).properties();
            assertEquals("CNN_LSTM", properties.get("kind"));
            assertEquals("SUPPLIED", properties.get("faces"));
            assertEquals("mini-xception", properties.get("backbone"));
        }
        FaceVggLstmBranch branch;
        try (ModelBundle opened = ModelBundle.open(bundle)) {
            branch = new FaceVggLstmBranch.Factory().load(opened.branch(opened.manifest().branches().get(0)));
        }
        try (EmotionRecognizer recognizer = EmotionRecognizer.builder().decoder(new FaceCropFolderDecoder(1))
                .addBranch(branch, 1).build()) {
            Recognition recognition = recognizer.classify(train.resolve("Happy/clip0"));
            assertEquals(1.0, java.util.Arrays.stream(recognition.scores().toArray()).sum(), 1e-9);
        }
    }
}
