package io.github.emotion4j.audio.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Test access to /work/shared/reference/audio: the six WAV files and the reference CSV outputs. */
final class ReferenceAudio {

    static final List<String> NAMES = List.of("sine440", "noise", "chirp", "burst", "speech1", "speech2");

    private ReferenceAudio() {
    }

    static Path directory() {
        Path shared = Path.of(System.getProperty("emotion4j.shared", "../../shared"));
        Path audio = shared.resolve("reference").resolve("audio");
        assertTrue(Files.isDirectory(audio), "reference audio not found at " + audio.toAbsolutePath()
                + " (set -Demotion4j.shared=/path/to/shared)");
        return audio;
    }

    /** A 16 kHz mono 16-bit WAV as int16 / 32768. */
    static float[] readWav(String name) throws IOException, UnsupportedAudioFileException {
        Path path = directory().resolve("wav").resolve(name + ".wav");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(path.toFile())) {
            AudioFormat format = in.getFormat();
            assertEquals(16000f, format.getSampleRate(), path + " sample rate");
            assertEquals(1, format.getChannels(), path + " channels");
            assertEquals(16, format.getSampleSizeInBits(), path + " bits");
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding(), path + " encoding");
            byte[] bytes = in.readAllBytes();
            boolean bigEndian = format.isBigEndian();
            float[] samples = new float[bytes.length / 2];
            for (int i = 0; i < samples.length; i++) {
                int lo = bytes[2 * i + (bigEndian ? 1 : 0)] & 0xff;
                int hi = bytes[2 * i + (bigEndian ? 0 : 1)];
                samples[i] = (short) ((hi << 8) | lo) / 32768f;
            }
            return samples;
        }
    }

    /** A reference CSV: header names and numeric rows. */
    record Table(List<String> header, double[][] rows) {
    }

    static Table readCsv(String fileName) throws IOException {
        List<String> lines = Files.readAllLines(directory().resolve("out").resolve(fileName));
        List<String> header = List.of(lines.get(0).split(","));
        double[][] rows = lines.stream().skip(1).filter(line -> !line.isBlank())
                .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
        return new Table(header, rows);
    }
}
