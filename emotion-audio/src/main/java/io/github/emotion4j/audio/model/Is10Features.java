package io.github.emotion4j.audio.model;

import io.github.emotion4j.audio.features.Is10Extractor;
import java.util.List;

/**
 * The paper's clip features for the acoustic SVM: the 1582 openSMILE IS10 paralinguistic functionals
 * ({@link Is10Extractor}), in openSMILE 3.0.1's definition ({@link #OPENSMILE}, id {@code "is10"}, the default
 * of {@link AudioSvmTrainer}) or the corrected one ({@link #CORRECTED}, id {@code "is10-corrected"}). Needs
 * 16 kHz audio (what emotion4j's decoder delivers) of at least {@value Is10Extractor#MIN_SAMPLES} samples.
 *
 * <p>Immutable and thread-safe.
 */
public final class Is10Features implements ClipFeatures {

    /** IS10 as openSMILE 3.0.1 computes it. */
    public static final Is10Features OPENSMILE = new Is10Features("is10", new Is10Extractor(Is10Extractor.Mode.OPENSMILE_3_0_1));
    /** IS10 as the feature set intends it (see {@link Is10Extractor.Mode#CORRECTED}). */
    public static final Is10Features CORRECTED = new Is10Features("is10-corrected", new Is10Extractor(Is10Extractor.Mode.CORRECTED));

    private final String id;
    private final Is10Extractor extractor;

    private Is10Features(String id, Is10Extractor extractor) {
        this.id = id;
        this.extractor = extractor;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> names() {
        return Is10Extractor.featureNames();
    }

    @Override
    public double[] extract(float[] samples, int sampleRate) {
        return extractor.extract(samples, sampleRate);
    }

    @Override
    public String toString() {
        return "Is10Features[" + id + ", " + Is10Extractor.FEATURE_COUNT + " features]";
    }
}
