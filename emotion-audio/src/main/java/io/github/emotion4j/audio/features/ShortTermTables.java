package io.github.emotion4j.audio.features;

import io.github.emotion4j.audio.dsp.RealFft;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything {@link ShortTermFeatures} precomputes for one (sample rate, window, step): the FFT, bin
 * frequencies for the centroid, the MFCC filter bank and DCT, and pyAudioAnalysis's chroma map, each
 * built exactly as pyAudioAnalysis builds it (quirks documented on {@link ShortTermFeatures}).
 *
 * <p>Immutable after construction and shared by all threads that extract at this sample rate; arrays are
 * owned by this object and never handed out.
 */
final class ShortTermTables {

    static final int MFCC_FILTERS_LINEAR = 13;
    static final int MFCC_FILTERS_LOG = 27;
    static final int MFCC_FILTERS = MFCC_FILTERS_LINEAR + MFCC_FILTERS_LOG;
    static final int MFCC_COEFFICIENTS = 13;
    private static final double MFCC_LOWEST_HZ = 133.33;
    private static final double MFCC_LINEAR_STEP_HZ = 200.0 / 3.0;
    private static final double MFCC_LOG_FACTOR = 1.0711703;
    private static final double CHROMA_REFERENCE_HZ = 27.50;

    final int sampleRate;
    final int windowSamples;
    final int stepSamples;
    /** Number of spectrum bins pyAudioAnalysis keeps: window / 2 (Nyquist excluded for even windows). */
    final int bins;
    final RealFft fft;

    /** Frequency pyAudioAnalysis assigns to bin k for centroid and spread: (k + 1)·fs / (2·bins). */
    final double[] centroidHz;

    /** Filter i covers bins filterFirstBin[i] .. filterFirstBin[i] + filterWeights[i].length − 1. */
    final int[] filterFirstBin;
    final double[][] filterWeights;
    /** Orthonormal DCT-II rows 0 .. 12 over the 40 log filter energies. */
    final double[][] dct;

    /**
     * Chroma entries in ascending slot order: the squared magnitude of bin chromaSourceBin[e], divided by
     * chromaDivisor[e], is added to class chromaClass[e].
     */
    final int[] chromaSourceBin;
    final double[] chromaDivisor;
    final int[] chromaClass;

    ShortTermTables(int sampleRate, int windowSamples, int stepSamples) {
        this.sampleRate = sampleRate;
        this.windowSamples = windowSamples;
        this.stepSamples = stepSamples;
        this.bins = windowSamples / 2;
        this.fft = new RealFft(windowSamples);
        this.centroidHz = new double[bins];
        double binWidth = sampleRate / (2.0 * bins);
        for (int k = 0; k < bins; k++) {
            centroidHz[k] = (k + 1) * binWidth;
        }
        this.filterFirstBin = new int[MFCC_FILTERS];
        this.filterWeights = new double[MFCC_FILTERS][];
        buildFilterBank();
        this.dct = orthonormalDct(MFCC_COEFFICIENTS, MFCC_FILTERS);
        int[][] chroma = buildChromaMap();
        this.chromaSourceBin = chroma[0];
        this.chromaClass = chroma[1];
        this.chromaDivisor = Arrays.stream(chroma[2]).asDoubleStream().toArray();
    }

    /**
     * pyAudioAnalysis {@code mfcc_filter_banks(fs, bins)} (from scikits.talkbox): 13 linear then 27
     * logarithmic triangle edges, heights 2 / (upper − lower edge), sampled at bin frequencies k·fs/bins.
     * Bins past the spectrum (only when fs is below about 6.9 kHz, where pyAudioAnalysis fails) are left out.
     */
    private void buildFilterBank() {
        double[] edges = new double[MFCC_FILTERS + 2];
        for (int i = 0; i < MFCC_FILTERS_LINEAR; i++) {
            edges[i] = MFCC_LOWEST_HZ + i * MFCC_LINEAR_STEP_HZ;
        }
        for (int i = MFCC_FILTERS_LINEAR; i < edges.length; i++) {
            edges[i] = edges[MFCC_FILTERS_LINEAR - 1] * Math.pow(MFCC_LOG_FACTOR, i - MFCC_FILTERS_LINEAR + 1);
        }
        double[] binHz = new double[bins];
        for (int k = 0; k < bins; k++) {
            binHz[k] = k / (1.0 * bins) * sampleRate;
        }
        for (int i = 0; i < MFCC_FILTERS; i++) {
            double low = edges[i];
            double centre = edges[i + 1];
            double high = edges[i + 2];
            double height = 2.0 / (high - low);
            int first = (int) Math.floor(low * bins / sampleRate) + 1;
            int centreEnd = (int) Math.floor(centre * bins / sampleRate) + 1;
            int end = Math.min((int) Math.floor(high * bins / sampleRate) + 1, bins);
            double riseSlope = height / (centre - low);
            double fallSlope = height / (high - centre);
            int count = Math.max(0, end - first);
            double[] weights = new double[count];
            for (int k = first; k < end; k++) {
                weights[k - first] = k < centreEnd ? riseSlope * (binHz[k] - low) : fallSlope * (high - binHz[k]);
            }
            filterFirstBin[i] = Math.min(first, bins);
            filterWeights[i] = weights;
        }
    }

