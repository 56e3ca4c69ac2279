package io.github.emotion4j.audio.model;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Speech-like test audio whose "emotion" shows in pitch, speaking rate, loudness, pitch glide and brightness, made
 * in code: voiced syllables (harmonic series on a gliding, slightly vibrating fundamental, with a smooth envelope)
 * separated by pauses, over a constant noise floor (so loudness survives the peak normalisation of the short-term
 * features as a signal-to-noise ratio). Every clip varies its voice's parameters at random, so clips of one class
 * are alike, not equal.
 */
final class SyntheticSpeech {

    static final int SAMPLE_RATE = 16_000;

    /** A class's voice: fundamental (Hz), syllables per second, peak amplitude, relative pitch glide per syllable, spectral tilt. */
    record Voice(double f0, double rate, double amplitude, double glide, double tilt) {
    }

    static final Map<Emotion, Voice> VOICES = new EnumMap<>(Map.of(
            Emotion.ANGER, new Voice(210, 5.0, 0.80, -0.10, 0.6),
            Emotion.DISGUST, new Voice(130, 2.8, 0.45, -0.25, 1.6),
            Emotion.FEAR, new Voice(300, 6.5, 0.30, 0.05, 1.2),
            Emotion.HAPPINESS, new Voice(250, 4.2, 0.65, 0.30, 0.9),
            Emotion.NEUTRAL, new Voice(160, 3.8, 0.40, 0.0, 1.3),
            Emotion.SADNESS, new Voice(115, 2.2, 0.18, -0.15, 2.0),
            Emotion.SURPRISE, new Voice(330, 3.2, 0.75, 0.55, 0.8)));

    private SyntheticSpeech() {
    }

    /** One utterance of {@code seconds} in the voice of {@code emotion}. */
    static float[] utterance(Emotion emotion, double seconds, Random random) {
        Voice voice = VOICES.get(emotion);
        double f0 = voice.f0() * (1 + 0.08 * (random.nextDouble() * 2 - 1));
        double rate = voice.rate() * (1 + 0.10 * (random.nextDouble() * 2 - 1));
        double amplitude = voice.amplitude() * (1 + 0.15 * (random.nextDouble() * 2 - 1));
        int n = (int) Math.round(seconds * SAMPLE_RATE);
        float[] samples = new float[n];
        double syllable = 1 / rate;
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) SAMPLE_RATE;
            double within = (t % syllable) / syllable;
            double voiced = 0.7;
            double value = 0;
            if (within < voiced) {
                double position = within / voiced;
                double pitch = f0 * (1 + voice.glide() * (position - 0.5)) * (1 + 0.015 * Math.sin(2 * Math.PI * 5.5 * t));
                phase += 2 * Math.PI * pitch / SAMPLE_RATE;
                double envelope = Math.sqrt(Math.sin(Math.PI * position));
                for (int h = 1; h <= 12 && h * pitch < SAMPLE_RATE / 2.0; h++) {
                    value += Math.sin(h * phase) / Math.pow(h, voice.tilt());
                }
                value *= 0.35 * amplitude * envelope;
            }
            samples[i] = (float) (value + 0.004 * random.nextGaussian());
        }
        return samples;
    }

    /**
     * Writes {@code perClass} clips of every emotion as 16 kHz wav files in the AFEW layout
     * {@code root/split/<AfewName>/<n>.wav}, 1.2–2.6 s long; returns {@code root/split}.
     */
    static Path writeAfew(Path root, String split, int perClass, long seed) throws IOException {
        new FFmpegMediaDecoder(); // sets FFmpeg's log level to quiet before the recorder writes
        Random random = new Random(seed);
        Path directory = root.resolve(split);
        for (Emotion emotion : Emotion.all()) {
            Path folder = Files.createDirectories(directory.resolve(emotion.afewName()));
            for (int i = 0; i < perClass; i++) {
                double seconds = 1.2 + 1.4 * random.nextDouble();
                TestMedia.writeWav(folder.resolve(String.format("%s_%02d.wav", emotion.abbreviation(), i)), SAMPLE_RATE,
                        utterance(emotion, seconds, random));
            }
        }
        return directory;
    }
}
