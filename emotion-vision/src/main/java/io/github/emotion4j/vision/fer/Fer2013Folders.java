package io.github.emotion4j.vision.fer;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.dataset.DatasetException;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads FER-2013 as image folders: {@code <root>/<split>/<class>/<image>}, split folders {@code train},
 * {@code publictest}, {@code privatetest} (see {@link FerSplit#folderNames()}), class folders {@code angry disgust
 * fear happy neutral sad surprise} (AFEW's capitalised names are accepted too), images in PNG, JPEG, BMP or GIF.
 * Images are kept in gray (colour copies are converted); their size is kept as it is (48x48 in FER-2013).
 *
 * <p>Hidden files are skipped; images are listed in sorted order, class by class. A folder of an unknown class, a
 * file that is not an image or an empty split raise a {@link DatasetException} naming the path. Stateless and
 * thread-safe.
 */
public final class Fer2013Folders {

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

    private Fer2013Folders() {
    }

    /**
     * The faces of one split under {@code root}.
     *
     * @throws DatasetException when no folder of the split's names exists under {@code root}, or as {@link #readSplit}
     */
    public static List<LabelledImage> read(Path root, FerSplit split) throws DatasetException {
        return readSplit(splitFolder(root, split));
    }

    /** The folder of {@code split} under {@code root}, by any of its names ignoring case. */
    public static Path splitFolder(Path root, FerSplit split) throws DatasetException {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, "no such FER-2013 folder");
        }
        try (Stream<Path> children = Files.list(root)) {
            Optional<Path> found = children.filter(Files::isDirectory)
                    .filter(p -> split.folderNames().contains(p.getFileName().toString().toLowerCase(Locale.ROOT)))
                    .sorted().findFirst();
            return found.orElseThrow(() -> new DatasetException(root, "has no folder for the " + split.usage() + " split (looked for "
                    + split.folderNames() + "); pass the split folder itself to readSplit"));
        } catch (IOException e) {
            throw new DatasetException(root, "cannot be listed: " + e.getMessage(), e);
        }
    }

    /**
     * The faces in class folders directly under {@code splitFolder} ({@code <class>/<image>}).
     *
     * @throws DatasetException when the folder is missing, a class folder has an unknown name, a file is not an
     *     image, or no image is found
     */
    public static List<LabelledImage> readSplit(Path splitFolder) throws DatasetException {
        if (!Files.isDirectory(splitFolder)) {
            throw new DatasetException(splitFolder, "no such folder");
        }
        List<LabelledImage> faces = new ArrayList<>();
        try (Stream<Path> classes = Files.list(splitFolder)) {
            for (Path classFolder : classes.filter(Files::isDirectory).sorted().toList()) {
                String name = classFolder.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                Emotion label = Emotion.parse(name).orElseThrow(() -> new DatasetException(classFolder, "unknown class folder '"
                        + name + "': expected angry, disgust, fear, happy, neutral, sad or surprise"));
                List<Path> files;
                try (Stream<Path> listing = Files.list(classFolder)) {
                    files = listing.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
                }
                for (Path file : files) {
                    faces.add(new LabelledImage(readImage(file), label));
                }
            }
        } catch (IOException e) {
            throw new DatasetException(splitFolder, "cannot be listed: " + e.getMessage(), e);
        }
        if (faces.isEmpty()) {
            throw new DatasetException(splitFolder, "holds no images in class folders (<class>/<image>)");
        }
        return faces;
    }

    private static Image readImage(Path file) throws DatasetException {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!IMAGE_EXTENSIONS.contains(extension)) {
            throw new DatasetException(file, "not an image file (expected " + IMAGE_EXTENSIONS + ")");
        }
        try {
            return Image.read(file).toGray();
        } catch (IOException e) {
            throw new DatasetException(file, "cannot be read as an image: " + e.getMessage(), e);
        }
    }
}
