package io.github.emotion4j.vision.vgg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.FrameGrid;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaDecodeException;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.VideoFrame;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.dataset.DatasetException;
import io.github.emotion4j.vision.image.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceCropDatasetTest {

    @TempDir
    Path dir;

    /** A 16x8 gray image whose every pixel is {@code value}. */
    private static Image flat(int value) {
        byte[] gray = new byte[16 * 8];
        java.util.Arrays.fill(gray, (byte) value);
        return Image.gray(16, 8, gray);
    }

    private void write(Path file, int value) throws Exception {
        Files.createDirectories(file.getParent());
        ImageIO.write(flat(value).toBufferedImage(), "png", file.toFile());
    }

    @Test
    void readsClipFoldersInNaturalOrderAndSkipsClipsWithoutFaces() throws Exception {
        Path root = dir.resolve("crops");
        write(root.resolve("Train/Happy/clip10/frame10.png"), 30);
        write(root.resolve("Train/Happy/clip10/frame2.png"), 20);
        write(root.resolve("Train/Happy/clip10/frame1.png"), 10);
        Files.writeString(root.resolve("Train/Happy/clip10/landmarks.txt"), "not a face");
        write(root.resolve("Train/Happy/clip9/a.jpg"), 90);
        write(root.resolve("Train/Angry/x/0.png"), 1);
        Files.createDirectories(root.resolve("Train/Sad/no_face_found"));

        List<FaceClip> clips = FaceCropDataset.clips(root, "Train");

        assertEquals(3, clips.size());
        assertEquals(Emotion.ANGER, clips.get(0).label());
        FaceClip happy = clips.get(2);
        assertTrue(happy.id().endsWith("clip10"), "clip9 comes before clip10: " + clips);
        assertEquals(3, happy.size());
        List<Integer> order = new ArrayList<>();
        for (Image face : happy.faces()) {
            order.add(face.get(0, 0, 0));
        }
        assertEquals(List.of(10, 20, 30), order);
        Dataset dataset = FaceCropDataset.asDataset(root.resolve("Train"));
        assertEquals(3, dataset.size());
        assertEquals(root.resolve("Train/Happy/clip10"), dataset.clips().get(2).path());
    }

    @Test
    void badLayoutsAreRefusedByPath() throws Exception {
        DatasetException missing = assertThrows(DatasetException.class, () -> FaceCropDataset.clips(dir, "Val"));
        assertTrue(missing.getMessage().contains("Val"));
        write(dir.resolve("a/Contempt/c1/1.png"), 1);
        DatasetException unknown = assertThrows(DatasetException.class, () -> FaceCropDataset.clipsIn(dir.resolve("a")));
        assertTrue(unknown.getMessage().contains("Contempt"));
        Files.createDirectories(dir.resolve("b/Fear/c1"));
        DatasetException empty = assertThrows(DatasetException.class, () -> FaceCropDataset.clipsIn(dir.resolve("b")));
        assertTrue(empty.getMessage().contains("no face crops"), empty.getMessage());
    }

    @Test
    void theDecoderGivesTheCropsAsFramesOnThePaperGrid() throws Exception {
        Path clip = dir.resolve("clip");
        for (int i = 0; i < 5; i++) {
            write(clip.resolve("f" + i + ".png"), 40 * i);
        }
        MediaClip all = new FaceCropFolderDecoder(1).decode(clip, MediaRequest.frames(FrameGrid.PAPER));
        List<VideoFrame> frames = new ArrayList<>();
        all.frames().orElseThrow().forEach(frames::add);
        assertEquals(5, frames.size());
        assertEquals(FrameGrid.PAPER.instantMicros(3), frames.get(3).timeMicros());
        assertEquals(120, frames.get(3).pixels().get(0) & 0xff);
        assertEquals(16, frames.get(0).width());
        assertTrue(all.audio().isEmpty());

        List<VideoFrame> everyOther = new ArrayList<>();
        new FaceCropFolderDecoder(2).decode(clip, MediaRequest.frames(FrameGrid.PAPER)).frames().orElseThrow().forEach(everyOther::add);
        assertEquals(3, everyOther.size());
        assertEquals(160, everyOther.get(2).pixels().get(0) & 0xff);

        MediaDecodeException notFolder = assertThrows(MediaDecodeException.class,
                () -> new FaceCropFolderDecoder(1).decode(clip.resolve("f0.png"), MediaRequest.frames(FrameGrid.PAPER)));
        assertTrue(notFolder.getMessage().contains("f0.png"));
        assertThrows(IllegalArgumentException.class, () -> new FaceCropFolderDecoder(0));
    }
}
