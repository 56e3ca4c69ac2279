package io.github.emotion4j.audio.features;

/**
 * Thrown when a signal has fewer samples than a feature extractor needs (one analysis window for the
 * short-term features, 1120 samples for IS10). The message names both counts; branches turn it into an
 * abstention, the command line into an error naming the file.
 */
public final class AudioTooShortException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int samples;
    private final int requiredSamples;

    public AudioTooShortException(String extractor, int samples, int requiredSamples, int sampleRate) {
        super(String.format(java.util.Locale.ROOT, "%s needs at least %d samples (%.3f s at %d Hz), the signal has %d",
                extractor, requiredSamples, requiredSamples / (double) sampleRate, sampleRate, samples));
        this.samples = samples;
        this.requiredSamples = requiredSamples;
    }

    /** The number of samples the signal had. */
    public int samples() {
        return samples;
    }

    /** The smallest number of samples the extractor accepts. */
    public int requiredSamples() {
        return requiredSamples;
    }
}
