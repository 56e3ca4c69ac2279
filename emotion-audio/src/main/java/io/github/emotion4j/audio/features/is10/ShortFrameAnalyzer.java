package io.github.emotion4j.audio.features.is10;

/**
 * The 25 ms branch of IS10: for each 400-sample frame (hop 160) it computes loudness, MFCC 0-14,
 * 8 log mel bands and 8 LSP frequencies, in openSMILE's single precision.
 *
 * <p>Chain: raw frame &rarr; loudness; frame &rarr; pre-emphasis (k = 0.97, {@code y[0] = (1-k) x[0]})
 * &rarr; Hamming window &rarr; 512-point single-precision FFT ({@link SinglePrecisionRealFft}) with the
 * frame centred (56 zeros each side) &rarr;
 * magnitudes &rarr; power &rarr; 26-band mel (20-8000 Hz) &rarr; log (floor 1e-8) &rarr; DCT-II (c0 first,
 * {@code sqrt(2/26)}) &rarr; lifter 22; power &rarr; 8-band mel (20-6500 Hz) &rarr; log (floor 1e-12);
 * complex spectrum &rarr; resampled to 11 kHz (275 samples, {@link SpectrumResampler}) &rarr; LPC 8 &rarr; LSP.
 * Every step rounds as openSMILE's does: on tonal input the LSPs magnify a one-ulp difference.
 *
 * <p>Immutable and thread-safe (per-call scratch in {@link Scratch}); internal to the IS10 extractor.
 */
final class ShortFrameAnalyzer {

    static final int FRAME = 400;
    static final int FFT = 512;
    static final int BINS = FFT / 2 + 1;
    static final int MFCC = 15;
    static final int LOG_MEL = 8;
    /** Values per frame: loudness, 15 MFCC, 8 log mel bands, 8 LSP. */
    static final int VALUES = 1 + MFCC + LOG_MEL + LineSpectralPairs.ORDER;

    private static final float PREEMPHASIS = 0.97f;
    private static final float MEL_FLOOR = 1e-8f;
    private static final float LOG_FLOOR = 1e-12f;
    private static final double I0 = 1e-6;
    private static final int PAD = (FFT - FRAME) / 2;

    private final boolean wholeFrameLoudness;
    private final double[] hamming = new double[FRAME];
    private final float[] hammingF = new float[FRAME];
    private final double hammingSum;
    private final SinglePrecisionRealFft fft = new SinglePrecisionRealFft(FFT);
    private final MelFilterBank mfccBank;
    private final MelFilterBank logMelBank;
    private final float[] dctTable;
    private final float[] lifter;
    private final float dctFactor;
    private final float logMelFloor;
    private final float logLogFloor;
    private final SpectrumResampler resampler = new SpectrumResampler();

    /** Per-call working memory; not shared between threads. */
    static final class Scratch {
        final float[] frame = new float[FRAME];
        /** The zero-padded frame, then its spectrum in {@link SinglePrecisionRealFft}'s layout. */
        final float[] spectrum = new float[FFT];
        final float[] power = new float[BINS];
        final float[] mel26 = new float[26];
        final float[] mel8 = new float[LOG_MEL];
        final float[] logMel = new float[26];
        final float[] resampled = new float[SpectrumResampler.OUTPUT_LENGTH];
        final float[] lpc = new float[LineSpectralPairs.ORDER + 1];
        final float[] lsp = new float[LineSpectralPairs.ORDER];
    }

