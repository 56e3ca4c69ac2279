package io.github.emotion4j.examples.bench;

import java.util.Random;

/**
 * Synthetic speech-like audio for benchmarks: a glottal pulse train with a wandering pitch (90-250 Hz) shaped by
 * three moving formant resonators, syllable-rate amplitude modulation and short pauses, plus a little noise.
 * Deterministic for a seed. Not speech, but it exercises every code path speech does (voiced and unvoiced
 * frames, pitch, energy changes).
 */
public final class SpeechLikeAudio {

    private SpeechLikeAudio() {
    }

    /** {@code seconds} of 16 kHz mono samples in [-1, 1]. */
    public static float[] generate(double seconds, long seed) {
        int rate = 16_000;
        int n = (int) Math.round(seconds * rate);
        float[] out = new float[n];
        Random random = new Random(seed);
        double phase = 0;
        double[][] state = new double[3][2];
        double[] formants = {700, 1200, 2600};
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double pitch = 150 + 60 * Math.sin(2 * Math.PI * 0.7 * t) + 30 * Math.sin(2 * Math.PI * 2.3 * t);
            phase += pitch / rate;
            double source = 0;
            if (phase >= 1) {
                phase -= 1;
                source = 1;
            }
            double syllable = Math.max(0, Math.sin(2 * Math.PI * 4 * t));
            boolean pause = ((int) (t / 1.7)) % 3 == 2 && (t % 1.7) < 0.35;
            double excitation = pause ? 0 : source * syllable + 0.02 * random.nextGaussian() * syllable;
            double y = 0;
            for (int f = 0; f < 3; f++) {
                double centre = formants[f] * (1 + 0.15 * Math.sin(2 * Math.PI * (0.5 + f * 0.3) * t));
                double r = 0.97;
                double theta = 2 * Math.PI * centre / rate;
                double v = excitation + 2 * r * Math.cos(theta) * state[f][0] - r * r * state[f][1];
                state[f][1] = state[f][0];
                state[f][0] = v;
                y += v / (f + 1);
            }
            out[i] = (float) y;
        }
        float peak = 0;
        for (float v : out) {
            peak = Math.max(peak, Math.abs(v));
        }
        for (int i = 0; i < n; i++) {
            out[i] = 0.5f * out[i] / peak;
        }
        return out;
    }
}
