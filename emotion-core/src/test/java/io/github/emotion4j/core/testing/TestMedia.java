package io.github.emotion4j.core.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes media files for tests with JavaCV's FFmpeg recorder: video whose frame {@code i} shows its index in
 * bright and dark blocks ({@link #frameIndexOf}, so a test can tell which source frame it got back, even through
 * lossy codecs),
 * and audio holding a sine tone. Part of the published test-jar so that other modules' tests can make clips.
 */
public final class TestMedia {

    /** A container with its video and audio codecs. */
    public enum Container {
        MP4_H264_AAC("mp4", "mp4", "libopenh264", avcodec.AV_CODEC_ID_AAC, 44_100),
        AVI_MPEG4_MP3("avi", "avi", "mpeg4", avcodec.AV_CODEC_ID_MP3, 44_100),
        MKV_VP9_OPUS("mkv", "matroska", "libvpx-vp9", avcodec.AV_CODEC_ID_OPUS, 48_000),
        WEBM_VP9_OPUS("webm", "webm", "libvpx-vp9", avcodec.AV_CODEC_ID_OPUS, 48_000);

        final String extension;
        final String format;
        final String videoCodecName;
        final int audioCodec;
        final int sampleRate;

        Container(String extension, String format, String videoCodecName, int audioCodec, int sampleRate) {
            this.extension = extension;
            this.format = format;
            this.videoCodecName = videoCodecName;
            this.audioCodec = audioCodec;
            this.sampleRate = sampleRate;
        }

        public String extension() {
            return extension;
        }

        public int sampleRate() {
            return sampleRate;
        }
    }

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR); // FFmpeg's muxers would describe every file on stderr
    }

    private TestMedia() {
    }

    /**
     * The source frame index drawn into a decoded BGR frame by {@link #writeVideo}: the top half holds 8 blocks,
     * bright for a 1 bit and dark for a 0 bit, most significant first; robust to lossy codecs.
     */
    public static int frameIndexOf(byte[] bgr, int width, int height) {
        int index = 0;
        int blockWidth = width / 8;
        for (int bit = 0; bit < 8; bit++) {
            double sum = 0;
            int count = 0;
            for (int y = height / 8; y < height / 2 - height / 8; y++) {
                for (int x = bit * blockWidth + blockWidth / 4; x < (bit + 1) * blockWidth - blockWidth / 4; x++) {
                    sum += bgr[(y * width + x) * 3 + 1] & 0xff;
                    count++;
                }
            }
            index = index * 2 + (sum / count > 120 ? 1 : 0);
        }
        return index;
    }

    /**
     * Writes a clip of {@code frames} flat frames at {@code fps} and, when {@code toneHz > 0}, a sine tone of
     * amplitude 0.5 for the same duration in {@code channels} channels.
     */
    public static Path writeVideo(Path file, Container container, int width, int height, double fps, int frames,
            double toneHz, int channels) throws IOException {
        boolean withAudio = toneHz > 0;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, withAudio ? channels : 0)) {
            recorder.setFormat(container.format);
            recorder.setVideoCodecName(container.videoCodecName);
            recorder.setFrameRate(fps);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setVideoQuality(10);
            recorder.setGopSize(12);
            if (withAudio) {
                recorder.setAudioCodec(container.audioCodec);
                recorder.setSampleRate(container.sampleRate);
                recorder.setAudioChannels(channels);
                recorder.setAudioBitrate(128_000);
            }
            recorder.start();
            double seconds = frames / fps;
            int totalSamples = (int) Math.round(seconds * container.sampleRate);
            int written = 0;
            for (int i = 0; i < frames; i++) {
                recorder.record(indexFrame(width, height, i));
                if (withAudio) {
                    int until = (int) Math.min(totalSamples, Math.round((i + 1) / fps * container.sampleRate));
                    recorder.recordSamples(container.sampleRate, channels, tone(written, until - written, toneHz,
                            container.sampleRate, channels));
                    written = until;
                }
            }
            recorder.stop();
        }
        return file;
    }

    /**
     * Writes a clip of flat gray frames of one {@code level} (0..255) at 25 fps and a sine tone of {@code toneHz}
     * (no audio when 0), {@code seconds} long: a synthetic clip whose picture and sound each carry a value.
     */
    public static Path writeFlatClip(Path file, Container container, int level, double toneHz, double seconds) throws IOException {
        int frames = (int) Math.round(seconds * 25);
        boolean withAudio = toneHz > 0;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 64, 48, withAudio ? 1 : 0)) {
            recorder.setFormat(container.format);
            recorder.setVideoCodecName(container.videoCodecName);
            recorder.setFrameRate(25);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            if (withAudio) {
                recorder.setAudioCodec(container.audioCodec);
                recorder.setSampleRate(container.sampleRate);
                recorder.setAudioChannels(1);
                recorder.setAudioBitrate(64_000);
            }
            recorder.start();
            Frame frame = new Frame(64, 48, Frame.DEPTH_UBYTE, 3);
            ByteBuffer pixels = (ByteBuffer) frame.image[0];
            for (int i = 0; i < pixels.capacity(); i++) {
                pixels.put(i, (byte) level);
            }
            int written = 0;
            int total = (int) Math.round(seconds * container.sampleRate);
            for (int i = 0; i < frames; i++) {
                recorder.record(frame);
                if (withAudio) {
                    int until = (int) Math.min(total, Math.round((i + 1) / 25.0 * container.sampleRate));
                    recorder.recordSamples(container.sampleRate, 1, tone(written, until - written, toneHz, container.sampleRate, 1));
                    written = until;
                }
            }
            recorder.stop();
        }
        return file;
    }

    /** Draws frame {@code index} of a clip into {@code bgr} (width·height·3 bytes, B G R per pixel). */
    @FunctionalInterface
    public interface FramePainter {
        void paint(int index, byte[] bgr);
    }

    /** Writes a clip of {@code frames} frames painted by {@code painter} at {@code fps}, with a tone when toneHz > 0. */
    public static Path writeFrames(Path file, Container container, int width, int height, double fps, int frames,
            FramePainter painter, double toneHz) throws IOException {
        boolean withAudio = toneHz > 0;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, withAudio ? 1 : 0)) {
            recorder.setFormat(container.format);
            recorder.setVideoCodecName(container.videoCodecName);
            recorder.setFrameRate(fps);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setVideoBitrate(800_000);
            if (withAudio) {
                recorder.setAudioCodec(container.audioCodec);
                recorder.setSampleRate(container.sampleRate);
                recorder.setAudioChannels(1);
            }
            recorder.start();
            byte[] bgr = new byte[width * height * 3];
            int written = 0;
            int total = (int) Math.round(frames / fps * container.sampleRate);
            for (int i = 0; i < frames; i++) {
                java.util.Arrays.fill(bgr, (byte) 0);
                painter.paint(i, bgr);
                Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
                ByteBuffer pixels = (ByteBuffer) frame.image[0];
                for (int row = 0; row < height; row++) {
                    pixels.position(row * frame.imageStride);
                    pixels.put(bgr, row * width * 3, width * 3);
                }
                pixels.position(0);
                recorder.record(frame);
                if (withAudio) {
                    int until = (int) Math.min(total, Math.round((i + 1) / fps * container.sampleRate));
                    recorder.recordSamples(container.sampleRate, 1, tone(written, until - written, toneHz, container.sampleRate, 1));
                    written = until;
                }
            }
            recorder.stop();
        }
        return file;
    }

    /** Writes an audio-only file (wav, flac or mp3, by the file's extension) holding a sine tone. */
    public static Path writeTone(Path file, int sampleRate, int channels, double seconds, double toneHz) throws IOException {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        int codec = switch (extension) {
            case "wav" -> avcodec.AV_CODEC_ID_PCM_S16LE;
            case "flac" -> avcodec.AV_CODEC_ID_FLAC;
            case "mp3" -> avcodec.AV_CODEC_ID_MP3;
            default -> throw new IllegalArgumentException("unsupported audio extension " + extension);
        };
        int samples = (int) Math.round(seconds * sampleRate);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), channels)) {
            recorder.setFormat(extension);
            recorder.setAudioCodec(codec);
            recorder.setSampleRate(sampleRate);
            recorder.setAudioChannels(channels);
            recorder.start();
            int chunk = 4096;
            for (int at = 0; at < samples; at += chunk) {
                recorder.recordSamples(sampleRate, channels, tone(at, Math.min(chunk, samples - at), toneHz, sampleRate, channels));
            }
            recorder.stop();
        }
        return file;
    }

    /** Writes mono 16-bit PCM samples (values in [-1, 1]) to a wav file. */
    public static Path writeWav(Path file, int sampleRate, float[] samples) throws IOException {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat("wav");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
            recorder.setSampleRate(sampleRate);
            recorder.setAudioChannels(1);
            recorder.start();
            short[] pcm = new short[samples.length];
            for (int i = 0; i < samples.length; i++) {
                pcm[i] = (short) Math.round(Math.max(-1, Math.min(1, samples[i])) * 32767);
            }
            recorder.recordSamples(sampleRate, 1, ShortBuffer.wrap(pcm));
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException(e);
        }
        return file;
    }

    private static ShortBuffer tone(int firstSample, int count, double hz, int sampleRate, int channels) {
        short[] data = new short[Math.max(0, count) * channels];
        for (int i = 0; i < count; i++) {
            short v = (short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * hz * (firstSample + i) / sampleRate));
            for (int c = 0; c < channels; c++) {
                data[i * channels + c] = v;
            }
        }
        return ShortBuffer.wrap(data);
    }

    private static Frame indexFrame(int width, int height, int index) {
        Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int blockWidth = width / 8;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int bit = x / blockWidth;
                boolean on = y < height / 2 && bit < 8 && ((index >> (7 - bit)) & 1) == 1;
                byte value = (byte) (on ? 210 : 40);
                for (int c = 0; c < 3; c++) {
                    pixels.put(y * frame.imageStride + x * 3 + c, value);
                }
            }
        }
        return frame;
    }
}
