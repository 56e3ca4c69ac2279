package io.github.emotion4j.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.Emotion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReadersTest {

    @TempDir
    Path root;

    private Path touch(String relative) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }

    @Test
    void afewLayoutWithAfewOrFerFolderNames() throws Exception {
        touch("Train/Angry/b.avi");
        touch("Train/Angry/a.avi");
        touch("Train/Angry/.DS_Store");
        touch("Train/Surprise/c.avi");
        touch("Val/happy/d.jpg");

        Dataset train = AfewDataset.read(root, "Train");
        Dataset val = AfewDataset.read(root, "Val");

        assertEquals(List.of("a.avi", "b.avi", "c.avi"), train.clips().stream().map(c -> c.path().getFileName().toString()).toList());
        assertEquals(List.of(Emotion.ANGER, Emotion.ANGER, Emotion.SURPRISE), train.labels());
        assertEquals(2, train.counts().get(Emotion.ANGER));
        assertEquals(0, train.counts().get(Emotion.FEAR));
        assertEquals(List.of(Emotion.HAPPINESS), val.labels());
    }

    @Test
    void afewUnknownClassFolderIsNamed() throws Exception {
        touch("Train/Contempt/x.avi");
        DatasetException e = assertThrows(DatasetException.class, () -> AfewDataset.read(root, "Train"));
        assertTrue(e.getMessage().contains("Contempt"));
        assertThrows(DatasetException.class, () -> AfewDataset.read(root, "Test"));
    }

    @Test
    void manifestWithRelativePathsSpeakersAndHeader() throws Exception {
        touch("clips/one.mp4");
        touch("clips/two, with comma.mp4");
        Path csv = Files.writeString(root.resolve("list.csv"),
                "path,label,speaker\nclips/one.mp4,Happy,s1\n# comment\n\n\"clips/two, with comma.mp4\",fearful,s2\n");

        Dataset dataset = ManifestDataset.read(csv);

        assertEquals(List.of(Emotion.HAPPINESS, Emotion.FEAR), dataset.labels());
        assertEquals(Set.of("s1", "s2"), dataset.speakers());
        assertEquals(root.resolve("clips/one.mp4"), dataset.clips().get(0).path());
    }

    @Test
    void manifestErrorsNameTheLine() throws Exception {
        touch("a.mp4");
        Path unknown = Files.writeString(root.resolve("unknown.csv"), "a.mp4,Happy\na.mp4,bored\n");
        Path missing = Files.writeString(root.resolve("missing.csv"), "nope.mp4,Happy\n");

        assertTrue(assertThrows(DatasetException.class, () -> ManifestDataset.read(unknown)).getMessage().contains("line 2: unknown label 'bored'"));
        assertTrue(assertThrows(DatasetException.class, () -> ManifestDataset.read(missing)).getMessage().contains("line 1: no such file"));
    }

    @Test
    void ravdessLabelsAndSpeakersFromFileNames() throws Exception {
        touch("Actor_01/03-01-01-01-01-01-01.flac");
        touch("Actor_01/03-01-02-01-01-01-01.flac");
        touch("Actor_12/03-01-05-02-02-01-12.flac");
        touch("Actor_12/03-01-08-01-01-02-12.wav");

        Dataset all = RavdessDataset.read(root, RavdessDataset.Calm.AS_NEUTRAL);
        Dataset noCalm = RavdessDataset.read(root, RavdessDataset.Calm.DROP);

        assertEquals(List.of(Emotion.NEUTRAL, Emotion.NEUTRAL, Emotion.ANGER, Emotion.SURPRISE), all.labels());
        assertEquals(3, noCalm.size());
        assertEquals(Set.of("01", "12"), all.speakers());
        assertEquals(2, all.speakers("actor 12", List.of("12")).size());
    }

    @Test
    void ravdessRefusesForeignNames() throws Exception {
        touch("Actor_01/notes.wav");
        assertThrows(DatasetException.class, () -> RavdessDataset.read(root, RavdessDataset.Calm.AS_NEUTRAL));
    }
}
