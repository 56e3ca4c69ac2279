/**
 * The paper's three audio emotion models (Guo, Polanía and Barner, EmotiW 2017, sections 2.2–2.4), each an
 * {@link io.github.emotion4j.core.EmotionBranch} that can be trained from a labelled
 * {@link io.github.emotion4j.core.dataset.Dataset}, saved into a model bundle and loaded back by its
 * {@link io.github.emotion4j.core.bundle.BranchFactory}:
 *
 * <ul>
 * <li>{@link io.github.emotion4j.audio.model.AudioSvmBranch} (type {@code audio-svm}): a clip-level acoustic
 *     feature vector ({@link io.github.emotion4j.audio.model.ClipFeatures}), z-scored with training statistics,
 *     classified by a LIBSVM C-SVC with an RBF kernel and probability estimates; trained by
 *     {@link io.github.emotion4j.audio.model.AudioSvmTrainer} (C and gamma by k-fold grid search).</li>
 * <li>{@link io.github.emotion4j.audio.model.AudioLstmBranch} (type {@code audio-lstm}): the 34 short-term
 *     features every 50 ms, padded to at least 16 steps, into one LSTM layer and a softmax; trained by
 *     {@link io.github.emotion4j.audio.model.AudioLstmTrainer}.</li>
 * <li>{@link io.github.emotion4j.audio.model.AudioMapsBranch} (type {@code audio-maps}): the short-term
 *     feature matrix cut into 34x34 maps ({@link io.github.emotion4j.audio.model.AudioMaps}), an
 *     {@link io.github.emotion4j.audio.model.InceptionV2} network over each map and an LSTM over sequences of
 *     8 maps; trained in two stages by {@link io.github.emotion4j.audio.model.AudioMapsTrainer}.</li>
 * </ul>
 *
 * The short-term features are computed once per clip and shared by the LSTM and maps branches through
 * {@link io.github.emotion4j.audio.model.ShortTermSequence}. Every branch abstains, with a reason, on a clip
 * without audio or too short for its features.
 *
 * <p>Performance note: ND4J's OpenMP threads spin while waiting; on a machine whose cores are shared with
 * other work, set the environment variable {@code OMP_NUM_THREADS=1} (the tests do) — it made LSTM training
 * about ten times faster on a busy two-core machine.
 */
package io.github.emotion4j.audio.model;