    /** scipy {@code dct(type=2, norm='ortho')} as a matrix: row r = s_r·cos(π·r·(2j + 1) / 2N). */
    private static double[][] orthonormalDct(int rows, int size) {
        double[][] matrix = new double[rows][size];
        for (int r = 0; r < rows; r++) {
            double scale = r == 0 ? Math.sqrt(1.0 / size) : Math.sqrt(2.0 / size);
            for (int j = 0; j < size; j++) {
                matrix[r][j] = scale * Math.cos(Math.PI * r * (2 * j + 1) / (2.0 * size));
            }
        }
        return matrix;
    }

    /**
     * pyAudioAnalysis {@code chroma_features_init} and the scatter in {@code chroma_features}: bin k has
     * frequency (k + 1)·fs / (2·bins) and semitone s(k) = round(12·log2(f / 27.5)); the spectrum goes to
     * slot s(k) of an array of length {@code bins} (negative slots count from the end, a later bin
     * overwrites an earlier one on the same slot); slot j is then divided by {@code count[s(j)]}, where
     * {@code count[b]} is the number of bins sharing bin b's semitone (numpy's
     * {@code C /= num_freqs_per_chroma[num_chroma]}: a semitone index used as a bin index); slots are summed
     * by j mod 12.
     *
     * @return {source bin, chroma class, divisor} per occupied slot, slots ascending
     */
    private int[][] buildChromaMap() {
        int[] semitone = new int[bins];
        int highest = Integer.MIN_VALUE;
        for (int k = 0; k < bins; k++) {
            double hz = ((k + 1) * (double) sampleRate) / (2.0 * bins);
            semitone[k] = (int) Math.rint(12.0 * log2(hz / CHROMA_REFERENCE_HZ));
            highest = Math.max(highest, semitone[k]);
        }
        if (highest >= bins) {
            int minimumWindow = 2 * (highest + 1);
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a window of %d samples (%.4f s at %d Hz) is too short for pyAudioAnalysis's chroma features:"
                            + " its %d spectrum bins must exceed the highest semitone index %d; use a window of at"
                            + " least %d samples (%.4f s)",
                    windowSamples, windowSamples / (double) sampleRate, sampleRate, bins, highest,
                    minimumWindow, minimumWindow / (double) sampleRate));
        }
        int[] binsPerSemitone = new int[bins];
        Map<Integer, Integer> counts = new HashMap<>();
        for (int k = 0; k < bins; k++) {
            counts.merge(semitone[k], 1, Integer::sum);
        }
        for (int k = 0; k < bins; k++) {
            binsPerSemitone[k] = counts.get(semitone[k]);
        }
        int[] sourceOfSlot = new int[bins];
        Arrays.fill(sourceOfSlot, -1);
        for (int k = 0; k < bins; k++) {
            sourceOfSlot[Math.floorMod(semitone[k], bins)] = k;
        }
        int occupied = (int) Arrays.stream(sourceOfSlot).filter(source -> source >= 0).count();
        int[] source = new int[occupied];
        int[] chromaClass = new int[occupied];
        int[] divisor = new int[occupied];
        int entry = 0;
        for (int slot = 0; slot < bins; slot++) {
            if (sourceOfSlot[slot] >= 0) {
                source[entry] = sourceOfSlot[slot];
                chromaClass[entry] = slot % 12;
                divisor[entry] = binsPerSemitone[Math.floorMod(semitone[slot], bins)];
                entry++;
            }
        }
        return new int[][] {source, chromaClass, divisor};
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }
}
