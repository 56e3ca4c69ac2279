package io.github.emotion4j.audio.features;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Access to the openSMILE reference outputs in {@code shared/reference/audio} (six 16 kHz WAVs, their
 * IS10 functionals and low-level contours). The directory comes from the {@code emotion4j.shared} system
 * property (set by the build) or {@code ../../shared} from the module; tests are skipped when it is absent.
 */
final class Is10ReferenceData {

    static final List<String> FILES = List.of("sine440", "noise", "chirp", "burst", "speech1", "speech2");

    private Is10ReferenceData() {
    }

    static Path audioDir() {
        String shared = System.getProperty("emotion4j.shared");
        Path base = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
        Path dir = base.resolve("reference").resolve("audio");
        assumeTrue(Files.isDirectory(dir), "reference data not found at " + dir.toAbsolutePath());
        return dir;
    }

    /** Mono 16-bit PCM as {@code int16 / 32768}, read with javax.sound.sampled. */
    static float[] samples(String name) {
        Path wav = audioDir().resolve("wav").resolve(name + ".wav");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16
                    || format.getSampleRate() != 16000f) {
                throw new IllegalStateException(wav + ": expected 16 kHz mono 16-bit, got " + format);
            }
            byte[] bytes = in.readAllBytes();
            ByteBuffer buffer = ByteBuffer.wrap(bytes)
                    .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            float[] x = new float[bytes.length / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = buffer.getShort() / 32768.0f;
            }
            return x;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalStateException(wav + ": " + e.getMessage(), e);
        }
    }

    /** Line 1 of {@code NAME.is10.csv}: the 1582 names. */
    static List<String> featureNames(String name) {
        return List.of(lines(name + ".is10.csv").get(0).split(","));
    }

    /** Line 2 of {@code NAME.is10.csv}: the 1582 values. */
    static double[] features(String name) {
        String[] fields = lines(name + ".is10.csv").get(1).split(",");
        double[] values = new double[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = Double.parseDouble(fields[i]);
        }
        return values;
    }

    /** {@code NAME.is10_lld.csv}: header (frameTime, 76 contours) and rows. */
    static List<String> lowLevelLines(String name) {
        return lines(name + ".is10_lld.csv");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(audioDir().resolve("out").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
