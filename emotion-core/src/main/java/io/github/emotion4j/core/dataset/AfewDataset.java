package io.github.emotion4j.core.dataset;

import io.github.emotion4j.core.Emotion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the AFEW layout: {@code <root>/<split>/<class>/<file>}, class folders named as AFEW names them
 * ({@code Angry Disgust Fear Happy Neutral Sad Surprise}) or as FER-2013 does ({@code angry disgust fear happy
 * neutral sad surprise}). Hidden files are skipped; files are listed in sorted order. Stateless and
 * thread-safe.
 */
public final class AfewDataset {

    private AfewDataset() {
    }

    /**
     * The clips of one split, for example {@code read(root, "Train")}.
     *
     * @throws DatasetException when the split folder is missing, a class folder has an unknown name, or no
     *     file is found
     */
    public static Dataset read(Path root, String split) throws DatasetException {
        return readClassFolders(root.resolve(split), split);
    }

    /**
     * The clips in class folders directly under {@code directory} ({@code <directory>/<class>/<file>}).
     *
     * @throws DatasetException as {@link #read}
     */
    public static Dataset readClassFolders(Path directory, String name) throws DatasetException {
        if (!Files.isDirectory(directory)) {
            throw new DatasetException(directory, "no such data set folder");
        }
        List<LabelledClip> clips = new ArrayList<>();
        try (Stream<Path> classes = Files.list(directory)) {
            for (Path classFolder : classes.filter(Files::isDirectory).sorted().toList()) {
                String folderName = classFolder.getFileName().toString();
                if (folderName.startsWith(".")) {
                    continue;
                }
                Emotion label = Emotion.parse(folderName).orElseThrow(() -> new DatasetException(classFolder,
                        "unknown class folder '" + folderName + "': expected one of Angry, Disgust, Fear, Happy, Neutral, Sad, Surprise"));
                try (Stream<Path> files = Files.list(classFolder)) {
                    files.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(f -> clips.add(new LabelledClip(f, label)));
                }
            }
        } catch (IOException e) {
            throw new DatasetException(directory, "cannot be listed: " + e.getMessage(), e);
        }
        if (clips.isEmpty()) {
            throw new DatasetException(directory, "holds no files in class folders (<class>/<file>)");
        }
        return new Dataset(name + " (" + directory + ")", clips);
    }
}
