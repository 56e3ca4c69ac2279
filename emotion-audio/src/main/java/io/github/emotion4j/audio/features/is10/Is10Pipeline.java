package io.github.emotion4j.audio.features.is10;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole IS10 computation: framing, the 25 ms and 60 ms branches, pitch smoothing, jitter and
 * shimmer, contour smoothing, deltas and functionals. Public only so that the public extractor in the
 * parent package can use it; not part of the library's API.
 *
 * <p>Immutable and thread-safe: every call works on its own buffers.
 */
public final class Is10Pipeline {

    /** Samples at 16 kHz. */
    public static final int SAMPLE_RATE = 16000;
    /** Shortest input that gives output: two 60 ms pitch frames. */
    public static final int MIN_SAMPLES = 1120;
    /** Number of functionals. */
    public static final int FEATURES = 1582;

    static final int HOP = 160;
    static final int LLD1 = 34;
    static final int LLD2 = 4;
    static final int LLD = LLD1 + LLD2;
    /** Raw LLD rows of the pitch branch. */
    private static final int F0_ENVELOPE = 32;
    private static final int VOICING = 33;
    private static final int F0 = 34;
    private static final int JITTER_LOCAL = 35;
    private static final int JITTER_DDP = 36;
    private static final int SHIMMER_LOCAL = 37;

    private static final List<String> LLD_NAMES = buildLldNames();
    private static final List<String> CONTOUR_NAMES = buildContourNames(LLD_NAMES);
    private static final List<String> FEATURE_NAMES = buildFeatureNames(CONTOUR_NAMES);
    /** Contour index of each low-level column: 38 smoothed LLDs, then their 38 deltas. */
    private static final int[] LOW_LEVEL_ORDER = lowLevelOrder();
    private static final List<String> LOW_LEVEL_NAMES = buildLowLevelNames();

    private final boolean wholeFrameLoudness;
    private final boolean intendedSegmentDeltas;
    private final boolean allFrames;
    private final ShortFrameAnalyzer shortFrames;
    private final ShsPitchDetector pitchDetector = new ShsPitchDetector();

    /**
     * @param wholeFrameLoudness loudness over the whole 25 ms frame (intended) instead of its first sample
     *     (openSMILE 3.0.1)
     * @param intendedSegmentDeltas per-contour, per-frame normaliser for the F0/jitter/shimmer deltas
     *     instead of openSMILE 3.0.1's running one
     * @param allFrames functionals over every analysis frame instead of all but the last three
     */
    public Is10Pipeline(boolean wholeFrameLoudness, boolean intendedSegmentDeltas, boolean allFrames) {
        this.wholeFrameLoudness = wholeFrameLoudness;
        this.intendedSegmentDeltas = intendedSegmentDeltas;
        this.allFrames = allFrames;
        this.shortFrames = new ShortFrameAnalyzer(wholeFrameLoudness);
    }

    /** The 1582 feature names, in output order (immutable). */
    public static List<String> featureNames() {
        return FEATURE_NAMES;
    }

    /** The 76 contour names: 34 smoothed LLDs, their deltas, 4 non-zero LLDs, their deltas (immutable). */
    public static List<String> contourNames() {
        return CONTOUR_NAMES;
    }

    /**
     * The 76 low-level column names as openSMILE writes its LLD file: the 38 smoothed LLDs, then their
     * 38 deltas (immutable).
     */
    public static List<String> lowLevelNames() {
        return LOW_LEVEL_NAMES;
    }