    /**
     * @param wholeFrameLoudness false: openSMILE 3.0.1's loudness from the first sample of the frame
     *     only; true: the intended Hamming-weighted mean square over the whole frame
     */
    ShortFrameAnalyzer(boolean wholeFrameLoudness) {
        this.wholeFrameLoudness = wholeFrameLoudness;
        double sum = 0.0;
        for (int i = 0; i < FRAME; i++) {
            hamming[i] = 0.54 - 0.46 * Math.cos((2.0 * Math.PI * i) / (FRAME - 1.0));
            hammingF[i] = (float) hamming[i];
            sum += hamming[i];
        }
        hammingSum = sum;
        double frameSizeSec = 0.025 * FFT / FRAME;
        mfccBank = new MelFilterBank(26, 20.0f, 8000.0f, BINS, frameSizeSec);
        logMelBank = new MelFilterBank(LOG_MEL, 20.0f, 6500.0f, BINS, frameSizeSec);
        dctTable = new float[MFCC * 26];
        for (int i = 0; i < MFCC; i++) {
            for (int m = 0; m < 26; m++) {
                dctTable[i * 26 + m] = (float) Math.cos(Math.PI * (i / 26.0) * (m + 0.5));
            }
        }
        lifter = new float[MFCC];
        for (int i = 0; i < MFCC; i++) {
            lifter[i] = (float) (1.0 + 11.0 * Math.sin((double) ((float) Math.PI * (float) i / 22.0f)));
        }
        dctFactor = (float) Math.sqrt(2.0 / 26.0);
        logMelFloor = (float) Math.log(MEL_FLOOR);
        logLogFloor = (float) Math.log(LOG_FLOOR);
    }

    /**
     * Analyses the frame starting at {@code start} of {@code samples} (borrowed) into
     * {@code out[offset .. offset + VALUES)}.
     */
    void analyse(float[] samples, int start, float[] out, int offset, Scratch s) {
        float[] x = s.frame;
        System.arraycopy(samples, start, x, 0, FRAME);

        out[offset] = loudness(x);

        // pre-emphasis and Hamming window, single precision, centred in the zero-padded FFT frame
        float[] spectrum = s.spectrum;
        java.util.Arrays.fill(spectrum, 0, PAD, 0.0f);
        java.util.Arrays.fill(spectrum, PAD + FRAME, FFT, 0.0f);
        float previous = x[0];
        spectrum[PAD] = ((1.0f - PREEMPHASIS) * x[0]) * hammingF[0];
        for (int i = 1; i < FRAME; i++) {
            float y = x[i] - PREEMPHASIS * previous;
            previous = x[i];
            spectrum[PAD + i] = y * hammingF[i];
        }
        fft.forward(spectrum);
        float[] power = s.power;
        // DC and Nyquist: |X|, as openSMILE 3.0.1 reports them
        float dc = Math.abs(spectrum[0]);
        float nyquist = Math.abs(spectrum[1]);
        power[0] = dc * dc;
        power[BINS - 1] = nyquist * nyquist;
        for (int k = 1; k < BINS - 1; k++) {
            float re = spectrum[2 * k];
            float im = spectrum[2 * k + 1];
            float mag = (float) Math.sqrt(re * re + im * im);
            power[k] = mag * mag;
        }

        // MFCC
        mfccBank.apply(power, s.mel26);
        float[] logMel = s.logMel;
        for (int m = 0; m < 26; m++) {
            logMel[m] = s.mel26[m] < MEL_FLOOR ? logMelFloor : (float) Math.log(s.mel26[m]);
        }
        for (int i = 0; i < MFCC; i++) {
            float c = 0.0f;
            for (int m = 0; m < 26; m++) {
                c += logMel[m] * dctTable[i * 26 + m];
            }
            c *= lifter[i] * dctFactor;
            out[offset + 1 + i] = c;
        }

        // log mel bands
        logMelBank.apply(power, s.mel8);
        for (int m = 0; m < LOG_MEL; m++) {
            float v = s.mel8[m];
            out[offset + 1 + MFCC + m] = v > LOG_FLOOR ? (float) Math.log(v) : logLogFloor;
        }

        // LSP
        resampler.resample(spectrum, s.resampled);
        LineSpectralPairs.lpc(s.resampled, SpectrumResampler.OUTPUT_LENGTH, s.lpc);
        LineSpectralPairs.lsp(s.lpc, s.lsp);
        System.arraycopy(s.lsp, 0, out, offset + 1 + MFCC + LOG_MEL, LineSpectralPairs.ORDER);
    }

    private float loudness(float[] x) {
        double intensity = 0.0;
        int n = wholeFrameLoudness ? FRAME : 1;
        for (int i = 0; i < n; i++) {
            intensity += hamming[i] * (double) x[i] * (double) x[i];
        }
        intensity /= hammingSum;
        return (float) Math.pow(intensity / I0, 0.3);
    }
}
