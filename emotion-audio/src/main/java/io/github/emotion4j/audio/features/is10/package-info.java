/**
 * Internals of {@link io.github.emotion4j.audio.features.Is10Extractor}: the stages of openSMILE's IS10
 * configuration re-implemented in Java (framing, FFT, mel filterbanks, MFCC, LPC/LSP, sub-harmonic
 * summation pitch, pitch smoothing, jitter and shimmer, contour smoothing, deltas, functionals).
 *
 * <p>Not part of the library's API: {@link io.github.emotion4j.audio.features.is10.Is10Pipeline} is
 * public only so that the extractor can reach it, and may change without notice. Most stages keep
 * openSMILE's single-precision arithmetic on purpose, so that results (silent frames in particular)
 * agree with openSMILE's to the last digits.
 */
package io.github.emotion4j.audio.features.is10;
