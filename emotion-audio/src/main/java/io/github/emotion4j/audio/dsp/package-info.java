/**
 * Signal-processing building blocks shared by emotion4j's audio feature extractors (currently the real
 * FFT, {@link io.github.emotion4j.audio.dsp.RealFft}).
 *
 * <p>Internal API: public only so that the feature packages can share it; it may change between releases
 * without notice. Every class here states its thread-safety and who owns the arrays passed in and out.
 */
package io.github.emotion4j.audio.dsp;
