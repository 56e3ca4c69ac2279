package io.github.emotion4j.core;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link MediaDecoder}, on FFmpeg 5.0 through JavaCV: any container and codec FFmpeg reads (mp4
 * H.264/AAC, AVI MPEG-4/MP3 as AFEW ships, mkv/webm VP9/Opus, wav, flac, mp3, ...).
 *
 * <p>Audio is decoded in one pass, mixed down to mono as the mean of the channels and resampled to 16 kHz by
 * our own band-limited resampler (Kaiser-windowed sinc, 16 zero crossings, cut-off at 0.97 of the lower
 * Nyquist frequency, about -80 dB stop-band): {@code n} input samples at rate {@code r} become exactly
 * {@code ceil(n * 16000 / r)} output samples; 16 kHz input passes through unchanged. Video is decoded
 * lazily when a branch reads the frames: for each kept instant {@code t} of the requested {@link FrameGrid}s
 * the reader yields the frame a player shows at {@code t} (the last frame whose presentation time is at or
 * before {@code t}), as BGR24. Times are counted from the first video frame. Memory stays bounded: a reader
 * holds two decoded frames at a time.
 *
 * <p>Bad input is refused with a {@link MediaDecodeException} naming the file: missing, not a regular file,
 * empty, unreadable, not a format FFmpeg recognises, a still image, truncated (a stream ends well before the
 * duration its container declares) or without any decodable stream. Files are only read, never written.
 *
 * <p>Uncompressed WAV files (integer or float PCM) are read in Java with the same conversions, mixing and
 * resampling, so they need no native library; every other input goes through FFmpeg.
 *
 * <p>Stateless and thread-safe. Sets FFmpeg's global log level to errors only (FFmpeg's own output would
 * otherwise go to stderr); errors reach the caller as exceptions.
 */
public final class FFmpegMediaDecoder implements MediaDecoder {

    /** The sample rate every audio track is resampled to. */
    public static final int SAMPLE_RATE = 16_000;

    private static final Logger LOG = LoggerFactory.getLogger(FFmpegMediaDecoder.class);

    /**
     * A decoded stream that ends before this fraction of its declared duration, less a margin, is truncated.
     * Generous on purpose: containers declare durations loosely (Matroska rounds up to its last cluster).
     */
    private static final double TRUNCATION_FRACTION = 0.6;
    private static final long TRUNCATION_MARGIN_MICROS = 250_000;

    /** Presentation times within this many microseconds after an instant still count as shown at it. */
    private static final long INSTANT_SLACK_MICROS = 100;

    /** Silences FFmpeg's own logging once, when FFmpeg is first used (not when this class loads). */
    private static final class QuietFFmpeg {
        static {
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        }

        static void ensure() {
            // the static initialiser does the work
        }
    }

    @Override
    public MediaInfo inspect(Path media) throws MediaDecodeException {
        checkFile(media);
        try (Grabber grabber = Grabber.open(media, false)) {
            return grabber.info();
        }
    }

    @Override
    public MediaClip decode(Path media, MediaRequest request) throws MediaDecodeException {
        checkFile(media);
        if (request.wantsAudio()) {
            AudioTrack wav = PcmWav.read(media);
            if (wav != null) {
                LOG.debug("decoded {} in Java (uncompressed WAV): {}", media, wav);
                return new SimpleMediaClip(media, wav.duration(), wav, null);
            }
        }
        MediaInfo info = inspect(media);
        AudioTrack audio = null;
        if (request.wantsAudio() && info.audio().isPresent()) {
            audio = decodeAudio(media);
        }
        FrameSequence frames = null;
        if (request.wantsFrames() && info.video().isPresent()) {
            frames = new FFmpegFrameSequence(media, request.grids());
        }
        if (info.audio().isPresent() && request.wantsAudio() && audio == null && info.video().isEmpty()) {
            throw new MediaDecodeException(media, "its audio stream holds no decodable samples");
        }
        Duration duration = info.duration();
        if (audio != null && audio.duration().compareTo(duration) > 0) {
            duration = audio.duration();
        }
        LOG.debug("decoded {}: {}, audio {}, frames {}", media, duration, audio, request.grids());
        return new SimpleMediaClip(media, duration, audio, frames);
    }

