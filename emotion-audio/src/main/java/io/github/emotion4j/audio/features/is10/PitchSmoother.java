package io.github.emotion4j.audio.features.is10;

/**
 * openSMILE's {@code cPitchSmoother} as IS10 configures it ({@code postSmoothingMethod=simple}, no median
 * filter, no octave correction): a frame is voiced when its best candidate's voicing exceeds 0.70; a
 * one-frame look-ahead removes single-frame onsets, offsets and octave jumps. The output for frame
 * {@code k} is emitted while frame {@code k+1} is processed, and the very first frame's data are
 * discarded, so frame 0 always reads F0 = 0 and voicing = 0.
 *
 * <p>Mutable, one instance per signal; internal to the IS10 extractor.
 */
final class PitchSmoother {

    private static final float VOICING_CUTOFF = 0.70f;

    private boolean firstFrame = true;
    private float lastVoice;
    private float lastFinal;
    private int onsetFlag;
    private int octaveFlag;
    private float envelope;

    /** Smoothed output of the previous frame. */
    record Output(float f0, float f0Envelope, float voicing) {
    }

    /** Initial output, for frame 0 (openSMILE drops frame 0's data). */
    static Output silent() {
        return new Output(0.0f, 0.0f, 0.0f);
    }

    /**
     * Feeds the best candidate of the next frame; returns the smoothed output of the frame before it,
     * or null for the very first frame.
     */
    Output push(float candidateF0, float candidateVoicing) {
        float pitch = candidateVoicing > VOICING_CUTOFF ? candidateF0 : 0.0f;
        if (firstFrame) {
            firstFrame = false;
            return null;
        }
        float voicing = lastVoice;
        lastVoice = candidateVoicing;

        if (lastFinal == 0.0f && pitch > 0.0f) {
            onsetFlag = 1;
        }
        if (lastFinal > 0.0f && pitch == 0.0f && onsetFlag == 0) {
            onsetFlag = -1;
        }
        if (lastFinal > 0.0f && pitch > 0.0f) {
            onsetFlag = 0;
        }
        if (lastFinal == 0.0f && pitch == 0.0f) {
            onsetFlag = 0;
        }
        if (pitch == 0.0f && onsetFlag == 1) {
            lastFinal = 0.0f;
        } else if (pitch > 0.0f && onsetFlag == -1) {
            lastFinal = pitch;
        }

        boolean doubling = false;
        boolean halving = false;
        if (lastFinal > 0.0f && pitch > 0.0f) {
            float factor = lastFinal / pitch;
            if (factor > 1.2) {
                halving = true;
            } else if (factor < 0.8) {
                doubling = true;
            }
        }
        if (doubling && octaveFlag == -1) {
            lastFinal = pitch;
        } else if (halving && octaveFlag == 1) {
            lastFinal = pitch;
        }
        if (doubling) {
            octaveFlag = 1;
        }
        if (halving && onsetFlag == 0) {
            octaveFlag = -1;
        }
        if (!(halving || doubling)) {
            octaveFlag = 0;
        }

        float out = lastFinal;
        lastFinal = pitch;
        return emit(out, voicing);
    }

    /**
     * Emits the output of the last frame pushed, without look-ahead (openSMILE never emits it); null
     * when nothing has been pushed.
     */
    Output flush() {
        if (firstFrame) {
            return null;
        }
        return emit(lastFinal, lastVoice);
    }

    private Output emit(float f0, float voicing) {
        if (f0 > 0.0f) {
            envelope = envelope == 0.0f ? f0 : 0.75f * envelope + 0.25f * f0;
        }
        return new Output(f0, envelope, voicing);
    }
}
