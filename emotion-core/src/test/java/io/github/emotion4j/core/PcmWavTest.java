package io.github.emotion4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PcmWavTest {

    @TempDir
    Path dir;

    /** A WAV of a two-tone signal with noise, in the given format, written byte by byte. */
    static Path write(Path file, int formatTag, int bits, int channels, int rate, double seconds, boolean extensible) throws Exception {
        int frames = (int) (seconds * rate);
        int bytes = bits / 8;
        ByteBuffer data = ByteBuffer.allocate(frames * channels * bytes).order(ByteOrder.LITTLE_ENDIAN);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                double v = 0.5 * Math.sin(2 * Math.PI * (300 + 200 * c) * i / rate) + 0.3 * Math.sin(2 * Math.PI * 3100 * i / rate)
                        + 0.1 * (random.nextDouble() - 0.5);
                switch (formatTag == 3 ? 0 : bytes) {
                    case 0 -> data.putFloat((float) v);
                    case 1 -> data.put((byte) (128 + (int) Math.round(v * 127)));
                    case 2 -> data.putShort((short) Math.round(v * 32767));
                    case 3 -> {
                        int s = (int) Math.round(v * 8_388_607);
                        data.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                    }
                    default -> data.putInt((int) Math.round(v * 2_147_483_000.0));
                }
            }
        }
        int fmtSize = extensible ? 40 : 16;
        ByteBuffer header = ByteBuffer.allocate(12 + 8 + fmtSize + 8).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x46464952).putInt(4 + 8 + fmtSize + 8 + data.capacity()).putInt(0x45564157);
        header.putInt(0x20746d66).putInt(fmtSize).putShort((short) (extensible ? 0xFFFE : formatTag)).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * bytes).putShort((short) (channels * bytes)).putShort((short) bits);
        if (extensible) {
            header.putShort((short) 22).putShort((short) bits).putInt(channels == 1 ? 4 : 3).putShort((short) formatTag)
                    .put(new byte[] {0, 0, 0, 0, 16, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        header.putInt(0x61746164).putInt(data.capacity());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.array());
        out.write(data.array());
        Files.write(file, out.toByteArray());
        return file;
    }

    @ParameterizedTest(name = "tag {0}, {1} bits, {2} channels, {3} Hz, extensible {4}")
    @CsvSource({"1, 8, 1, 8000, false", "1, 16, 2, 44100, false", "1, 16, 1, 16000, false", "1, 24, 2, 48000, false",
        "1, 32, 1, 22050, false", "3, 32, 2, 16000, false", "1, 16, 2, 32000, true", "3, 32, 1, 11025, true"})
    void givesExactlyWhatTheFfmpegPathGives(int tag, int bits, int channels, int rate, boolean extensible) throws Exception {
        Path wav = write(dir.resolve("a.wav"), tag, bits, channels, rate, 1.3, extensible);

        AudioTrack java = PcmWav.read(wav);
        AudioTrack ffmpeg = new FFmpegMediaDecoder().decodeAudio(wav);

        assertNotNull(java, "read in Java");
        assertEquals(16_000, java.sampleRate());
        assertEquals(ffmpeg.samples().length, java.samples().length);
        assertArrayEquals(ffmpeg.samples(), java.samples(), 0f);
    }

    @Test
    void theDecoderReadsUncompressedWavWithoutFfmpegAndAgreesOnDuration() throws Exception {
        Path wav = write(dir.resolve("b.wav"), 1, 16, 2, 44_100, 2.0, false);
        MediaClip clip = new FFmpegMediaDecoder().decode(wav, MediaRequest.audio());
        assertEquals(32_000, clip.audio().orElseThrow().samples().length);
        assertEquals(2.0, clip.duration().toNanos() / 1e9, 1e-9);
        assertTrue(clip.frames().isEmpty());
    }

    @Test
    void compressedOrOddWavIsLeftToFfmpeg() throws Exception {
        Path alaw = write(dir.resolve("c.wav"), 6, 8, 1, 8000, 0.5, false);
        assertNull(PcmWav.read(alaw));
        Path notWav = Files.writeString(dir.resolve("d.wav"), "not a RIFF file at all");
        assertNull(PcmWav.read(notWav));
    }

    @Test
    void aTruncatedWavIsRefusedByName() throws Exception {
        Path wav = write(dir.resolve("e.wav"), 1, 16, 1, 16_000, 1.0, false);
        byte[] all = Files.readAllBytes(wav);
        Files.write(wav, Arrays.copyOf(all, all.length / 2));
        MediaDecodeException e = assertThrows(MediaDecodeException.class, () -> new FFmpegMediaDecoder().decode(wav, MediaRequest.audio()));
        assertTrue(e.getMessage().contains("e.wav") && e.getMessage().contains("truncated"), e.getMessage());
    }
}