    /** Decodes the whole audio track as 16 kHz mono float PCM; null when it holds no samples. */
    AudioTrack decodeAudio(Path media) throws MediaDecodeException {
        try (Grabber grabber = Grabber.open(media, true)) {
            int inputRate = grabber.delegate.getSampleRate();
            if (inputRate <= 0) {
                throw new MediaDecodeException(media, "its audio stream declares no sample rate");
            }
            long declared = grabber.audioDeclaredMicros();
            SincResampler resampler = inputRate == SAMPLE_RATE ? null : new SincResampler(inputRate, SAMPLE_RATE);
            FloatArray direct = new FloatArray();
            long inputSamples = 0;
            float[] chunk = new float[0];
            for (Frame frame = grabber.grabSamples(); frame != null; frame = grabber.grabSamples()) {
                chunk = mixToMono(frame, chunk);
                int count = monoLength(frame);
                inputSamples += count;
                if (resampler == null) {
                    direct.addAll(chunk, count);
                } else {
                    resampler.push(chunk, count);
                }
            }
            if (inputSamples == 0) {
                return null;
            }
            checkNotTruncated(media, "audio", Math.round(inputSamples * 1e6 / inputRate), declared);
            float[] samples = resampler == null ? direct.toArray() : resampler.finish();
            return AudioTrack.wrap(SAMPLE_RATE, samples);
        }
    }

    /** Samples per channel in an audio frame. */
    private static int monoLength(Frame frame) {
        if (frame.samples == null || frame.samples.length == 0) {
            return 0;
        }
        int channels = Math.max(1, frame.audioChannels);
        return frame.samples.length > 1 ? frame.samples[0].remaining() : frame.samples[0].remaining() / channels;
    }

