package io.github.emotion4j.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a media file holds: format, duration, the video and audio streams. Durations are measured from the
 * packets' time stamps (the file is read but not decoded). Immutable value.
 *
 * @param source the file
 * @param format FFmpeg's name of the container format (for example {@code mov,mp4,m4a,3gp,3g2,mj2} or {@code wav})
 * @param duration the duration of the longest stream
 * @param video the video stream, if any
 * @param audio the audio stream, if any
 */
public record MediaInfo(Path source, String format, Duration duration, Optional<VideoInfo> video, Optional<AudioInfo> audio) {

    /**
     * A video stream.
     *
     * @param codec FFmpeg's codec name
     * @param width frame width in pixels
     * @param height frame height in pixels
     * @param fps the stream's frame rate (average), 0 when unknown
     * @param duration from the first frame's start to the last frame's end
     */
    public record VideoInfo(String codec, int width, int height, double fps, Duration duration) {
    }

    /**
     * An audio stream.
     *
     * @param codec FFmpeg's codec name
     * @param sampleRate samples per second
     * @param channels number of channels
     * @param duration from the first packet's start to the last packet's end
     */
    public record AudioInfo(String codec, int sampleRate, int channels, Duration duration) {
    }

    /** The number of frames sampling on {@code grid} yields over the video's duration (0 without video). */
    public long gridFrames(FrameGrid grid) {
        return video.map(v -> grid.countWithin(v.duration())).orElse(0L);
    }
}
