package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.dataset.DatasetException;
import io.github.emotion4j.core.dataset.LabelledClip;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads face crops that come with a data set, one folder of face images per clip, as challenge organisers
 * provide them: {@code <root>/<split>/<class>/<clip>/<frame images>}. Class folders are named as AFEW or FER-2013
 * name them ({@code Angry ... Surprise}, {@code angry ... surprise}); frame images (PNG, JPEG, BMP, GIF) are taken
 * in natural name order ({@code frame2} before {@code frame10}); other files and hidden files are ignored. A clip
 * folder without images is skipped (organisers' crops leave such clips where no face was found), with a debug
 * log line.
 *
 * <p>Faces are read from their files when used ({@link FaceClip#face}), so a set larger than memory can be
 * trained on. Stateless and thread-safe; the clips returned are immutable.
 */
public final class FaceCropDataset {

    private static final Logger LOG = LoggerFactory.getLogger(FaceCropDataset.class);
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private FaceCropDataset() {
    }

    /**
     * The clips of one split, for example {@code clips(root, "Train")}.
     *
     * @throws DatasetException when the split folder is missing, a class folder has an unknown name, or no clip
     *     with faces is found
     */
    public static List<FaceClip> clips(Path root, String split) throws DatasetException {
        return clipsIn(root.resolve(split));
    }

    /**
     * The clips in class folders directly under {@code directory} ({@code <class>/<clip>/<frame images>}).
     *
     * @throws DatasetException as {@link #clips}
     */
    public static List<FaceClip> clipsIn(Path directory) throws DatasetException {
        if (!Files.isDirectory(directory)) {
            throw new DatasetException(directory, "no such face-crop folder");
        }
        List<FaceClip> clips = new ArrayList<>();
        int skipped = 0;
        for (Path classFolder : folders(directory)) {
            String name = classFolder.getFileName().toString();
            Emotion label = Emotion.parse(name).orElseThrow(() -> new DatasetException(classFolder, "unknown class folder '"
                    + name + "': expected one of Angry, Disgust, Fear, Happy, Neutral, Sad, Surprise"));
            for (Path clipFolder : folders(classFolder)) {
                List<Path> frames = frames(clipFolder);
                if (frames.isEmpty()) {
                    skipped++;
                    LOG.debug("{}: no face images, skipped", clipFolder);
                    continue;
                }
                clips.add(new FolderClip(clipFolder, label, frames));
            }
        }
        if (clips.isEmpty()) {
            throw new DatasetException(directory, "holds no face crops in <class>/<clip>/<images> folders"
                    + (skipped > 0 ? " (" + skipped + " clip folders without images)" : ""));
        }
        LOG.debug("{}: {} clips, {} without faces skipped", directory, clips.size(), skipped);
        return clips;
    }

    /**
     * The clip folders of one split as a core {@link Dataset} of paths, for evaluating a recognizer that decodes
     * them with {@link FaceCropFolderDecoder}.
     */
    public static Dataset asDataset(Path directory) throws DatasetException {
        List<LabelledClip> clips = new ArrayList<>();
        for (FaceClip clip : clipsIn(directory)) {
            clips.add(new LabelledClip(((FolderClip) clip).folder, clip.label()));
        }
        return new Dataset("face crops (" + directory + ")", clips);
    }

    /** The face images of one clip folder in natural name order; empty when there are none. */
    public static List<Path> frames(Path clipFolder) throws DatasetException {
        try (Stream<Path> files = Files.list(clipFolder)) {
            return files.filter(Files::isRegularFile).filter(FaceCropDataset::isImage).sorted(naturalOrder()).toList();
        } catch (IOException e) {
            throw new DatasetException(clipFolder, "cannot be listed: " + e.getMessage(), e);
        }
    }

    /** Whether the file's name is a visible image file name. */
    static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<Path> folders(Path directory) throws DatasetException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(naturalOrder()).toList();
        } catch (IOException e) {
            throw new DatasetException(directory, "cannot be listed: " + e.getMessage(), e);
        }
    }

    /** File names compared piecewise, runs of digits as numbers: {@code frame2} before {@code frame10}. */
    static Comparator<Path> naturalOrder() {
        return (a, b) -> compareNatural(a.getFileName().toString(), b.getFileName().toString());
    }

    /** Compares piecewise, runs of digits as numbers ({@code conv2d_2} before {@code conv2d_10}). */
    static int compareNatural(String a, String b) {
        Matcher ma = NUMBER.matcher(a);
        Matcher mb = NUMBER.matcher(b);
        int ia = 0;
        int ib = 0;
        while (true) {
            boolean fa = ma.find();
            boolean fb = mb.find();
            String pa = fa ? a.substring(ia, ma.start()) : a.substring(ia);
            String pb = fb ? b.substring(ib, mb.start()) : b.substring(ib);
            int text = pa.compareTo(pb);
            if (text != 0 || !fa || !fb) {
                return text != 0 ? text : Boolean.compare(fa, fb);
            }
            int number = new java.math.BigInteger(ma.group()).compareTo(new java.math.BigInteger(mb.group()));
            if (number != 0) {
                return number;
            }
            ia = ma.end();
            ib = mb.end();
        }
    }

    /** A clip whose faces are image files, read on use. */
    private record FolderClip(Path folder, Emotion label, List<Path> files) implements FaceClip {

        @Override
        public String id() {
            return folder.toString();
        }

        @Override
        public int size() {
            return files.size();
        }

        @Override
        public Image face(int index) throws IOException {
            return Image.read(files.get(index));
        }
    }
}
