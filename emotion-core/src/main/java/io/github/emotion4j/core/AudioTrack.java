package io.github.emotion4j.core;

import java.time.Duration;

/**
 * A clip's audio as mono float PCM in [-1, 1] (16 kHz when it comes from {@link FFmpegMediaDecoder}).
 * Immutable and thread-safe: {@link #samples()} hands out a copy the caller owns.
 */
public final class AudioTrack {

    private final int sampleRate;
    private final float[] samples;

    private AudioTrack(int sampleRate, float[] samples) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.samples = samples;
    }

    /** A track over a copy of {@code samples}. */
    public static AudioTrack of(int sampleRate, float[] samples) {
        return new AudioTrack(sampleRate, samples.clone());
    }

    /** A track that takes ownership of {@code samples}: the caller must not change the array afterwards. */
    static AudioTrack wrap(int sampleRate, float[] samples) {
        return new AudioTrack(sampleRate, samples);
    }

    /** Samples per second. */
    public int sampleRate() {
        return sampleRate;
    }

    /** A copy of the samples; the caller owns the array. */
    public float[] samples() {
        return samples.clone();
    }

    /** The number of samples. */
    public int length() {
        return samples.length;
    }

    /** length / sampleRate. */
    public Duration duration() {
        return Duration.ofNanos(Math.round(samples.length * 1e9 / sampleRate));
    }

    @Override
    public String toString() {
        return "AudioTrack[" + samples.length + " samples at " + sampleRate + " Hz]";
    }
}
