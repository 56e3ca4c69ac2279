package io.github.emotion4j.vision.vgg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.EmotionBranch;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.ModelFormatException;
import io.github.emotion4j.core.Recognition;
import io.github.emotion4j.core.bundle.BundleWriter;
import io.github.emotion4j.core.testing.BranchContract;
import io.github.emotion4j.vision.image.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceVggLstmBranchTest extends BranchContract {

    private static final FaceInput INPUT = FaceInput.centered(32, 3);

    @TempDir
    Path dir;

    /** A small untrained CNN-LSTM reading supplied crops (each frame is a face). */
    static FaceVggLstmBranch supplied(long seed) {
        SolverSettings solver = SolverSettings.defaults().withSeed(seed);
        ComputationGraph vgg = Vgg16.create(FaceTrainerTest.SMALL, solver);
        ComputationGraph network = CnnLstm.create(vgg, Vgg16.FC6, INPUT, 8, 7, solver);
        vgg.close();
        return FaceVggLstmBranch.builder(network, FaceVggLstmBranch.Kind.CNN_LSTM, INPUT)
                .faces(FaceVggLstmBranch.Faces.SUPPLIED).name("faces").build();
    }

    static List<Image> faces(int count, long seed) {
        Random random = new Random(seed);
        List<Image> faces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            faces.add(SyntheticFaces.sample(i % 7, random, 0));
        }
        return faces;
    }

    @Override
    protected EmotionBranch createBranch() {
        return supplied(1);
    }

    @Override
    protected MediaClip clipWithMedia() {
        return InMemoryFrames.clip("faces", faces(20, 4));
    }

    @Test
    void savedAndLoadedBranchPredictsExactlyTheSame() throws Exception {
        MediaClip clip = clipWithMedia();
        Path bundle = dir.resolve("bundle");
        try (FaceVggLstmBranch branch = supplied(2)) {
            double[] before = branch.predict(clip).scores().orElseThrow().toArray();
            try (BundleWriter writer = BundleWriter.create(bundle)) {
                writer.addBranch(branch, 1.0);
                writer.commit();
            }
            try (EmotionRecognizer recognizer = EmotionRecognizer.load(bundle)) {
                Recognition recognition = recognizer.classify(clip);
                assertArrayEquals(before, recognition.scores().toArray(), 1e-12, "fused over one branch");
                EmotionBranch loaded = recognizer.branches().get(0);
                assertArrayEquals(before, loaded.predict(clip).scores().orElseThrow().toArray(), 0.0);
                assertTrue(loaded instanceof FaceVggLstmBranch, loaded.toString());
                FaceVggLstmBranch vgg = (FaceVggLstmBranch) loaded;
                assertEquals(FaceVggLstmBranch.Kind.CNN_LSTM, vgg.kind());
                assertEquals(FaceVggLstmBranch.Faces.SUPPLIED, vgg.faces());
                assertEquals(INPUT, vgg.input());
                assertEquals(16, vgg.sequenceLength());
            }
        }
    }

    @Test
    void aCnnBranchAveragesItsFaces() throws Exception {
        ComputationGraph vgg = Vgg16.create(FaceTrainerTest.SMALL, SolverSettings.defaults());
        List<Image> faces = faces(3, 9);
        try (FaceVggLstmBranch branch = FaceVggLstmBranch.builder(vgg, FaceVggLstmBranch.Kind.CNN, INPUT)
                .faces(FaceVggLstmBranch.Faces.SUPPLIED).build()) {
            double[] clip = branch.predict(InMemoryFrames.clip("three", faces)).scores().orElseThrow().toArray();
            org.nd4j.linalg.api.ndarray.INDArray each = vgg.outputSingle(false, INPUT.batch(faces));
            for (int k = 0; k < 7; k++) {
                assertEquals(each.getDouble(0, k) / 3 + each.getDouble(1, k) / 3 + each.getDouble(2, k) / 3, clip[k], 1e-6);
            }
        }
    }

    @Test
    void suppliedCropFoldersRunInsideARecognizerWithTheirDecoder() throws Exception {
        List<Image> faces = faces(5, 6);
        Path clipFolder = Files.createDirectories(dir.resolve("Val/Happy/clip_7"));
        for (int i = 0; i < faces.size(); i++) {
            // names in natural order: frame2 comes before frame10
            ImageIO.write(faces.get(i).toBufferedImage(), "png", clipFolder.resolve("frame" + (i * 4 + 2) + ".png").toFile());
        }
        Files.writeString(clipFolder.resolve("landmarks.txt"), "ignored");
        try (FaceVggLstmBranch branch = supplied(3)) {
            double[] direct = branch.probabilities(faces);
            try (EmotionRecognizer recognizer = EmotionRecognizer.builder().decoder(new FaceCropFolderDecoder(1))
                    .addBranch(supplied(3), 1).build()) {
                Recognition recognition = recognizer.classify(clipFolder);
                assertArrayEquals(direct, recognition.scores().toArray(), 1e-6);
            }
        }
    }

    @Test
    void detectedFacesAbstainWithoutAFaceAndScoreAPortrait() throws Exception {
        SolverSettings solver = SolverSettings.defaults();
        ComputationGraph network = Vgg16.create(FaceTrainerTest.SMALL, solver);
        byte[] gray = new byte[320 * 240 * 3];
        java.util.Arrays.fill(gray, (byte) 128);
        Image blank = Image.rgb(320, 240, gray);
        Image portrait = Image.read(Path.of(FaceVggLstmBranchTest.class.getResource("grace_hopper_512x512.jpg").toURI()));
        try (FaceVggLstmBranch branch = FaceVggLstmBranch.builder(network, FaceVggLstmBranch.Kind.CNN, INPUT).build()) {
            BranchResult none = branch.predict(InMemoryFrames.clip("blank", List.of(blank, blank)));
            assertTrue(none.abstained());
            assertTrue(none.reason().contains("no face"), none.reason());
            BranchResult found = branch.predict(InMemoryFrames.clip("portrait", List.of(portrait, portrait)));
            assertFalse(found.abstained(), found.reason());
        }
    }

    @Test
    void theAlignedCropperCutsTheFaceAtTheNetworkSize() throws Exception {
        Image portrait = Image.read(Path.of(FaceVggLstmBranchTest.class.getResource("grace_hopper_512x512.jpg").toURI()));
        try (AlignedFaceCropper cropper = AlignedFaceCropper.ofSize(48)) {
            List<Image> faces = cropper.cropAll(InMemoryFrames.of(List.of(portrait, portrait, portrait)));
            assertEquals(3, faces.size());
            assertEquals(48, faces.get(0).width());
            assertEquals(48, faces.get(0).height());
        }
    }

    @Test
    void aBundleWithABrokenNetworkFileIsRefusedByName() throws Exception {
        Path bundle = dir.resolve("broken");
        try (BundleWriter writer = BundleWriter.create(bundle)) {
            Path branchDir = writer.addBranch("faces", FaceVggLstmBranch.TYPE, 1.0, Map.of("input.size", "32", "input.channels", "3",
                    "input.order", "RGB", "input.mean", "127.5 127.5 127.5", "input.divisor", "127.5", "kind", "CNN_LSTM",
                    "faces", "SUPPLIED", "sequence_length", "16"));
            Files.writeString(branchDir.resolve(FaceVggLstmBranch.NETWORK_FILE), "not a zip");
            writer.commit();
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> EmotionRecognizer.load(bundle));
        assertTrue(e.getMessage().contains("network.zip") && e.getMessage().contains("faces"), e.getMessage());

        Path badSettings = dir.resolve("bad-settings");
        try (BundleWriter writer = BundleWriter.create(badSettings)) {
            Path branchDir = writer.addBranch("faces", FaceVggLstmBranch.TYPE, 1.0, Map.of("kind", "CNN_LSTM"));
            Files.writeString(branchDir.resolve(FaceVggLstmBranch.NETWORK_FILE), "x");
            writer.commit();
        }
        ModelFormatException settings = assertThrows(ModelFormatException.class, () -> EmotionRecognizer.load(badSettings));
        assertTrue(settings.getMessage().contains("input."), settings.getMessage());
    }
}
