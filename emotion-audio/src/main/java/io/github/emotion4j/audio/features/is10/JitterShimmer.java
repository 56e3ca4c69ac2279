package io.github.emotion4j.audio.features.is10;

/**
 * openSMILE's {@code cPitchJitter} as IS10 configures it: period-by-period waveform matching on the raw
 * signal guided by the smoothed F0, giving local jitter, DDP jitter and local shimmer per pitch frame.
 *
 * <p>For a voiced frame the signal is read from where the previous frame's last complete period ended;
 * each period length is the peak of the normalised cross-correlation between consecutive windows, searched
 * within &plusmn;20% of {@code 1/F0} and refined by parabolic interpolation. Jitter values are relative to
 * the mean period of the frame and clipped to 1; shimmer uses peak-to-peak amplitudes. A voiced frame
 * without accepted periods repeats the previous value; unvoiced frames give 0 and reset the memory.
 * openSMILE 3.0.1's default {@code useBrokenJitterThresh=1} is reproduced: a period is accepted only when
 * its correlation exceeds the lowest correlation seen so far in the frame (the first one usually is not).
 *
 * <p>Mutable, one instance per signal; internal to the IS10 extractor.
 */
final class JitterShimmer {

    private static final int FRAME = 960;
    private static final int STEP = 160;
    private static final double SEARCH_RANGE = 0.2;
    private static final int MIN_PERIODS = 2;
    private static final double SAMPLE_PERIOD = 1.0 / 16000.0;

    private final float[] x;
    private final int available;

    private long lastIdx;
    private long lastMis;
    private float lastT0;
    private float lastDiff;
    private float lastJitterLocal;
    private float lastJitterDdp;
    private float lastShimmer;

    /** Values of one frame. */
    record Output(float jitterLocal, float jitterDdp, float shimmerLocal) {
    }

    /**
     * @param samples the signal (borrowed, not modified)
     * @param available how many samples may be read (the signal length)
     */
    JitterShimmer(float[] samples, int available) {
        this.x = samples;
        this.available = available;
    }

