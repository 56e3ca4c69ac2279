package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.FrameSequence;
import io.github.emotion4j.core.VideoFrame;
import io.github.emotion4j.vision.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The face pipeline of a face branch: turns a sampled video frame into the face a network reads, or none.
 * {@link AlignedFaceCropper} is the paper's pipeline (detection, 68 landmarks, eye-corner alignment);
 * {@link #wholeFrame()} takes each frame as a face crop already, for data sets that supply their own crops.
 *
 * <p>{@link #cropAll} gives one clip's faces in time order; its default crops every frame on its own, and a
 * pipeline that follows one person through the clip overrides it. Implementations state whether they are
 * thread-safe (those here are); frames are only read and every image returned is new and owned by the caller.
 * Whatever holds native memory is released by {@link #close()}, which is idempotent.
 */
public interface FaceCropper extends AutoCloseable {

    /**
     * The face in one frame, or empty when there is none.
     *
     * @throws EmotionException when the pipeline fails on this frame (not when it finds no face)
     */
    Optional<Image> crop(VideoFrame frame) throws EmotionException;

    /**
     * The faces of a clip's frames in time order (frames without a face give nothing); the default crops each
     * frame with {@link #crop}.
     *
     * @throws EmotionException when the frames cannot be decoded or the pipeline fails
     */
    default List<Image> cropAll(FrameSequence frames) throws EmotionException {
        List<Image> faces = new ArrayList<>();
        frames.forEach(frame -> crop(frame).ifPresent(faces::add));
        return faces;
    }

    /** Releases what the pipeline holds; idempotent. The default does nothing. */
    @Override
    default void close() {
    }

    /**
     * The pipeline for frames that are face crops already (a data set's own crops, decoded by {@link
     * FaceCropFolderDecoder}): every frame, unchanged, as an RGB image. Stateless and thread-safe.
     */
    static FaceCropper wholeFrame() {
        return new FaceCropper() {
            @Override
            public Optional<Image> crop(VideoFrame frame) {
                return Optional.of(Image.fromBgr(frame.width(), frame.height(), frame.copyPixels()));
            }

            @Override
            public String toString() {
                return "FaceCropper.wholeFrame()";
            }
        };
    }
}
