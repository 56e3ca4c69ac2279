/**
 * Small pretrained face networks embedded in the library, run with DL4J: two expression classifiers behind
 * {@link io.github.emotion4j.vision.net.ExpressionNetwork} ({@link io.github.emotion4j.vision.net.FaceApiExpressionNet},
 * {@link io.github.emotion4j.vision.net.MiniXceptionNet}) and a 68-point landmark regressor
 * ({@link io.github.emotion4j.vision.net.FaceLandmarkNet}).
 *
 * <p>The architectures are built in code ({@link io.github.emotion4j.vision.net.FaceApiArchitecture},
 * {@link io.github.emotion4j.vision.net.MiniXceptionArchitecture}); the weights are classpath resources in the
 * {@link io.github.emotion4j.vision.net.WeightFile} format, checked against their SHA-256 on every load.
 * {@link io.github.emotion4j.vision.net.Resize} offers the resampling the networks use. Provenance, licences,
 * agreement with the original TF.js models and FER-2013 accuracy: {@code emotion-vision/MODELS.md}.
 */
package io.github.emotion4j.vision.net;