    /**
     * Processes the next pitch frame.
     *
     * @param f0 smoothed F0 of the frame in Hz (0: unvoiced)
     * @param startSample the sample index at which openSMILE believes the frame starts
     */
    Output next(float f0, long startSample) {
        long frameLength = FRAME;
        long toRead0 = STEP + lastMis;
        long toRead = toRead0;
        int t0f = 0;
        int t0minF = 0;
        int t0maxF = 0;
        if (f0 > 0.0f) {
            double t0 = 1.0 / f0;
            double tf = t0 / SAMPLE_PERIOD;
            t0f = (int) Math.round(tf);
            t0minF = (int) Math.floor((1.0 - SEARCH_RANGE) * tf);
            t0maxF = (int) Math.ceil((1.0 + SEARCH_RANGE) * tf);
            long twoPeriods = (long) MIN_PERIODS * t0maxF + MIN_PERIODS;
            if (toRead < twoPeriods) {
                toRead = twoPeriods;
            }
        }
        long maxRead = lastMis + frameLength;
        if (toRead > maxRead) {
            toRead = maxRead;
        }
        if (startSample - lastMis != lastIdx) {
            lastIdx = startSample;
            if (toRead > frameLength) {
                toRead = frameLength;
            }
        }
        int base = (int) lastIdx;
        int nT = (int) Math.max(0, Math.min(toRead, available - lastIdx));

        float nPeriods = 0.0f;
        float nPeriodsLocal = 0.0f;
        float nPeriodsDdp = 0.0f;
        float avgPeriod = 0.0f;
        float jitterDdp = 0.0f;
        float jitterLocal = 0.0f;
        float avgAmp = 0.0f;
        float avgAmpDiff = 0.0f;
        long lastPeriod = 0;

        if (f0 > 0.0f) {
            double[] cc = new double[t0maxF - t0minF + 1];
            float minCc = -2.0f;
            long start = 0;
            while (start < nT - 2L * t0maxF - 1) {
                for (int tf = t0minF; tf <= t0maxF; tf++) {
                    cc[tf - t0minF] = crossCorrelation(base + (int) start, base + (int) start + tf, tf);
                }
                int maxI = -1;
                double max = 0.0;
                for (int i = 1; i < t0maxF - t0minF - 1; i++) {
                    if (cc[i - 1] < cc[i] && cc[i] > cc[i + 1]) {
                        if (maxI == -1 || cc[i] > max) {
                            maxI = i;
                            max = cc[i];
                        }
                    }
                }
                if (maxI >= 0) {
                    int pp = t0minF + maxI;
                    long os = start;
                    start += pp;
                    float a0 = peakToPeak(base + (int) os, pp);
                    float a1 = peakToPeak(base + (int) start, pp);
                    float ampDiff = Math.abs(a0 - a1);

                    double[] peak = new double[1];
                    double offset = ShsPitchDetector.quadraticPeak(maxI - 1, cc[maxI - 1], maxI, cc[maxI], maxI + 1,
                            cc[maxI + 1], peak);
                    double periodSec = Math.abs(t0minF + offset) * SAMPLE_PERIOD;
                    double ccI = peak[0];
                    if (minCc == -2.0f || minCc > (float) ccI) {
                        minCc = (float) ccI;
                    }
                    if (ccI > minCc) {
                        float period = (float) periodSec;
                        avgPeriod += period;
                        nPeriods += 1.0f;
                        if (lastT0 > 0.0f) {
                            float diff = Math.abs(lastT0 - period);
                            jitterLocal += diff;
                            nPeriodsLocal += 1.0f;
                            if (lastDiff > 0.0f) {
                                jitterDdp += Math.abs(lastDiff - diff);
                                nPeriodsDdp += 1.0f;
                            }
                            lastDiff = diff;
                        }
                        lastT0 = period;
                        avgAmp += (a0 + a1) / 2.0f;
                        avgAmpDiff += ampDiff;
                    }
                } else {
                    start += t0f;
                }
                if (start < toRead0 - 1) {
                    lastPeriod = start;
                }
            }
            lastMis = toRead0 - lastPeriod;
        } else {
            lastPeriod = toRead0;
            lastMis = 0;
            lastT0 = 0.0f;
            lastDiff = 0.0f;
            lastJitterDdp = 0.0f;
            lastJitterLocal = 0.0f;
            lastShimmer = 0.0f;
        }
        lastIdx += lastPeriod;

        boolean voiced = f0 > 0.0f;
        float outLocal = 0.0f;
        if (nPeriods > 0.0f && nPeriodsLocal > 0.0f && voiced) {
            jitterLocal /= nPeriodsLocal;
            lastJitterLocal = jitterLocal / (avgPeriod / nPeriods);
            outLocal = clip(lastJitterLocal);
            lastJitterLocal = outLocal;
        } else if (nPeriods == 0.0f && voiced) {
            lastJitterLocal = clip(lastJitterLocal);
            outLocal = lastJitterLocal;
        }
        float outDdp = 0.0f;
        if (nPeriods > 0.0f && nPeriodsDdp > 0.0f && voiced) {
            jitterDdp /= nPeriodsDdp;
            lastJitterDdp = jitterDdp / (avgPeriod / nPeriods);
            outDdp = clip(lastJitterDdp);
            lastJitterDdp = outDdp;
        } else if (nPeriods == 0.0f && voiced) {
            lastJitterDdp = clip(lastJitterDdp);
            outDdp = lastJitterDdp;
        }
        float outShimmer = 0.0f;
        if (nPeriods > 0.0f && voiced) {
            lastShimmer = avgAmp > 0.0f ? avgAmpDiff / avgAmp : 0.0f;
            lastShimmer = clip(lastShimmer);
            outShimmer = lastShimmer;
        } else if (nPeriods == 0.0f && voiced) {
            lastShimmer = clip(lastShimmer);
            outShimmer = lastShimmer;
        }
        return new Output(outLocal, outDdp, outShimmer);
    }

    private static float clip(float v) {
        return v > 1.0f ? 1.0f : v;
    }

    /** Normalised cross-correlation of {@code x[a..a+n)} and {@code x[b..b+n)}, as openSMILE computes it. */
    private double crossCorrelation(int a, int b, int n) {
        double mx = 0.0;
        double my = 0.0;
        for (int i = 0; i < n; i++) {
            mx += x[a + i];
            my += x[b + i];
        }
        mx /= n;
        my /= n;
        double cc = 0.0;
        double nx = 0.0;
        double ny = 0.0;
        for (int i = 0; i < n; i++) {
            double dx = x[a + i] - mx;
            double dy = x[b + i] - my;
            cc += dx * dy;
            nx += dx * dx;
            ny += dy * dy;
        }
        return cc / (Math.sqrt(nx) * Math.sqrt(ny));
    }

    /** Max minus min of {@code x[a+1 .. a+n-2]} (openSMILE skips the first and last sample). */
    private float peakToPeak(int a, int n) {
        float max = x[a + 1];
        float min = x[a + 1];
        for (int i = 1; i < n - 1; i++) {
            float v = x[a + i];
            if (v > max) {
                max = v;
            }
            if (v < min) {
                min = v;
            }
        }
        return max - min;
    }
}
