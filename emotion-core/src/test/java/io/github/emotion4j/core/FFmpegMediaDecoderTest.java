package io.github.emotion4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.testing.TestMedia;
import io.github.emotion4j.core.testing.TestMedia.Container;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FFmpegMediaDecoderTest {

    private static final FrameGrid PAPER = FrameGrid.PAPER;

    private final FFmpegMediaDecoder decoder = new FFmpegMediaDecoder();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"MP4_H264_AAC", "MKV_VP9_OPUS", "WEBM_VP9_OPUS"})
    void samplesThe60FpsGridEvery8thInstantShowingTheFrameOnScreen(Container container) throws Exception {
        Path clip = TestMedia.writeVideo(dir.resolve("clip." + container.extension()), container, 64, 48, 25, 50, 440, 2);

        List<VideoFrame> frames = readAll(decoder.decode(clip, MediaRequest.frames(PAPER)));

        // 2.0 s of video: instants k * 8/60 s for k = 0..14
        assertEquals(15, frames.size());
        for (int k = 0; k < frames.size(); k++) {
            VideoFrame frame = frames.get(k);
            long instant = Math.round(k * 8 * 1e6 / 60);
            assertEquals(instant, frame.timeMicros(), "instant of sample " + k);
            int expectedSourceFrame = (int) Math.floor(instant * 25 / 1e6 + 1e-9);
            assertEquals(expectedSourceFrame, TestMedia.frameIndexOf(frame.copyPixels(), 64, 48), "frame shown at " + instant + " us");
            assertEquals(expectedSourceFrame * 40_000L, frame.sourceTimeMicros(), 1000);
            assertEquals(64, frame.width());
            assertEquals(48, frame.height());
        }
    }

    @Test
    void aSixtyFpsClipYieldsEveryEighthSourceFrame() throws Exception {
        Path clip = TestMedia.writeVideo(dir.resolve("sixty.mp4"), Container.MP4_H264_AAC, 64, 48, 60, 120, 0, 1);

        List<VideoFrame> frames = readAll(decoder.decode(clip, MediaRequest.frames(PAPER)));

        assertEquals(15, frames.size());
        for (int k = 0; k < frames.size(); k++) {
            assertEquals((8 * k) % 256, TestMedia.frameIndexOf(frames.get(k).copyPixels(), 64, 48));
        }
    }

    @Test
    void aviFromMpeg4AndMp3DecodesOnTheGrid() throws Exception {
        Path clip = TestMedia.writeVideo(dir.resolve("afew.avi"), Container.AVI_MPEG4_MP3, 64, 48, 25, 50, 440, 2);

        MediaInfo info = decoder.inspect(clip);
        MediaClip decoded = decoder.decode(clip, MediaRequest.audio().and(MediaRequest.frames(PAPER)));
        List<VideoFrame> frames = readAll(decoded);

        assertEquals(info.gridFrames(PAPER), frames.size());
        for (int k = 0; k < frames.size(); k++) {
            assertEquals(Math.round(k * 8 * 1e6 / 60), frames.get(k).timeMicros());
            assertTrue(frames.get(k).sourceTimeMicros() <= frames.get(k).timeMicros() + 100);
        }
        assertEquals(440, dominantFrequency(decoded.audio().orElseThrow()), 3);
    }

    @ParameterizedTest
    @EnumSource(value = Container.class)
    void audioOfEveryContainerIs16kMonoWithTheToneKept(Container container) throws Exception {
        Path clip = TestMedia.writeVideo(dir.resolve("tone." + container.extension()), container, 64, 48, 25, 75, 440, 2);

        AudioTrack audio = decoder.decode(clip, MediaRequest.audio()).audio().orElseThrow();

        assertEquals(16_000, audio.sampleRate());
        assertEquals(3.0, audio.length() / 16_000.0, 0.1);
        assertEquals(440, dominantFrequency(audio), 3);
    }

    @ParameterizedTest
    @CsvSource({"8000", "16000", "44100", "48000"})
    void stereoWavAtAnyRateBecomesExactly16kMono(int rate) throws Exception {
        Path wav = TestMedia.writeTone(dir.resolve("tone" + rate + ".wav"), rate, 2, 1.5, 1000);

        AudioTrack audio = decoder.decode(wav, MediaRequest.audio()).audio().orElseThrow();

        assertEquals(16_000, audio.sampleRate());
        assertEquals(24_000, audio.length(), "ceil(n * 16000 / rate) samples");
        assertEquals(1000, dominantFrequency(audio), 2);
        float[] samples = audio.samples();
        float peak = 0;
        for (int i = 2000; i < samples.length - 2000; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        assertEquals(0.5, peak, 0.01, "amplitude kept through mixing and resampling");
    }

    @Test
    void sixteenKilohertzAudioPassesThroughUnchanged() throws Exception {
        float[] samples = new float[8000];
        Random random = new Random(3);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Math.round((random.nextFloat() - 0.5f) * 32767) / 32767f;
        }
        Path wav = TestMedia.writeWav(dir.resolve("noise.wav"), 16_000, samples);

        float[] decoded = decoder.decode(wav, MediaRequest.audio()).audio().orElseThrow().samples();

        assertEquals(samples.length, decoded.length);
        for (int i = 0; i < samples.length; i++) {
            assertEquals(samples[i], decoded[i], 1.0 / 32767);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"flac", "mp3"})
    void compressedAudioFilesDecode(String extension) throws Exception {
        Path file = TestMedia.writeTone(dir.resolve("tone." + extension), 44_100, 2, 2.0, 440);

        MediaInfo info = decoder.inspect(file);
        AudioTrack audio = decoder.decode(file, MediaRequest.audio().and(MediaRequest.frames(PAPER))).audio().orElseThrow();

        assertTrue(info.video().isEmpty());
        assertEquals(44_100, info.audio().orElseThrow().sampleRate());
        assertEquals(2, info.audio().orElseThrow().channels());
        assertEquals(440, dominantFrequency(audio), 3);
        // JavaCV's recorder drops the encoder's last partial frame: up to ~0.15 s of the 2 s written
        assertEquals(2.0, audio.length() / 16_000.0, 0.15);
    }

    @Test
    void videoWithoutAudioHasFramesAndNoAudio() throws Exception {
        Path clip = TestMedia.writeVideo(dir.resolve("silent.mp4"), Container.MP4_H264_AAC, 64, 48, 30, 60, 0, 1);

        MediaClip decoded = decoder.decode(clip, MediaRequest.audio().and(MediaRequest.frames(PAPER)));

        assertTrue(decoded.audio().isEmpty());
        assertEquals(15, readAll(decoded).size());
        assertTrue(decoder.inspect(clip).audio().isEmpty());
    }

    @Test
    void onlyWhatWasRequestedIsDecoded() throws Exception {
        Path clip = TestMedia.writeVideo(dir.resolve("both.mp4"), Container.MP4_H264_AAC, 64, 48, 25, 25, 440, 1);

        assertTrue(decoder.decode(clip, MediaRequest.audio()).frames().isEmpty());
        assertTrue(decoder.decode(clip, MediaRequest.frames(PAPER)).audio().isEmpty());
    }

    @Test
    void inspectReportsStreamsAndGridFrameCount() throws Exception {
        Path clip = TestMedia.writeVideo(dir.resolve("info.mkv"), Container.MKV_VP9_OPUS, 96, 64, 25, 100, 440, 2);

        MediaInfo info = decoder.inspect(clip);

        assertEquals(96, info.video().orElseThrow().width());
        assertEquals(64, info.video().orElseThrow().height());
        assertEquals(25, info.video().orElseThrow().fps(), 1e-6);
        assertEquals(48_000, info.audio().orElseThrow().sampleRate());
        assertEquals(2, info.audio().orElseThrow().channels());
        assertEquals(Duration.ofSeconds(4), info.video().orElseThrow().duration());
        assertEquals(30, info.gridFrames(PAPER));
        assertEquals(30, readAll(decoder.decode(clip, MediaRequest.frames(PAPER))).size());
    }

    @Test
    void severalGridsAreMergedIntoOnePass() throws Exception {
        Path clip = TestMedia.writeVideo(dir.resolve("grids.mp4"), Container.MP4_H264_AAC, 64, 48, 60, 60, 0, 1);

        MediaRequest request = MediaRequest.frames(60, 8).and(MediaRequest.frames(60, 12));
        List<VideoFrame> frames = readAll(decoder.decode(clip, request));

        // union of multiples of 8 and 12 below 60: 0 8 12 16 24 32 36 40 48 56
        long[] expected = {0, 8, 12, 16, 24, 32, 36, 40, 48, 56};
        assertArrayEquals(expected, frames.stream().mapToLong(f -> Math.round(f.timeMicros() * 60 / 1e6)).toArray());
    }

    @Test
    void framesCanBeReadAgainFromADecodedClip() throws Exception {
        Path clip = TestMedia.writeVideo(dir.resolve("again.mp4"), Container.MP4_H264_AAC, 64, 48, 25, 25, 0, 1);
        MediaClip decoded = decoder.decode(clip, MediaRequest.frames(PAPER));

        assertEquals(readAll(decoded).size(), readAll(decoded).size());
    }

    // ---- bad input -------------------------------------------------------------------------------------------

    @Test
    void missingFile() {
        assertRefused(dir.resolve("nope.mp4"), "no such file");
    }

    @Test
    void directory() {
        assertRefused(dir, "directory");
    }

    @Test
    void emptyFile() throws IOException {
        assertRefused(Files.createFile(dir.resolve("empty.mp4")), "empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"random.mp4", "random.bin", "random.wav", "random"})
    void randomBytes(String name) throws IOException {
        byte[] bytes = new byte[200_000];
        new Random(name.hashCode()).nextBytes(bytes);
        assertRefused(Files.write(dir.resolve(name), bytes), "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4", "mkv", "webm"})
    void truncatedVideo(String extension) throws Exception {
        Container container = Arrays.stream(Container.values()).filter(c -> c.extension().equals(extension)).findFirst().orElseThrow();
        Path whole = TestMedia.writeVideo(dir.resolve("whole." + extension), container, 64, 48, 25, 100, 440, 2);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut." + extension), Arrays.copyOf(bytes, bytes.length * 2 / 5));

        assertRefused(cut, "", MediaRequest.audio().and(MediaRequest.frames(PAPER)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav", "flac", "mp3"})
    void truncatedAudio(String extension) throws Exception {
        Path whole = TestMedia.writeTone(dir.resolve("whole." + extension), 44_100, 2, 4.0, 440);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut." + extension), Arrays.copyOf(bytes, bytes.length * 2 / 5));

        assertRefused(cut, "truncated", MediaRequest.audio());
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg"})
    void stillImage(String extension) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        Path file = dir.resolve("face." + extension);
        ImageIO.write(image, extension.equals("jpg") ? "jpeg" : extension, file.toFile());

        assertRefused(file, "still image");
    }

    @Test
    void wavWithNoSamples() throws IOException {
        Path wav = TestMedia.writeWav(dir.resolve("zero.wav"), 16_000, new float[0]);

        assertRefused(wav, "no decodable samples", MediaRequest.audio());
    }

    private void assertRefused(Path file, String messagePart) {
        assertRefused(file, messagePart, MediaRequest.audio().and(MediaRequest.frames(PAPER)));
    }

    private void assertRefused(Path file, String messagePart, MediaRequest request) {
        byte[] before = digest(file);
        MediaDecodeException e = assertThrows(MediaDecodeException.class, () -> assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> {
                    MediaClip clip = decoder.decode(file, request);
                    readAll(clip);
                }));
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), "says why (" + messagePart + "): " + e.getMessage());
        assertEquals(file, e.file().orElseThrow());
        assertArrayEquals(before, digest(file), "input left unchanged");
    }

    private static byte[] digest(Path file) {
        try {
            return Files.isRegularFile(file) ? MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)) : new byte[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<VideoFrame> readAll(MediaClip clip) throws EmotionException {
        List<VideoFrame> frames = new ArrayList<>();
        if (clip.frames().isPresent()) {
            clip.frames().get().forEach(frames::add);
        }
        return frames;
    }

    /** The frequency of a pure tone, from its zero crossings over the middle of the track. */
    static double dominantFrequency(AudioTrack track) {
        float[] s = track.samples();
        int from = s.length / 10;
        int to = s.length - s.length / 10;
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        assertFalse(first < 0 || crossings == 0, "no tone found");
        return crossings * track.sampleRate() / (double) (last - first);
    }
}
