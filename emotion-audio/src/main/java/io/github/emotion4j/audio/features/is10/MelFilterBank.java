package io.github.emotion4j.audio.features.is10;

/**
 * openSMILE's {@code cMelspec} triangular filterbank ({@code bwMethod=lr}, {@code htkcompatible=0},
 * {@code usePower=1}): band centres equally spaced on the mel scale {@code 1127 ln(1 + f/700)} between
 * {@code lofreq} and {@code hifreq}, each band's edges at its neighbours' centres, unnormalised
 * triangles of peak 1. Bins {@code round(lo/df) < n < round(hi/df)} contribute; bin {@code n} gives a
 * weight to the band below it and one minus that weight to the band above. Single precision as in
 * openSMILE.
 *
 * <p>Immutable and thread-safe; internal to the IS10 extractor.
 */
final class MelFilterBank {

    private final int bands;
    private final int firstBin;
    private final int endBin;
    /** Index of the lower band each bin feeds (-1: only the upper band, -3: unused). */
    private final int[] lowerBand;
    private final float[] lowerWeight;

    /**
     * @param bins number of magnitude bins (257 for a 512-point FFT)
     * @param frameSizeSec the FFT frame length in seconds (0.032)
     */
    MelFilterBank(int bands, float loHz, float hiHz, int bins, double frameSizeSec) {
        this.bands = bands;
        float binHz = (float) (1.0 / frameSizeSec);
        float lowMel = (float) mel(loHz);
        float highMel = (float) mel(hiHz);
        firstBin = (int) Math.round((double) (loHz / binHz));
        endBin = Math.min(bins, (int) Math.round((double) (hiHz / binHz)));
        float halfBandwidth = (highMel - lowMel) / ((float) bands + 1.0f);
        float[] centres = new float[bands + 2];
        for (int m = 0; m <= bands + 1; m++) {
            centres[m] = lowMel + (float) m * halfBandwidth;
        }
        lowerBand = new int[bins];
        int m = 0;
        for (int n = 0; n < bins; n++) {
            if (n <= firstBin || n >= endBin) {
                lowerBand[n] = -3;
            } else {
                float binMel = (float) mel((float) n * binHz);
                while (centres[m] < binMel) {
                    if (m > bands) {
                        break;
                    }
                    m++;
                }
                lowerBand[n] = m - 2;
            }
        }
        lowerWeight = new float[bins];
        m = 0;
        for (int n = firstBin; n < endBin; n++) {
            float binMel = (float) mel((float) n * binHz);
            while (binMel > centres[m + 1] && m <= bands) {
                m++;
            }
            lowerWeight[n] = (centres[m + 1] - binMel) / (centres[m + 1] - centres[m]);
        }
    }

    static double mel(double hz) {
        return hz > 0.0 ? 1127.0 * Math.log(1.0 + hz / 700.0) : 0.0;
    }

    int bands() {
        return bands;
    }

    /** Applies the filterbank to a power spectrum (borrowed) and writes {@code bands()} values to {@code out}. */
    void apply(float[] power, float[] out) {
        java.util.Arrays.fill(out, 0, bands, 0.0f);
        for (int n = firstBin; n < endBin; n++) {
            int m = lowerBand[n];
            if (m > -2) {
                double a = (double) power[n] * (double) lowerWeight[n];
                if (m > -1) {
                    out[m] += (float) a;
                }
                if (m < bands - 1) {
                    out[m + 1] += power[n] - (float) a;
                }
            }
        }
    }
}