    /** The frame's samples mixed to mono (mean of the channels) into {@code buffer}, grown when needed. */
    private static float[] mixToMono(Frame frame, float[] buffer) {
        int n = monoLength(frame);
        float[] out = buffer.length >= n ? buffer : new float[n];
        if (n == 0) {
            return out;
        }
        Buffer[] planes = frame.samples;
        if (planes.length > 1) {
            Arrays.fill(out, 0, n, 0f);
            for (Buffer plane : planes) {
                FloatBuffer b = (FloatBuffer) plane;
                int base = b.position();
                for (int i = 0; i < n; i++) {
                    out[i] += b.get(base + i);
                }
            }
            for (int i = 0; i < n; i++) {
                out[i] /= planes.length;
            }
        } else {
            int channels = Math.max(1, frame.audioChannels);
            FloatBuffer b = (FloatBuffer) planes[0];
            int base = b.position();
            for (int i = 0; i < n; i++) {
                float sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += b.get(base + i * channels + c);
                }
                out[i] = sum / channels;
            }
        }
        return out;
    }

    private static void checkNotTruncated(Path media, String stream, long decodedMicros, long declaredMicros)
            throws MediaDecodeException {
        if (declaredMicros > 0 && decodedMicros < declaredMicros * TRUNCATION_FRACTION - TRUNCATION_MARGIN_MICROS) {
            throw new MediaDecodeException(media, String.format(Locale.ROOT,
                    "truncated or damaged: the %s stream ends at %.3f s but the file declares %.3f s",
                    stream, decodedMicros / 1e6, declaredMicros / 1e6));
        }
    }

    private static void checkFile(Path media) throws MediaDecodeException {
        if (media == null) {
            throw new IllegalArgumentException("media path is null");
        }
        if (!Files.exists(media)) {
            throw new MediaDecodeException(media, "no such file");
        }
        if (Files.isDirectory(media)) {
            throw new MediaDecodeException(media, "is a directory, not a media file");
        }
        if (!Files.isRegularFile(media)) {
            throw new MediaDecodeException(media, "is not a regular file (device, pipe or socket)");
        }
        if (!Files.isReadable(media)) {
            throw new MediaDecodeException(media, "is not readable (permissions)");
        }
        try {
            if (Files.size(media) == 0) {
                throw new MediaDecodeException(media, "is empty (0 bytes)");
            }
        } catch (IOException e) {
            throw new MediaDecodeException(media, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Lazily decoded frames of one file; each {@link #open()} decodes again from the start. */
    private static final class FFmpegFrameSequence implements FrameSequence {
        private final Path media;
        private final Set<FrameGrid> grids;

        FFmpegFrameSequence(Path media, Set<FrameGrid> grids) {
            this.media = media;
            this.grids = Set.copyOf(grids);
        }

        @Override
        public Set<FrameGrid> grids() {
            return grids;
        }

        @Override
        public FrameReader open() throws MediaDecodeException {
            return new FFmpegFrameReader(media, grids);
        }
    }

    /**
     * Walks the merged instants of several grids and the decoded frames together, yielding the frame shown at
     * each instant. Holds the frame on screen and the one after it.
     */
    private static final class FFmpegFrameReader implements FrameReader {
        private final Path media;
        private final Grabber grabber;
        private final List<FrameGrid> grids;
        private final long[] nextIndex;
        private final long declaredMicros;
        private final long nominalFrameMicros;

        private long firstMicros = Long.MIN_VALUE;
        private DecodedFrame shown;
        private DecodedFrame upcoming;
        private boolean sourceExhausted;
        private long lastGapMicros;
        private boolean closed;

        FFmpegFrameReader(Path media, Set<FrameGrid> grids) throws MediaDecodeException {
            this.media = media;
            this.grids = new ArrayList<>(grids);
            this.nextIndex = new long[grids.size()];
            this.grabber = Grabber.open(media, false);
            this.declaredMicros = grabber.videoDeclaredMicros();
            double fps = grabber.delegate.getVideoFrameRate();
            this.nominalFrameMicros = fps > 0 && Double.isFinite(fps) ? Math.round(1e6 / fps) : 0;
        }

        @Override
        public Optional<VideoFrame> next() throws MediaDecodeException {
            if (closed) {
                return Optional.empty();
            }
            if (shown == null) {
                shown = grabNext();
                if (shown == null) {
                    close();
                    throw new MediaDecodeException(media, "the video stream holds no decodable frame");
                }
                upcoming = grabNext();
            }
            long instant = nextInstant();
            while (upcoming != null && upcoming.micros <= instant + INSTANT_SLACK_MICROS) {
                lastGapMicros = upcoming.micros - shown.micros;
                shown = upcoming;
                upcoming = grabNext();
            }
            if (upcoming == null && instant >= endOfVideoMicros()) {
                checkNotTruncated(media, "video", endOfVideoMicros(), declaredMicros);
                close();
                return Optional.empty();
            }
            advancePast(instant);
            return Optional.of(new VideoFrame(instant, shown.micros, shown.width, shown.height, shown.bgr.clone()));
        }

        private long endOfVideoMicros() {
            long frameMicros = nominalFrameMicros > 0 ? nominalFrameMicros : lastGapMicros;
            return shown.micros + frameMicros;
        }

        private long nextInstant() {
            long best = Long.MAX_VALUE;
            for (int g = 0; g < grids.size(); g++) {
                best = Math.min(best, grids.get(g).instantMicros(nextIndex[g]));
            }
            return best;
        }

        private void advancePast(long instant) {
            for (int g = 0; g < grids.size(); g++) {
                while (grids.get(g).instantMicros(nextIndex[g]) <= instant) {
                    nextIndex[g]++;
                }
            }
        }

        private DecodedFrame grabNext() throws MediaDecodeException {
            if (sourceExhausted) {
                return null;
            }
            Frame frame = grabber.grabImage();
            if (frame == null || frame.image == null) {
                sourceExhausted = true;
                return null;
            }
            if (firstMicros == Long.MIN_VALUE) {
                firstMicros = frame.timestamp;
            }
            return DecodedFrame.copyOf(frame, frame.timestamp - firstMicros);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                grabber.close();
            }
        }
    }

    /** A decoded frame's BGR pixels, copied out of the grabber's reused buffer, with its time. */
    private record DecodedFrame(long micros, int width, int height, byte[] bgr) {
        static DecodedFrame copyOf(Frame frame, long micros) {
            int w = frame.imageWidth;
            int h = frame.imageHeight;
            int rowBytes = w * 3;
            ByteBuffer src = (ByteBuffer) frame.image[0];
            byte[] bgr = new byte[rowBytes * h];
            int base = src.position();
            for (int y = 0; y < h; y++) {
                src.get(base + y * frame.imageStride, bgr, y * rowBytes, rowBytes);
            }
            return new DecodedFrame(micros, w, h, bgr);
        }
    }

    /** The time span a stream's packets cover, in microseconds. */
    private static final class StreamSpan {
        private long first = Long.MAX_VALUE;
        private long end = Long.MIN_VALUE;

        void add(long start, long length) {
            first = Math.min(first, start);
            end = Math.max(end, start + length);
        }

        Duration duration() {
            return first == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos((end - first) * 1000);
        }
    }

    /** A growable float array. */
    private static final class FloatArray {
        private float[] data = new float[1 << 16];
        private int size;

        void addAll(float[] values, int count) {
            if (size + count > data.length) {
                data = Arrays.copyOf(data, Math.max(size + count, data.length * 2));
            }
            System.arraycopy(values, 0, data, size, count);
            size += count;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /** One opened FFmpeg grabber with our error handling; closing releases its native memory. */
    private static final class Grabber implements AutoCloseable {
        private static final Set<String> STILL_IMAGE_FORMATS = new TreeSet<>(List.of(
                "image2", "image2pipe", "mjpeg", "apng", "tiff", "bmp", "webp"));

        private final Path media;
        private final FFmpegFrameGrabber delegate;

        private Grabber(Path media, FFmpegFrameGrabber delegate) {
            this.media = media;
            this.delegate = delegate;
        }

        static Grabber open(Path media, boolean audioAsFloat) throws MediaDecodeException {
            QuietFFmpeg.ensure();
            FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(media.toFile());
            if (audioAsFloat) {
                grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            }
            try {
                grabber.start();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                closeQuietly(grabber);
                throw new MediaDecodeException(media, "not a media file FFmpeg can read (" + e.getMessage() + ")", e);
            }
            Grabber opened = new Grabber(media, grabber);
            String format = String.valueOf(grabber.getFormat());
            if (format.endsWith("_pipe") || STILL_IMAGE_FORMATS.contains(format)) {
                opened.close();
                throw new MediaDecodeException(media, "is a still image (" + format + "), not a video or audio clip");
            }
            if (!grabber.hasVideo() && !grabber.hasAudio()) {
                opened.close();
                throw new MediaDecodeException(media, "holds neither a video nor an audio stream (" + format + ")");
            }
            if (grabber.getFormatContext().probe_score() <= avformat.AVPROBE_SCORE_EXTENSION) {
                opened.close();
                throw new MediaDecodeException(media, "is not recognisable media: FFmpeg guessed '" + format
                        + "' from the file name alone");
            }
            if ("wav".equals(format)) {
                try {
                    PcmWav.checkComplete(media);
                } catch (MediaDecodeException e) {
                    opened.close();
                    throw e;
                }
            }
            return opened;
        }

        Frame grabSamples() throws MediaDecodeException {
            try {
                return delegate.grabSamples();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                throw new MediaDecodeException(media, "audio cannot be decoded (" + e.getMessage() + ")", e);
            }
        }

        Frame grabImage() throws MediaDecodeException {
            try {
                return delegate.grabImage();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                throw new MediaDecodeException(media, "video cannot be decoded (" + e.getMessage() + ")", e);
            }
        }

        /**
         * What the file holds. Stream durations come from reading every packet's time stamps (demuxing only,
         * no decoding: fast), because containers' declared durations are often loose.
         */
        MediaInfo info() throws MediaDecodeException {
            AVFormatContext context = delegate.getFormatContext();
            int videoIndex = delegate.hasVideo() ? index(avutil.AVMEDIA_TYPE_VIDEO) : -1;
            int audioIndex = delegate.hasAudio() ? index(avutil.AVMEDIA_TYPE_AUDIO) : -1;
            StreamSpan videoSpan = new StreamSpan();
            StreamSpan audioSpan = new StreamSpan();
            double fps = finiteOrZero(delegate.getVideoFrameRate());
            long nominalFrameMicros = fps > 0 ? Math.round(1e6 / fps) : 0;
            try {
                for (AVPacket packet = delegate.grabPacket(); packet != null; packet = delegate.grabPacket()) {
                    int index = packet.stream_index();
                    if (index != videoIndex && index != audioIndex) {
                        continue;
                    }
                    AVStream stream = context.streams(index);
                    long pts = packet.pts() != avutil.AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                    if (pts == avutil.AV_NOPTS_VALUE) {
                        continue;
                    }
                    double unit = 1e6 * stream.time_base().num() / stream.time_base().den();
                    long start = Math.round(pts * unit);
                    long length = Math.round(Math.max(0, packet.duration()) * unit);
                    if (index == videoIndex) {
                        videoSpan.add(start, length > 0 ? length : nominalFrameMicros);
                    } else {
                        audioSpan.add(start, length);
                    }
                }
            } catch (FrameGrabber.Exception | RuntimeException e) {
                throw new MediaDecodeException(media, "cannot be read to its end (" + e.getMessage() + ")", e);
            }
            Optional<MediaInfo.VideoInfo> video = Optional.empty();
            if (videoIndex >= 0) {
                video = Optional.of(new MediaInfo.VideoInfo(codecName(delegate.getVideoCodec()), delegate.getImageWidth(),
                        delegate.getImageHeight(), fps, videoSpan.duration()));
            }
            Optional<MediaInfo.AudioInfo> audio = Optional.empty();
            if (audioIndex >= 0) {
                audio = Optional.of(new MediaInfo.AudioInfo(codecName(delegate.getAudioCodec()), delegate.getSampleRate(),
                        delegate.getAudioChannels(), audioSpan.duration()));
            }
            Duration longest = videoSpan.duration().compareTo(audioSpan.duration()) >= 0 ? videoSpan.duration() : audioSpan.duration();
            return new MediaInfo(media, String.valueOf(delegate.getFormat()), longest, video, audio);
        }

        private int index(int mediaType) {
            AVFormatContext context = delegate.getFormatContext();
            for (int i = 0; i < context.nb_streams(); i++) {
                if (context.streams(i).codecpar().codec_type() == mediaType) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * The audio stream's declared duration (its own, else the container's unless merely estimated from the
         * bit rate), capped by the video's when there is video; 0 when unknown.
         */
        long audioDeclaredMicros() {
            long declared = streamDeclaredMicros(avutil.AVMEDIA_TYPE_AUDIO);
            long video = delegate.hasVideo() ? videoDeclaredMicros() : 0;
            return video > 0 && declared > 0 ? Math.min(declared, video) : declared;
        }

        /** The video stream's declared duration: its frame count over its rate when the header has both. */
        long videoDeclaredMicros() {
            AVStream stream = stream(avutil.AVMEDIA_TYPE_VIDEO);
            double fps = delegate.getVideoFrameRate();
            if (stream != null && stream.nb_frames() > 0 && fps > 0 && Double.isFinite(fps)) {
                return Math.round(stream.nb_frames() * 1e6 / fps);
            }
            return streamDeclaredMicros(avutil.AVMEDIA_TYPE_VIDEO);
        }

        private long streamDeclaredMicros(int mediaType) {
            AVStream stream = stream(mediaType);
            if (stream != null && stream.duration() > 0) {
                return Math.round(stream.duration() * 1e6 * stream.time_base().num() / stream.time_base().den());
            }
            AVFormatContext context = delegate.getFormatContext();
            boolean estimatedFromBitrate = context.duration_estimation_method() == avformat.AVFMT_DURATION_FROM_BITRATE;
            return estimatedFromBitrate ? 0 : Math.max(0, delegate.getLengthInTime());
        }

        private AVStream stream(int mediaType) {
            AVFormatContext context = delegate.getFormatContext();
            for (int i = 0; i < context.nb_streams(); i++) {
                AVStream stream = context.streams(i);
                if (stream.codecpar().codec_type() == mediaType) {
                    return stream;
                }
            }
            return null;
        }

        private static String codecName(int codecId) {
            return avcodec.avcodec_get_name(codecId).getString();
        }

        private static double finiteOrZero(double value) {
            return Double.isFinite(value) && value > 0 ? value : 0;
        }

        @Override
        public void close() {
            closeQuietly(delegate);
        }

        private static void closeQuietly(FFmpegFrameGrabber grabber) {
            try {
                grabber.close();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                LOG.debug("closing FFmpeg grabber failed", e);
            }
        }
    }
}
