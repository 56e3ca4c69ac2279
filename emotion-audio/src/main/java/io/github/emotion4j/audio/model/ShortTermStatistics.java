package io.github.emotion4j.audio.model;

import io.github.emotion4j.audio.features.FeatureMatrix;
import io.github.emotion4j.audio.features.ShortTermFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * A light clip-level feature vector: the mean and the (population) standard deviation over all frames of the 34
 * pyAudioAnalysis short-term features and of their frame-to-frame deltas (100 ms windows, 50 ms steps), 136
 * values named {@code "mean(zcr)"}, {@code "std(zcr)"}, …, {@code "std(delta chroma_std)"}. This is the
 * "mid-term statistics" recipe of pyAudioAnalysis over the whole clip; it is much cheaper than IS10 and serves
 * as an alternative input for {@link AudioSvmBranch}. Needs one analysis window (1600 samples at 16 kHz).
 *
 * <p>Immutable and thread-safe; use {@link #INSTANCE}.
 */
public final class ShortTermStatistics implements ClipFeatures {

    /** The identifier bundles record. */
    public static final String ID = "short-term-statistics";
    /** The shared instance. */
    public static final ShortTermStatistics INSTANCE = new ShortTermStatistics();

    private static final ShortTermFeatures EXTRACTOR = ShortTermFeatures.builder().deltas(true).build();
    private static final List<String> NAMES = names(EXTRACTOR.names());

    private ShortTermStatistics() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public double[] extract(float[] samples, int sampleRate) {
        FeatureMatrix matrix = EXTRACTOR.extract(samples, sampleRate);
        int columns = matrix.featureCount();
        int frames = matrix.frameCount();
        double[] result = new double[2 * columns];
        for (int f = 0; f < columns; f++) {
            double sum = 0;
            for (int t = 0; t < frames; t++) {
                sum += matrix.get(t, f);
            }
            double mean = sum / frames;
            double squares = 0;
            for (int t = 0; t < frames; t++) {
                double d = matrix.get(t, f) - mean;
                squares += d * d;
            }
            result[2 * f] = mean;
            result[2 * f + 1] = Math.sqrt(squares / frames);
        }
        return result;
    }

    private static List<String> names(List<String> base) {
        List<String> names = new ArrayList<>();
        for (String name : base) {
            names.add("mean(" + name + ")");
            names.add("std(" + name + ")");
        }
        return List.copyOf(names);
    }

    @Override
    public String toString() {
        return "ShortTermStatistics[" + NAMES.size() + " features]";
    }
}
