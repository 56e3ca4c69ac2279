/**
 * Acoustic feature extraction in pure Java, numerically compatible with the tools the paper used:
 * {@link io.github.emotion4j.audio.features.ShortTermFeatures} (the 34 short-term features of
 * pyAudioAnalysis, as a {@link io.github.emotion4j.audio.features.FeatureMatrix} per signal) and the
 * openSMILE IS10 paralinguistic functionals. Signals shorter than an extractor needs raise
 * {@link io.github.emotion4j.audio.features.AudioTooShortException}.
 */
package io.github.emotion4j.audio.features;
