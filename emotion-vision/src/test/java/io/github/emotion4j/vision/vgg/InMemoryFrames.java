package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.FrameGrid;
import io.github.emotion4j.core.FrameReader;
import io.github.emotion4j.core.FrameSequence;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.VideoFrame;
import io.github.emotion4j.vision.image.Image;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Frames held in memory, on the paper's grid, readable any number of times. Test helper; immutable. */
final class InMemoryFrames implements FrameSequence {

    private final List<VideoFrame> frames;

    private InMemoryFrames(List<VideoFrame> frames) {
        this.frames = List.copyOf(frames);
    }

    /** Frames showing {@code images}, one per grid instant. */
    static InMemoryFrames of(List<Image> images) {
        List<VideoFrame> frames = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Image rgb = images.get(i).toRgb();
            byte[] bgr = rgb.copyPixels();
            for (int p = 0; p + 2 < bgr.length; p += 3) {
                byte r = bgr[p];
                bgr[p] = bgr[p + 2];
                bgr[p + 2] = r;
            }
            long t = FrameGrid.PAPER.instantMicros(i);
            frames.add(new VideoFrame(t, t, rgb.width(), rgb.height(), bgr));
        }
        return new InMemoryFrames(frames);
    }

    /** A clip without audio whose frames show {@code images}. */
    static MediaClip clip(String name, List<Image> images) {
        return MediaClip.of(Path.of(name), Duration.ofMillis(Math.round(images.size() * FrameGrid.PAPER.periodSeconds() * 1000)),
                null, of(images));
    }

    @Override
    public Set<FrameGrid> grids() {
        return Set.of(FrameGrid.PAPER);
    }

    @Override
    public FrameReader open() {
        Iterator<VideoFrame> it = frames.iterator();
        return new FrameReader() {
            @Override
            public Optional<VideoFrame> next() {
                return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }
}
