package io.github.emotion4j.vision;

import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.FrameGrid;
import io.github.emotion4j.core.FrameReader;
import io.github.emotion4j.core.FrameSequence;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaDecodeException;
import io.github.emotion4j.core.MediaDecoder;
import io.github.emotion4j.core.MediaInfo;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.VideoFrame;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link MediaDecoder} that also reads still images (PNG, JPEG, BMP, GIF by their extension) as clips of one
 * frame at time 0 without audio, so face models classify photographs too; everything else goes to {@link
 * FFmpegMediaDecoder}. Stateless and thread-safe.
 */
public final class StillImageDecoder implements MediaDecoder {

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private final MediaDecoder media = new FFmpegMediaDecoder();

    /** Whether {@code file} is read as a still image (by its extension). */
    public static boolean isStillImage(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    @Override
    public MediaClip decode(Path file, MediaRequest request) throws MediaDecodeException {
        if (!isStillImage(file)) {
            return media.decode(file, request);
        }
        Image image = read(file).toRgb();
        byte[] bgr = Image.rgb(image.width(), image.height(), image.copyPixels()).copyPixels();
        for (int i = 0; i + 2 < bgr.length; i += 3) {
            byte r = bgr[i];
            bgr[i] = bgr[i + 2];
            bgr[i + 2] = r;
        }
        VideoFrame frame = new VideoFrame(0, 0, image.width(), image.height(), bgr);
        FrameSequence frames = request.wantsFrames() ? new OneFrame(frame, request.grids()) : null;
        return MediaClip.of(file, Duration.ZERO, null, frames);
    }

    @Override
    public MediaInfo inspect(Path file) throws MediaDecodeException {
        if (!isStillImage(file)) {
            return media.inspect(file);
        }
        Image image = read(file);
        return new MediaInfo(file, "image", Duration.ZERO,
                Optional.of(new MediaInfo.VideoInfo("image", image.width(), image.height(), 0, Duration.ZERO)), Optional.empty());
    }

    private static Image read(Path file) throws MediaDecodeException {
        if (!Files.isRegularFile(file)) {
            throw new MediaDecodeException(file, Files.isDirectory(file) ? "is a directory, not an image" : "no such file");
        }
        try {
            return Image.read(file);
        } catch (IOException e) {
            throw new MediaDecodeException(file, "cannot be read as an image: " + e.getMessage(), e);
        }
    }

    /** A single frame, readable any number of times. */
    private record OneFrame(VideoFrame frame, Set<FrameGrid> grids) implements FrameSequence {
        @Override
        public FrameReader open() {
            return new FrameReader() {
                private boolean done;

                @Override
                public Optional<VideoFrame> next() {
                    if (done) {
                        return Optional.empty();
                    }
                    done = true;
                    return Optional.of(frame);
                }

                @Override
                public void close() {
                    done = true;
                }
            };
        }
    }
}
