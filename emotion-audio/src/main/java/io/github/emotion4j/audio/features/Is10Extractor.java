package io.github.emotion4j.audio.features;

import io.github.emotion4j.audio.features.is10.Is10Pipeline;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The INTERSPEECH 2010 Paralinguistic Challenge feature set ("IS10"): 1582 statistical functionals of
 * 38 low-level descriptors, computed in pure Java and compatible with openSMILE.
 *
 * <p><b>What it computes.</b> Every 10 ms, 38 low-level descriptors (LLDs): loudness, MFCC 0-14, 8 log
 * mel-frequency bands, 8 line spectral pair frequencies (from 25 ms Hamming frames), the F0 envelope and
 * the voicing probability of a sub-harmonic-summation pitch tracker, and F0, local jitter, DDP jitter
 * and local shimmer (from 60 ms frames). Each LLD is smoothed by a 3-point moving average and
 * differentiated (delta regression over &plusmn;2 frames). 21 functionals (extremes' positions, mean,
 * linear regression, moments, quartiles, percentiles, up-level times) summarise the 34 spectral and
 * pitch-envelope contours and their deltas (1428 values); 19 functionals over the voiced frames only
 * summarise F0, jitter and shimmer and their deltas (152); the F0 onset rate and the duration complete
 * the 1582 values. {@link #featureNames()} lists them in output order with openSMILE's names, e.g.
 * {@code mfcc_sma[3]_quartile1} or {@code F0final__Turn_onsetRate}.
 *
 * <p><b>References.</b> B. Schuller, S. Steidl, A. Batliner, F. Burkhardt, L. Devillers, C. M&uuml;ller,
 * S. Narayanan: "The INTERSPEECH 2010 Paralinguistic Challenge", Proc. INTERSPEECH 2010, pp. 2794-2797.
 * The numbers follow openSMILE 3.0.1 (audeering/opensmile @ 341aea9, configuration
 * {@code config/is09-13/IS10_paraling.conf}); no native code is used or needed.
 *
 * <p><b>Modes.</b> {@link Mode#OPENSMILE_3_0_1} (the default) reproduces openSMILE 3.0.1's output,
 * including three behaviours that differ from the feature set's intended definition; use it whenever the
 * features feed a model trained on openSMILE output (published IS10 baselines, SVMs trained with
 * SMILExtract). {@link Mode#CORRECTED} computes the intended definition instead; use it for new models
 * trained on this library's own features. The three differences:
 * <ol>
 *   <li>Loudness: openSMILE 3.0.1 computes the Hamming-weighted intensity from the first sample of each
 *       25 ms frame only; corrected, it is {@code (sum w[i] x[i]^2 / sum w[i] / 1e-6)^0.3} over the
 *       whole frame.</li>
 *   <li>Deltas of F0, jitter and shimmer (computed within voiced segments): openSMILE 3.0.1 divides by a
 *       normaliser that starts at 10 and grows with every frame and contour, so these deltas shrink
 *       along the file; corrected, each delta uses the regression normaliser of its own frame,
 *       {@code 2 sum i^2} over the neighbour pairs that lie inside the segment.</li>
 *   <li>Frames: openSMILE 3.0.1 leaves the last three analysis frames out of the functionals and the
 *       last one out of the onset rate and duration; corrected, every analysis frame counts (the pitch
 *       smoother's last frame is emitted too).</li>
 * </ol>
 * Everything else is shared, including openSMILE's reading of 16-bit audio as {@code int16 / 32767}.
 *
 * <p><b>Agreement with openSMILE.</b> Measured on the project's six reference recordings (speech, noise,
 * a noise burst in silence, a sine and a chirp): on speech and noise 99.4-100% of the 1582 values lie
 * within {@code max(1e-3 |ref|, 1e-6)} of SMILExtract's; on pure tones about 93-94% do, because the line
 * spectral pairs of an order-8 LPC fit to a sinusoid are ill-conditioned and follow the rounding of
 * openSMILE's single-precision FFT (built with {@code -ffast-math -march=native}), which no other
 * implementation reproduces.
 *
 * <p><b>Input.</b> Mono PCM at 16 kHz as floats in [-1, 1] ({@code int16 / 32768}, as the library's
 * decoder delivers it). One analysis frame every 10 ms; at least {@value #MIN_SAMPLES} samples (70 ms)
 * are needed. For a signal of {@code n} samples there are {@code (n - 960) / 160 + 1} analysis frames;
 * below four frames (1440 samples) the default mode summarises the first frame only, since openSMILE's
 * own output for such short inputs is not documented.
 *
 * <p><b>Threads and ownership.</b> Instances are immutable, hold no native state and are safe to share
 * between threads and to reuse; each call allocates its own working memory. Input arrays are borrowed
 * and never modified; returned arrays belong to the caller.
 */
public final class Is10Extractor {

    /** Which definition of the feature set to compute. */
    public enum Mode {
        /** openSMILE 3.0.1's output, including its three deviations (see {@link Is10Extractor}). */
        OPENSMILE_3_0_1,
        /** The intended definition: loudness over the whole frame, per-frame delta normaliser, all frames. */
        CORRECTED
    }

    /** Number of features returned by {@link #extract}. */
    public static final int FEATURE_COUNT = Is10Pipeline.FEATURES;
    /** The only accepted sample rate, in Hz. */
    public static final int SAMPLE_RATE = Is10Pipeline.SAMPLE_RATE;
    /** The shortest accepted input, in samples (two 60 ms pitch frames 10 ms apart). */
    public static final int MIN_SAMPLES = Is10Pipeline.MIN_SAMPLES;

    private static final Logger LOG = LoggerFactory.getLogger(Is10Extractor.class);
    /** openSMILE reads 16-bit samples as int16 / 32767; our input is int16 / 32768. */
    private static final double OPENSMILE_SCALE = 32768.0 / 32767.0;

    private final Mode mode;
    private final Is10Pipeline pipeline;

    /** An extractor in the default mode, {@link Mode#OPENSMILE_3_0_1}. */
    public Is10Extractor() {
        this(Mode.OPENSMILE_3_0_1);
    }

    /**
     * An extractor in the given mode.
     *
     * @param mode {@link Mode#OPENSMILE_3_0_1} for models trained on openSMILE output, {@link Mode#CORRECTED}
     *     for new models
     */
    public Is10Extractor(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        boolean corrected = mode == Mode.CORRECTED;
        this.pipeline = new Is10Pipeline(corrected, corrected, corrected);
    }

    /** The mode this extractor computes. */
    public Mode mode() {
        return mode;
    }

    /** The 1582 feature names in output order, as openSMILE names them (immutable). */
    public static List<String> featureNames() {
        return Is10Pipeline.featureNames();
    }

    /**
     * The 76 low-level contour names in the column order of {@link #extractLowLevel}, as openSMILE writes
     * its LLD file: the 38 smoothed LLDs ({@code pcm_loudness_sma} ... {@code shimmerLocal_sma}), then
     * their deltas ({@code pcm_loudness_sma_de} ... {@code shimmerLocal_sma_de}) (immutable).
     */
    public static List<String> lowLevelNames() {
        return Is10Pipeline.lowLevelNames();
    }

    /**
     * Computes the 1582 IS10 features.
     *
     * @param samples mono PCM in [-1, 1] (borrowed, not modified)
     * @param sampleRate must be {@value #SAMPLE_RATE}
     * @return a new array of {@link #FEATURE_COUNT} values in {@link #featureNames()} order
     * @throws IllegalArgumentException if the rate is not 16 kHz or a sample is NaN or infinite
     * @throws AudioTooShortException if there are fewer than {@value #MIN_SAMPLES} samples
     */
    public double[] extract(float[] samples, int sampleRate) {
        return run(samples, sampleRate).features();
    }

    /**
     * Computes the smoothed low-level descriptors and their deltas, one row per 10 ms analysis frame
     * (the contours the functionals summarise; in the default mode the last three rows are not used by
     * them).
     *
     * @param samples mono PCM in [-1, 1] (borrowed, not modified)
     * @param sampleRate must be {@value #SAMPLE_RATE}
     * @return a new {@code [frames][76]} array, columns in {@link #lowLevelNames()} order
     * @throws IllegalArgumentException if the rate is not 16 kHz or a sample is NaN or infinite
     * @throws AudioTooShortException if there are fewer than {@value #MIN_SAMPLES} samples
     */
    public double[][] extractLowLevel(float[] samples, int sampleRate) {
        float[][] contours = Is10Pipeline.inLowLevelOrder(run(samples, sampleRate).contours());
        int frames = contours[0].length;
        double[][] rows = new double[frames][contours.length];
        for (int c = 0; c < contours.length; c++) {
            for (int t = 0; t < frames; t++) {
                rows[t][c] = contours[c][t];
            }
        }
        return rows;
    }

    private Is10Pipeline.Result run(float[] samples, int sampleRate) {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate != SAMPLE_RATE) {
            throw new IllegalArgumentException("IS10 needs " + SAMPLE_RATE + " Hz audio, got " + sampleRate
                    + " Hz; resample first (the decoder delivers 16 kHz)");
        }
        if (samples.length < MIN_SAMPLES) {
            throw new AudioTooShortException("IS10", samples.length, MIN_SAMPLES, SAMPLE_RATE);
        }
        float[] pcm = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            float v = samples[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "sample %d of %d is %s; IS10 needs finite PCM values", i, samples.length, v));
            }
            pcm[i] = (float) (v * OPENSMILE_SCALE);
        }
        LOG.debug("IS10 ({}) over {} samples", mode, samples.length);
        return pipeline.run(pcm);
    }

    @Override
    public String toString() {
        return "Is10Extractor[" + mode + "]";
    }
}
