package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaDecoder;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.FrameGrid;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.dataset.DatasetException;
import io.github.emotion4j.core.dataset.LabelledClip;
import io.github.emotion4j.core.train.TrainingListener;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a face pipeline over the clips of a data set once and stores the faces as PNG files in the face-crop
 * layout ({@code <folder>/<Class>/<clip>/frame00000.png}, see {@link FaceCropDataset}), so that training epochs
 * read small face images instead of decoding videos again, and a data set larger than memory can be used. Clips
 * in which no face is found get no folder (they are reported to the listener and skipped by the reader).
 *
 * <p>Frames are decoded on the paper's grid (60 fps, every 8th instant). Stateless and thread-safe; the decoder and
 * cropper are borrowed, not closed.
 */
public final class ClipFaceExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(ClipFaceExtractor.class);

    private ClipFaceExtractor() {
    }

    /**
     * Extracts the faces of every clip into {@code folder} (created if needed; must not hold a clip folder of the
     * same name already) and returns them as face clips read from there.
     *
     * @throws EmotionException when a clip cannot be decoded or the pipeline fails (the message names the clip)
     * @throws IOException when a face cannot be written
     * @throws DatasetException when no face is found in any clip
     */
    public static List<FaceClip> extract(Dataset clips, MediaDecoder decoder, FaceCropper cropper, Path folder,
            String stage, TrainingListener listener) throws EmotionException, IOException {
        Objects.requireNonNull(listener, "listener");
        Files.createDirectories(folder);
        listener.stageStarted(stage, clips.size());
        int done = 0;
        int empty = 0;
        for (LabelledClip clip : clips.clips()) {
            MediaClip media = decoder.decode(clip.path(), MediaRequest.frames(FrameGrid.PAPER));
            List<Image> faces = media.frames().isPresent() ? cropper.cropAll(media.frames().get()) : List.of();
            if (faces.isEmpty()) {
                empty++;
                listener.note(stage, "no face in " + clip.path());
            } else {
                Path target = folder.resolve(clip.label().afewName()).resolve(folderName(clip.path()));
                if (Files.exists(target)) {
                    throw new IOException(target + ": already exists (two clips of one class with the same file name?)");
                }
                Files.createDirectories(target);
                for (int i = 0; i < faces.size(); i++) {
                    Path file = target.resolve(String.format(Locale.ROOT, "frame%05d.png", i));
                    if (!ImageIO.write(faces.get(i).toBufferedImage(), "png", file.toFile())) {
                        throw new IOException(file + ": no PNG writer available");
                    }
                }
            }
            listener.progress(stage, ++done, clips.size(), Double.NaN);
        }
        LOG.debug("{}: faces of {} clips extracted to {}, {} without faces", stage, clips.size() - empty, folder, empty);
        listener.note(stage, (clips.size() - empty) + " clips with faces, " + empty + " without");
        listener.stageFinished(stage);
        return FaceCropDataset.clipsIn(folder);
    }

    private static String folderName(Path clip) {
        String name = clip.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