    /** Reorders contours (indexed as {@link #contourNames()}) into {@link #lowLevelNames()} order. */
    public static float[][] inLowLevelOrder(float[][] contours) {
        float[][] columns = new float[LOW_LEVEL_ORDER.length][];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = contours[LOW_LEVEL_ORDER[i]];
        }
        return columns;
    }

    private static int[] lowLevelOrder() {
        int[] order = new int[2 * LLD];
        int i = 0;
        for (int c = 0; c < LLD1; c++) {
            order[i++] = c;
        }
        for (int c = 0; c < LLD2; c++) {
            order[i++] = 2 * LLD1 + c;
        }
        for (int c = 0; c < LLD1; c++) {
            order[i++] = LLD1 + c;
        }
        for (int c = 0; c < LLD2; c++) {
            order[i++] = 2 * LLD1 + LLD2 + c;
        }
        return order;
    }

    private static List<String> buildLowLevelNames() {
        List<String> names = new ArrayList<>(2 * LLD);
        for (int index : LOW_LEVEL_ORDER) {
            names.add(CONTOUR_NAMES.get(index));
        }
        return List.copyOf(names);
    }

    private static List<String> buildFeatureNames(List<String> contours) {
        List<String> names = new ArrayList<>(FEATURES);
        for (int c = 0; c < 2 * LLD1; c++) {
            for (String f : Functionals.FULL_NAMES) {
                names.add(contours.get(c) + "_" + f);
            }
        }
        for (int c = 2 * LLD1; c < 2 * LLD; c++) {
            for (String f : Functionals.NON_ZERO_NAMES) {
                names.add(contours.get(c) + "_" + f);
            }
        }
        names.add("F0final__Turn_onsetRate");
        names.add("F0final__Turn_duration");
        return List.copyOf(names);
    }

    private static List<String> buildContourNames(List<String> lld) {
        List<String> names = new ArrayList<>(2 * LLD);
        for (int i = 0; i < LLD1; i++) {
            names.add(withSuffix(lld.get(i), "_sma"));
        }
        for (int i = 0; i < LLD1; i++) {
            names.add(withSuffix(lld.get(i), "_sma_de"));
        }
        for (int i = LLD1; i < LLD; i++) {
            names.add(withSuffix(lld.get(i), "_sma"));
        }
        for (int i = LLD1; i < LLD; i++) {
            names.add(withSuffix(lld.get(i), "_sma_de"));
        }
        return List.copyOf(names);
    }

    /** {@code mfcc[3]} + {@code _sma} = {@code mfcc_sma[3]}, as openSMILE names array fields. */
    private static String withSuffix(String lld, String suffix) {
        int bracket = lld.indexOf('[');
        return bracket < 0 ? lld + suffix : lld.substring(0, bracket) + suffix + lld.substring(bracket);
    }

    private static List<String> buildLldNames() {
        List<String> names = new ArrayList<>(LLD);
        names.add("pcm_loudness");
        for (int i = 0; i < 15; i++) {
            names.add("mfcc[" + i + "]");
        }
        for (int i = 0; i < 8; i++) {
            names.add("logMelFreqBand[" + i + "]");
        }
        for (int i = 0; i < 8; i++) {
            names.add("lspFreq[" + i + "]");
        }
        names.add("F0finEnv");
        names.add("voicingFinalUnclipped");
        names.add("F0final");
        names.add("jitterLocal");
        names.add("jitterDDP");
        names.add("shimmerLocal");
        return List.copyOf(names);
    }

    /** Number of 60 ms analysis frames of a signal of {@code n} samples. */
    static int analysisFrames(int n) {
        return (n - ShsPitchDetector.FRAME) / HOP + 1;
    }

    /** Result of one run: the 76 contours ({@code [contour][frame]}) and the 1582 functionals. */
    public record Result(float[][] contours, double[] features) {
    }

    /**
     * Runs the pipeline on {@code pcm} (borrowed, not modified): 16 kHz samples already scaled the way
     * openSMILE reads 16-bit audio (int16 / 32767). The caller has checked the length.
     */
    public Result run(float[] pcm) {
        int n = pcm.length;
        if (n < MIN_SAMPLES) {
            throw new IllegalArgumentException("IS10 needs at least " + MIN_SAMPLES + " samples, got " + n);
        }
        int frames = analysisFrames(n);
        int shortFrameCount = (n - ShortFrameAnalyzer.FRAME) / HOP + 1;

        // 25 ms branch: frames 0..frames (one extra as right-hand context of the smoother)
        int shortRows = Math.min(shortFrameCount, frames + 1);
        float[][] raw = new float[LLD][frames + 1];
        ShortFrameAnalyzer.Scratch shortScratch = new ShortFrameAnalyzer.Scratch();
        float[] values = new float[ShortFrameAnalyzer.VALUES];
        for (int t = 0; t < shortRows; t++) {
            shortFrames.analyse(pcm, t * HOP, values, 0, shortScratch);
            for (int f = 0; f < ShortFrameAnalyzer.VALUES; f++) {
                raw[f][t] = values[f];
            }
        }

        // 60 ms branch: pitch, smoothed with one frame of delay; openSMILE hands the jitter component each
        // smoothed F0 with the time stamp of the frame after it, so its waveform is read from there
        ShsPitchDetector.Scratch pitchScratch = new ShsPitchDetector.Scratch();
        PitchSmoother smoother = new PitchSmoother();
        JitterShimmer jitter = new JitterShimmer(pcm, n);
        int pitchRows = 0;
        for (int t = 0; t < frames; t++) {
            ShsPitchDetector.Candidate c = pitchDetector.analyse(pcm, t * HOP, pitchScratch);
            PitchSmoother.Output out = smoother.push(c.f0(), c.voicing());
            if (out != null) {
                storePitch(raw, pitchRows, out, jitter.next(out.f0(), (long) (pitchRows + 1) * HOP));
                pitchRows++;
            }
        }
        if (allFrames) {
            // openSMILE's smoother never emits the last frame; the corrected definition does
            PitchSmoother.Output out = smoother.flush();
            storePitch(raw, pitchRows, out, jitter.next(out.f0(), (long) (pitchRows + 1) * HOP));
            pitchRows++;
        }
        // rows after the last pitch row repeat it (openSMILE pads the smoother input that way)
        for (int r = pitchRows; r <= frames; r++) {
            for (int f = F0_ENVELOPE; f < LLD; f++) {
                raw[f][r] = raw[f][pitchRows - 1];
            }
        }

        float[][] contours = new float[2 * LLD][];
        for (int f = 0; f < LLD1; f++) {
            contours[f] = Contours.smooth(raw[f], frames, false);
            contours[LLD1 + f] = Contours.delta(contours[f], frames);
        }
        float[][] smooth2 = new float[LLD2][];
        for (int f = 0; f < LLD2; f++) {
            smooth2[f] = Contours.smooth(raw[LLD1 + f], frames, true);
            contours[2 * LLD1 + f] = smooth2[f];
        }
        float[][] delta2;
        if (intendedSegmentDeltas) {
            delta2 = new float[LLD2][];
            for (int f = 0; f < LLD2; f++) {
                delta2[f] = Contours.deltaInSegments(smooth2[f], frames);
            }
        } else {
            delta2 = Contours.deltaInSegmentsRunningNorm(smooth2, frames);
        }
        for (int f = 0; f < LLD2; f++) {
            contours[2 * LLD1 + LLD2 + f] = delta2[f];
        }

        // openSMILE 3.0.1 summarises all but the last three frames (at least one frame here; its output
        // for inputs under four frames is not documented)
        int used = allFrames ? frames : Math.max(1, frames - 3);
        double[] features = new double[FEATURES];
        int o = 0;
        for (int c = 0; c < 2 * LLD1; c++) {
            Functionals.full(contours[c], used, features, o);
            o += Functionals.FULL_NAMES.size();
        }
        for (int c = 2 * LLD1; c < 2 * LLD; c++) {
            Functionals.nonZero(contours[c], used, features, o);
            o += Functionals.NON_ZERO_NAMES.size();
        }
        int onsetFrames = allFrames ? frames : frames - 1;
        features[o++] = Functionals.onsetRate(raw[F0], onsetFrames);
        features[o] = Functionals.duration(onsetFrames);
        return new Result(contours, features);
    }

    private static void storePitch(float[][] raw, int row, PitchSmoother.Output pitch, JitterShimmer.Output jitter) {
        raw[F0_ENVELOPE][row] = pitch.f0Envelope();
        raw[VOICING][row] = pitch.voicing();
        raw[F0][row] = pitch.f0();
        raw[JITTER_LOCAL][row] = jitter.jitterLocal();
        raw[JITTER_DDP][row] = jitter.jitterDdp();
        raw[SHIMMER_LOCAL][row] = jitter.shimmerLocal();
    }
}
