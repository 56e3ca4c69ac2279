/**
 * FER-2013 (Goodfellow et al. 2013), the paper's stage-1 data: its CSV ({@link io.github.emotion4j.vision.fer.Fer2013Csv})
 * and image-folder copies ({@link io.github.emotion4j.vision.fer.Fer2013Folders}), its label numbers mapped to
 * {@link io.github.emotion4j.core.Emotion} ({@link io.github.emotion4j.vision.fer.Fer2013}).
 */
package io.github.emotion4j.vision.fer;
