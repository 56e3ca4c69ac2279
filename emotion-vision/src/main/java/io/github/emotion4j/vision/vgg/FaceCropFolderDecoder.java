package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.FrameGrid;
import io.github.emotion4j.core.FrameReader;
import io.github.emotion4j.core.FrameSequence;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaDecodeException;
import io.github.emotion4j.core.MediaDecoder;
import io.github.emotion4j.core.MediaInfo;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.VideoFrame;
import io.github.emotion4j.core.dataset.DatasetException;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link MediaDecoder} for face crops supplied with a data set: a "clip" is a folder of face images (see
 * {@link FaceCropDataset}), and its frames are those images in natural name order, every {@code step}-th one,
 * placed on the paper's grid (frame {@code k} at {@code k · 8/60} s). There is no audio. With {@link
 * FaceCropper#wholeFrame()}, the face branch then reads the supplied crops exactly as it reads detected faces,
 * which is how the paper's second VGG-LSTM is run inside an {@code EmotionRecognizer}:
 *
 * <pre>{@code
 * EmotionRecognizer r = EmotionRecognizer.builder().decoder(new FaceCropFolderDecoder(1))
 *         .addBranch(suppliedFacesBranch, 1).build();
 * r.classify(Path.of("Val/Happy/clip_0042"));
 * }</pre>
 *
 * <p>Images are read when a branch reads the frames, one at a time; a sequence can be read any number of times.
 * Stateless and thread-safe.
 */
public final class FaceCropFolderDecoder implements MediaDecoder {

    private final int step;

    /**
     * A decoder taking every {@code step}-th image of a folder (1: all of them).
     *
     * @throws IllegalArgumentException when {@code step < 1}
     */
    public FaceCropFolderDecoder(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("step must be at least 1, got " + step);
        }
        this.step = step;
    }

    @Override
    public MediaClip decode(Path folder, MediaRequest request) throws MediaDecodeException {
        List<Path> images = images(folder);
        Duration duration = Duration.ofNanos(Math.round(images.size() * FrameGrid.PAPER.periodSeconds() * 1e9));
        FrameSequence frames = request.wantsFrames() ? new Crops(images, request.grids()) : null;
        return MediaClip.of(folder, duration, null, frames);
    }

    @Override
    public MediaInfo inspect(Path folder) throws MediaDecodeException {
        List<Path> images = images(folder);
        Duration duration = Duration.ofNanos(Math.round(images.size() * FrameGrid.PAPER.periodSeconds() * 1e9));
        int width = 0;
        int height = 0;
        if (!images.isEmpty()) {
            Image first = read(images.get(0));
            width = first.width();
            height = first.height();
        }
        return new MediaInfo(folder, "face-crop folder", duration,
                Optional.of(new MediaInfo.VideoInfo("images", width, height, 1 / FrameGrid.PAPER.periodSeconds(), duration)),
                Optional.empty());
    }

    private List<Path> images(Path folder) throws MediaDecodeException {
        if (!Files.isDirectory(folder)) {
            throw new MediaDecodeException(folder, "not a folder of face images (" + (Files.exists(folder) ? "a file" : "no such folder") + ")");
        }
        try {
            List<Path> all = FaceCropDataset.frames(folder);
            if (step == 1) {
                return all;
            }
            return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % step == 0).mapToObj(all::get).toList();
        } catch (DatasetException e) {
            throw new MediaDecodeException(folder, e.getMessage(), e);
        }
    }

    private static Image read(Path file) throws MediaDecodeException {
        try {
            return Image.read(file);
        } catch (IOException e) {
            throw new MediaDecodeException(file, "cannot be read as a face image: " + e.getMessage(), e);
        }
    }

    /** The images of one folder as frames, read lazily. */
    private record Crops(List<Path> images, Set<FrameGrid> grids) implements FrameSequence {
        @Override
        public FrameReader open() {
            return new FrameReader() {
                private int next;

                @Override
                public Optional<VideoFrame> next() throws MediaDecodeException {
                    if (next >= images.size()) {
                        return Optional.empty();
                    }
                    Image rgb = read(images.get(next)).toRgb();
                    byte[] bgr = rgb.copyPixels();
                    for (int i = 0; i + 2 < bgr.length; i += 3) {
                        byte r = bgr[i];
                        bgr[i] = bgr[i + 2];
                        bgr[i + 2] = r;
                    }
                    long micros = FrameGrid.PAPER.instantMicros(next);
                    next++;
                    return Optional.of(new VideoFrame(micros, micros, rgb.width(), rgb.height(), bgr));
                }

                @Override
                public void close() {
                    next = images.size();
                }
            };
        }
    }
}
