package io.github.emotion4j.examples;

import io.github.emotion4j.core.AudioTrack;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Writes an MP4 (H.264 through OpenH264, mono AAC) from frames made on demand and a mono audio track, the
 * samples interleaved with the frames they belong to: how the demo clip and the composed audio-visual pairs are
 * made. Stateless.
 */
final class TalkingClip {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR); // the muxer would otherwise describe every file on stderr
    }

    private TalkingClip() {
    }

    /**
     * @param frameAt the frame shown at index {@code i} (time {@code i / fps}); each is recorded before the next is made
     * @throws IOException when FFmpeg cannot write {@code target} (it names the file)
     */
    static void write(Path target, int width, int height, double fps, int frames, IntFunction<Frame> frameAt, AudioTrack audio,
            int videoBitrate, int audioBitrate) throws IOException {
        float[] samples = audio.samples();
        int rate = audio.sampleRate();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), width, height, 1)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libopenh264");
            recorder.setVideoBitrate(videoBitrate);
            recorder.setFrameRate(fps);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(rate);
            recorder.setAudioChannels(1);
            recorder.setAudioBitrate(audioBitrate);
            recorder.start();
            int written = 0;
            for (int i = 0; i < frames; i++) {
                recorder.record(frameAt.apply(i));
                int until = (int) Math.min(samples.length, Math.round((i + 1) / fps * rate));
                if (until > written) {
                    recorder.recordSamples(rate, 1, FloatBuffer.wrap(Arrays.copyOfRange(samples, written, until)));
                    written = until;
                }
            }
            recorder.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException(target + ": " + e.getMessage(), e);
        }
    }
}
