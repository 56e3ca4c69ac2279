package io.github.emotion4j.audio.model;

import io.github.emotion4j.audio.features.AudioTooShortException;
import io.github.emotion4j.audio.features.FeatureMatrix;
import io.github.emotion4j.audio.features.ShortTermFeatures;
import io.github.emotion4j.core.AudioTrack;
import io.github.emotion4j.core.MediaClip;
import java.util.Optional;

/**
 * The paper's 34 short-term features of a clip (pyAudioAnalysis, 100 ms windows, 50 % overlap), computed once
 * per clip and shared by every branch that asks for them (the audio LSTM and the audio-map network) through
 * {@link MediaClip#computeIfAbsent}. Stateless and thread-safe.
 */
public final class ShortTermSequence {

    /** The clip cache key of the default 34-feature matrix (frames as rows). */
    public static final MediaClip.ClipKey<FeatureMatrix> KEY = MediaClip.ClipKey.of("short-term features (34, 100 ms / 50 ms)");

    private ShortTermSequence() {
    }

    /**
     * The clip's short-term features, one row per 50 ms step; empty when the clip has no audio track.
     *
     * @throws AudioTooShortException when the audio is shorter than one 100 ms window
     */
    public static Optional<FeatureMatrix> of(MediaClip clip) {
        Optional<AudioTrack> audio = clip.audio();
        if (audio.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(clip.computeIfAbsent(KEY, c -> compute(audio.get())));
    }

    /**
     * The short-term features of a track, one row per 50 ms step (not cached).
     *
     * @throws AudioTooShortException when the track is shorter than one 100 ms window
     */
    public static FeatureMatrix compute(AudioTrack audio) {
        return ShortTermFeatures.defaults().extract(audio.samples(), audio.sampleRate());
    }
}
