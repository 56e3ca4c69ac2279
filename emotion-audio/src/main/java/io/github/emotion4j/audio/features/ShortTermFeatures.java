package io.github.emotion4j.audio.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 34 short-term audio features of pyAudioAnalysis, in pure Java, numerically compatible with
 * {@code ShortTermFeatures.feature_extraction} of tyiannak/pyAudioAnalysis at commit {@code ae00ebd}
 * (the features the paper's audio LSTM and audio-map branches use).
 *
 * <pre>{@code
 * ShortTermFeatures extractor = ShortTermFeatures.defaults();           // 100 ms windows, 50 ms steps
 * FeatureMatrix features = extractor.extract(pcm, 16000);                // pcm: mono, int16 / 32768
 * double[] mfcc1 = features.column("mfcc_1");
 * }</pre>
 *
 * <h2>Signal and frames</h2>
 * The whole signal is first normalised as the reference does: the mean is subtracted and the result divided
 * by (max |x| + 1e−10). Features are therefore independent of the input gain, and digital silence becomes a
 * small constant rather than zero. Windows of {@code W = round(windowSeconds·fs)} samples start every
 * {@code S = round(stepSeconds·fs)} samples (nearest sample, ties to even, as pyAudioAnalysis's own wrappers
 * round with Python's {@code round}) while a whole window fits: {@code floor((n − W)/S) + 1} frames,
 * no padding, trailing samples dropped; frame {@code t} starts at {@code t·S/fs} seconds. No window function
 * is applied. The spectrum {@code X} is |FFT| of length W at bins {@code 0 .. B − 1} with {@code B = W/2}
 * (for even W the Nyquist bin is excluded), divided by B. {@code eps} is 2.220446049250313e−16 (the double
 * machine epsilon) wherever it appears.
 *
 * <h2>The features (in column order)</h2>
 * <ol>
 * <li>{@code zcr}: zero-crossing rate, Σ|Δ sign(x)| / 2 / (W − 1), with sign(0) = 0.</li>
 * <li>{@code energy}: Σx² / W.</li>
 * <li>{@code energy_entropy}: entropy of the energy of 10 contiguous sub-blocks of floor(W/10) samples:
 *     e_j = Σ block_j² / (Σ frame² + eps), H = −Σ e_j·log2(e_j + eps) (the frame total includes any
 *     samples past the last whole block).</li>
 * <li>{@code spectral_centroid}, {@code spectral_spread}: centroid and spread of X / max X (X / eps if the
 *     maximum is 0) over bin frequencies (k + 1)·fs / (2B), i.e. one bin higher than the bin's true
 *     frequency k·fs/W (a reference quirk); spread = sqrt(Σ (f − c)²·X / (ΣX + eps)); both divided by fs/2.</li>
 * <li>{@code spectral_entropy}: as the energy entropy, on X² in 10 blocks of floor(B/10) bins.</li>
 * <li>{@code spectral_flux}: Σ (X/Σ(X + eps) − X'/Σ(X' + eps))² against the previous frame's X'; 0 on the
 *     first frame.</li>
 * <li>{@code spectral_rolloff}: the first bin k at which cumsum(X²) + eps &gt; 0.90·ΣX², divided by B;
 *     0 when there is none.</li>
 * <li>{@code mfcc_1} … {@code mfcc_13}: 40 triangular filters (from scikits.talkbox): 13 linear ones with
 *     edges from 133.33 Hz in steps of 200/3 Hz, then 27 with edges growing by a factor 1.0711703; height
 *     2 / (upper − lower edge). The reference samples the filters at k·fs/B Hz for bin k, i.e. at twice the
 *     bin's true frequency, and applies them to the magnitude X (not the power). Then log10(· + eps) and an
 *     orthonormal DCT-II, first 13 coefficients ({@code mfcc_1} is c0).</li>
 * <li>{@code chroma_1} … {@code chroma_12}: pyAudioAnalysis's own chroma, quirks kept: bin k has frequency
 *     (k + 1)·fs / (2B) and semitone index s = round(12·log2(f / 27.5)); X² is scattered into an array of
 *     B slots at index s (negative indices, e.g. −18 and −6 for the first two bins at 16 kHz / 100 ms, count
 *     from the end of the array; when several bins share an index only the last one is kept); slot j is
 *     divided by count[s(j)], where count[b] is the number of bins sharing bin b's semitone (numpy's
 *     {@code C /= num_freqs_per_chroma[num_chroma]} indexes a per-bin array with semitone indices); slots are
 *     summed by j mod 12 and the sums divided by ΣX² (by eps if that is 0). The 12 classes therefore start at
 *     A (27.5 Hz) but are not true pitch-class energies; they are reproduced because trained models expect
 *     them.</li>
 * <li>{@code chroma_std}: population standard deviation of the 12 chroma values.</li>
 * </ol>
 * With {@linkplain Builder#deltas(boolean) deltas} on, 34 more columns follow, named {@code "delta " + name}:
 * x[t] − x[t − 1], 0 on the first frame.
 *
 * <h2>Where this extractor goes beyond the reference</h2>
 * The reference crashes on inputs shorter than one window; here they raise {@link AudioTooShortException}.
 * Non-finite samples raise {@link IllegalArgumentException}. The reference also fails when the window has
 * fewer spectrum bins than the highest chroma semitone index (windows below 12.4 ms at 16 kHz); this class
 * rejects such settings with an {@link IllegalArgumentException}. Below about 6.9 kHz the reference's
 * filter bank reaches past the spectrum and fails; here those bins are left out of the filters.
 *
 * <h2>Accuracy and cost</h2>
 * On the six reference files every column agrees with pyAudioAnalysis to about 1e−11 of the column's
 * largest magnitude, except where the reference's own FFT round-off is the signal: MFCCs of filter bands
 * that a pure tone leaves empty (up to 4e−4 absolute) and of digitally silent frames (up to 6e−7 of the
 * column; here those bins are exactly zero). The FFT is a mixed-radix real FFT; filter bank, DCT and
 * chroma map are computed once per sample rate and cached in the extractor.
 *
 * <p>Thread-safety: instances are immutable (the per-sample-rate table cache is internal and concurrent) and
 * may be shared by any number of threads; each {@link #extract} call uses its own work buffers.
 *
 * @see <a href="https://github.com/tyiannak/pyAudioAnalysis">pyAudioAnalysis</a> (Giannakopoulos, 2015)
 */
public final class ShortTermFeatures {

    /** Default analysis window, 100 ms (the paper's setting). */
    public static final double DEFAULT_WINDOW_SECONDS = 0.100;
    /** Default step between window starts, 50 ms (50 % overlap). */
    public static final double DEFAULT_STEP_SECONDS = 0.050;
    /** The number of features per frame without deltas. */
    public static final int FEATURE_COUNT = 34;
    /** The smallest window accepted, in samples: ten sub-blocks of at least one sample and one bin. */
    public static final int MIN_WINDOW_SAMPLES = 20;

    static final double EPS = Math.ulp(1.0);
    private static final double PEAK_OFFSET = 1e-10;
    private static final int ENTROPY_BLOCKS = 10;
    private static final double ROLLOFF_FRACTION = 0.90;
    private static final int MAX_CACHED_RATES = 8;

    static final int ZCR = 0;
    static final int ENERGY = 1;
    static final int ENERGY_ENTROPY = 2;
    static final int SPECTRAL_CENTROID = 3;
    static final int SPECTRAL_SPREAD = 4;
    static final int SPECTRAL_ENTROPY = 5;
    static final int SPECTRAL_FLUX = 6;
    static final int SPECTRAL_ROLLOFF = 7;
    static final int MFCC = 8;
    static final int CHROMA = MFCC + ShortTermTables.MFCC_COEFFICIENTS;
    static final int CHROMA_STD = CHROMA + 12;

    private static final List<String> FEATURE_NAMES = List.copyOf(baseNames());
    private static final List<String> NAMES_WITH_DELTAS = List.copyOf(namesWithDeltas());

    private static final Logger LOG = LoggerFactory.getLogger(ShortTermFeatures.class);
    private static final ShortTermFeatures DEFAULTS = new Builder().build();

    private final double windowSeconds;
    private final double stepSeconds;
    private final boolean deltas;
    private final ConcurrentMap<Integer, ShortTermTables> tablesByRate = new ConcurrentHashMap<>();

    private ShortTermFeatures(Builder builder) {
        this.windowSeconds = builder.windowSeconds;
        this.stepSeconds = builder.stepSeconds;
        this.deltas = builder.deltas;
    }

    /** The extractor with the paper's settings: 100 ms windows, 50 ms steps, no deltas. Shared instance. */
    public static ShortTermFeatures defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The 34 feature names, in column order, as pyAudioAnalysis names them ({@code zcr} … {@code chroma_std}). */
    public static List<String> featureNames() {
        return FEATURE_NAMES;
    }

    /** Window length in seconds. */
    public double windowSeconds() {
        return windowSeconds;
    }

    /** Step between window starts in seconds. */
    public double stepSeconds() {
        return stepSeconds;
    }

    /** Whether the 34 delta columns follow the features. */
    public boolean deltas() {
        return deltas;
    }

    /** Column names of the matrices this extractor produces: 34, or 68 with deltas. */
    public List<String> names() {
        return deltas ? NAMES_WITH_DELTAS : FEATURE_NAMES;
    }

    /**
     * The window length in samples at {@code sampleRate}: {@code windowSeconds·sampleRate} rounded to the
     * nearest integer, ties to even.
     *
     * @throws IllegalArgumentException if {@code sampleRate} is not positive
     */
    public int windowSamples(int sampleRate) {
        checkSampleRate(sampleRate);
        return toSamples(windowSeconds, sampleRate);
    }

    /**
     * The step in samples at {@code sampleRate}: {@code stepSeconds·sampleRate} rounded to the nearest
     * integer, ties to even.
     *
     * @throws IllegalArgumentException if {@code sampleRate} is not positive
     */
    public int stepSamples(int sampleRate) {
        checkSampleRate(sampleRate);
        return toSamples(stepSeconds, sampleRate);
    }

    /**
     * The number of frames {@link #extract} produces for {@code sampleCount} samples:
     * {@code floor((sampleCount − W)/S) + 1}, or 0 when the signal is shorter than one window.
     *
     * @throws IllegalArgumentException if {@code sampleRate} is not positive, {@code sampleCount} negative, or
     *                                  the window or step is too short at this sample rate (as {@link #extract})
     */
    public int frameCount(int sampleCount, int sampleRate) {
        if (sampleCount < 0) {
            throw new IllegalArgumentException("sample count must not be negative, got " + sampleCount);
        }
        ShortTermTables tables = tablesFor(sampleRate);
        int window = tables.windowSamples;
        return sampleCount < window ? 0 : (sampleCount - window) / tables.stepSamples + 1;
    }

    /**
     * Computes the features of a whole signal.
     *
     * @param samples    mono PCM, nominally in [−1, 1] (int16 / 32768 for 16-bit WAV); the gain does not
     *                   matter. Borrowed: read, never modified or kept.
     * @param sampleRate samples per second, positive
     * @return one row per frame, {@link #names()} as columns; owned by the caller
     * @throws AudioTooShortException   if the signal is shorter than one window
     * @throws IllegalArgumentException if the sample rate is not positive, a sample is NaN or infinite, or the
     *                                  window or step is too short at this sample rate
     */
    public FeatureMatrix extract(float[] samples, int sampleRate) {
        Objects.requireNonNull(samples, "samples");
        ShortTermTables tables = tablesFor(sampleRate);
        int window = tables.windowSamples;
        int step = tables.stepSamples;
        if (samples.length < window) {
            throw new AudioTooShortException("pyAudioAnalysis short-term features", samples.length, window,
                    sampleRate);
        }
        int frames = (samples.length - window) / step + 1;
        int columns = names().size();
        double[] values = new double[frames * columns];
        double[] frameStarts = new double[frames];

        double mean = mean(samples);
        double scale = peakDeviation(samples, mean) + PEAK_OFFSET;
        Workspace work = new Workspace(tables);
        for (int t = 0; t < frames; t++) {
            int start = t * step;
            frameStarts[t] = start / (double) sampleRate;
            double[] frame = work.frame;
            for (int i = 0; i < window; i++) {
                frame[i] = (samples[start + i] - mean) / scale;
            }
            computeFrame(tables, work, t == 0, values, t * columns);
        }
        if (deltas) {
            for (int t = 1; t < frames; t++) {
                int row = t * columns;
                int previous = row - columns;
                for (int f = 0; f < FEATURE_COUNT; f++) {
                    values[row + FEATURE_COUNT + f] = values[row + f] - values[previous + f];
                }
            }
        }
        return new FeatureMatrix(names(), frameStarts, values);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ShortTermFeatures[window=%ss, step=%ss, deltas=%s]",
                windowSeconds, stepSeconds, deltas);
    }

    private ShortTermTables tablesFor(int sampleRate) {
        checkSampleRate(sampleRate);
        ShortTermTables cached = tablesByRate.get(sampleRate);
        if (cached != null) {
            return cached;
        }
        int window = toSamples(windowSeconds, sampleRate);
        int step = toSamples(stepSeconds, sampleRate);
        if (window < MIN_WINDOW_SAMPLES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a window of %s s is %d samples at %d Hz; the short-term features need at least %d",
                    windowSeconds, window, sampleRate, MIN_WINDOW_SAMPLES));
        }
        if (step < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a step of %s s is less than one sample at %d Hz", stepSeconds, sampleRate));
        }
        ShortTermTables tables = new ShortTermTables(sampleRate, window, step);
        if (tablesByRate.size() >= MAX_CACHED_RATES) {
            tablesByRate.clear();
        }
        tablesByRate.putIfAbsent(sampleRate, tables);
        LOG.debug("prepared short-term feature tables for {} Hz: window {} samples, step {}, {}", sampleRate,
                window, step, tables.fft);
        return tables;
    }

    private static void computeFrame(ShortTermTables tables, Workspace work, boolean first, double[] out,
            int offset) {
        double[] x = work.frame;
        int window = tables.windowSamples;

        double crossings = 0.0;
        double previousSign = Math.signum(x[0]);
        double frameEnergy = x[0] * x[0];
        for (int i = 1; i < window; i++) {
            double sign = Math.signum(x[i]);
            crossings += Math.abs(sign - previousSign);
            previousSign = sign;
            frameEnergy += x[i] * x[i];
        }
        out[offset + ZCR] = crossings / 2.0 / (window - 1.0);
        out[offset + ENERGY] = frameEnergy / window;
        out[offset + ENERGY_ENTROPY] = blockEntropy(x, window, frameEnergy, true);

        int bins = tables.bins;
        double[] magnitude = work.magnitude;
        double[] power = work.power;
        tables.fft.forward(x, 0, work.re, work.im);
        double peak = 0.0;
        double powerSum = 0.0;
        for (int k = 0; k < bins; k++) {
            double re = work.re[k];
            double im = work.im[k];
            double m = Math.sqrt(re * re + im * im) / bins;
            magnitude[k] = m;
            power[k] = m * m;
            powerSum += power[k];
            peak = Math.max(peak, m);
        }

        centroidAndSpread(tables, work, peak, out, offset);
        out[offset + SPECTRAL_ENTROPY] = blockEntropy(power, bins, powerSum, false);
        out[offset + SPECTRAL_FLUX] = first ? 0.0 : flux(magnitude, work.previousMagnitude, bins);
        out[offset + SPECTRAL_ROLLOFF] = rolloff(power, bins, powerSum);
        mfcc(tables, work, out, offset + MFCC);
        chroma(tables, power, powerSum, out, offset);

        System.arraycopy(magnitude, 0, work.previousMagnitude, 0, bins);
    }

    /**
     * Entropy of the energies of 10 contiguous blocks of floor(length/10) values, normalised by the total
     * energy of all {@code length} values; {@code square} false means the values are already energies.
     */
    private static double blockEntropy(double[] values, int length, double total, boolean square) {
        int blockLength = length / ENTROPY_BLOCKS;
        double denominator = total + EPS;
        double entropy = 0.0;
        for (int b = 0; b < ENTROPY_BLOCKS; b++) {
            double blockEnergy = 0.0;
            for (int i = b * blockLength, end = i + blockLength; i < end; i++) {
                blockEnergy += square ? values[i] * values[i] : values[i];
            }
            double share = blockEnergy / denominator;
            entropy -= share * ShortTermTables.log2(share + EPS);
        }
        return entropy;
    }

    private static void centroidAndSpread(ShortTermTables tables, Workspace work, double peak, double[] out,
            int offset) {
        int bins = tables.bins;
        double[] hz = tables.centroidHz;
        double[] relative = work.relative;
        double divisor = peak == 0.0 ? EPS : peak;
        double weighted = 0.0;
        double sum = 0.0;
        for (int k = 0; k < bins; k++) {
            relative[k] = work.magnitude[k] / divisor;
            weighted += hz[k] * relative[k];
            sum += relative[k];
        }
        double denominator = sum + EPS;
        double centroid = weighted / denominator;
        double spreadSum = 0.0;
        for (int k = 0; k < bins; k++) {
            double d = hz[k] - centroid;
            spreadSum += d * d * relative[k];
        }
        double spread = Math.sqrt(spreadSum / denominator);
        double nyquist = tables.sampleRate / 2.0;
        out[offset + SPECTRAL_CENTROID] = centroid / nyquist;
        out[offset + SPECTRAL_SPREAD] = spread / nyquist;
    }

    private static double flux(double[] magnitude, double[] previous, int bins) {
        double sum = 0.0;
        double previousSum = 0.0;
        for (int k = 0; k < bins; k++) {
            sum += magnitude[k] + EPS;
            previousSum += previous[k] + EPS;
        }
        double flux = 0.0;
        for (int k = 0; k < bins; k++) {
            double d = magnitude[k] / sum - previous[k] / previousSum;
            flux += d * d;
        }
        return flux;
    }

    private static double rolloff(double[] power, int bins, double powerSum) {
        double threshold = ROLLOFF_FRACTION * powerSum;
        double cumulative = 0.0;
        for (int k = 0; k < bins; k++) {
            cumulative += power[k];
            if (cumulative + EPS > threshold) {
                return k / (double) bins;
            }
        }
        return 0.0;
    }

    private static void mfcc(ShortTermTables tables, Workspace work, double[] out, int offset) {
        double[] logEnergy = work.logFilterEnergy;
        double[] magnitude = work.magnitude;
        for (int i = 0; i < ShortTermTables.MFCC_FILTERS; i++) {
            double[] weights = tables.filterWeights[i];
            int first = tables.filterFirstBin[i];
            double energy = 0.0;
            for (int j = 0; j < weights.length; j++) {
                energy += weights[j] * magnitude[first + j];
            }
            logEnergy[i] = Math.log10(energy + EPS);
        }
        for (int r = 0; r < ShortTermTables.MFCC_COEFFICIENTS; r++) {
            double[] basis = tables.dct[r];
            double c = 0.0;
            for (int i = 0; i < ShortTermTables.MFCC_FILTERS; i++) {
                c += basis[i] * logEnergy[i];
            }
            out[offset + r] = c;
        }
    }

    private static void chroma(ShortTermTables tables, double[] power, double powerSum, double[] out,
            int offset) {
        int base = offset + CHROMA;
        for (int c = 0; c < 12; c++) {
            out[base + c] = 0.0;
        }
        int[] sources = tables.chromaSourceBin;
        for (int e = 0; e < sources.length; e++) {
            out[base + tables.chromaClass[e]] += power[sources[e]] / tables.chromaDivisor[e];
        }
        double divisor = powerSum == 0.0 ? EPS : powerSum;
        double mean = 0.0;
        for (int c = 0; c < 12; c++) {
            out[base + c] /= divisor;
            mean += out[base + c];
        }
        mean /= 12.0;
        double variance = 0.0;
        for (int c = 0; c < 12; c++) {
            double d = out[base + c] - mean;
            variance += d * d;
        }
        out[offset + CHROMA_STD] = Math.sqrt(variance / 12.0);
    }

    private static double mean(float[] samples) {
        double sum = 0.0;
        for (int i = 0; i < samples.length; i++) {
            float s = samples[i];
            if (!Float.isFinite(s)) {
                throw new IllegalArgumentException("sample " + i + " of " + samples.length + " is " + s
                        + ": short-term features need finite samples");
            }
            sum += s;
        }
        return sum / samples.length;
    }

    private static double peakDeviation(float[] samples, double mean) {
        double peak = 0.0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s - mean));
        }
        return peak;
    }

    private static void checkSampleRate(int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    private static int toSamples(double seconds, int sampleRate) {
        double samples = Math.rint(seconds * sampleRate);
        if (samples > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s s at %d Hz is more samples than an array can hold", seconds, sampleRate));
        }
        return (int) samples;
    }

    private static List<String> baseNames() {
        List<String> names = new ArrayList<>(List.of("zcr", "energy", "energy_entropy", "spectral_centroid",
                "spectral_spread", "spectral_entropy", "spectral_flux", "spectral_rolloff"));
        for (int i = 1; i <= ShortTermTables.MFCC_COEFFICIENTS; i++) {
            names.add("mfcc_" + i);
        }
        for (int i = 1; i <= 12; i++) {
            names.add("chroma_" + i);
        }
        names.add("chroma_std");
        return names;
    }

    private static List<String> namesWithDeltas() {
        List<String> names = new ArrayList<>(baseNames());
        for (String name : baseNames()) {
            names.add("delta " + name);
        }
        return Collections.unmodifiableList(names);
    }

    /** Per-call work buffers (one extraction, one thread). */
    private static final class Workspace {
        final double[] frame;
        final double[] re;
        final double[] im;
        final double[] magnitude;
        final double[] previousMagnitude;
        final double[] power;
        final double[] relative;
        final double[] logFilterEnergy = new double[ShortTermTables.MFCC_FILTERS];

        Workspace(ShortTermTables tables) {
            frame = new double[tables.windowSamples];
            re = new double[tables.fft.spectrumSize()];
            im = new double[tables.fft.spectrumSize()];
            magnitude = new double[tables.bins];
            previousMagnitude = new double[tables.bins];
            power = new double[tables.bins];
            relative = new double[tables.bins];
        }
    }

    /**
     * Settings of a {@link ShortTermFeatures}; starts from the defaults (100 ms, 50 ms, no deltas).
     * {@link #build()} validates. Not thread-safe; the extractor it builds is.
     */
    public static final class Builder {
        private double windowSeconds = DEFAULT_WINDOW_SECONDS;
        private double stepSeconds = DEFAULT_STEP_SECONDS;
        private boolean deltas;

        private Builder() {
        }

        /** Analysis window length in seconds (default 0.100); must be positive and finite. */
        public Builder windowSeconds(double seconds) {
            this.windowSeconds = seconds;
            return this;
        }

        /** Step between window starts in seconds (default 0.050); must be positive and finite. */
        public Builder stepSeconds(double seconds) {
            this.stepSeconds = seconds;
            return this;
        }

        /** Whether to append the 34 delta columns (default false). */
        public Builder deltas(boolean deltas) {
            this.deltas = deltas;
            return this;
        }

        /**
         * Builds the extractor.
         *
         * @throws IllegalArgumentException naming the setting, if the window or step is not a positive
         *                                  finite number of seconds
         */
        public ShortTermFeatures build() {
            requirePositive("window", windowSeconds);
            requirePositive("step", stepSeconds);
            return new ShortTermFeatures(this);
        }

        private static void requirePositive(String setting, double seconds) {
            if (!(seconds > 0.0) || !Double.isFinite(seconds)) {
                throw new IllegalArgumentException(setting + " must be a positive, finite number of seconds, got "
                        + seconds);
            }
        }
    }
}
