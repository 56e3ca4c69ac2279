/**
 * Labelled clip collections for training and evaluation: the AFEW folder layout ({@code
 * <root>/<split>/<Angry|Disgust|...>/*}, FER-2013 folder names accepted too), CSV manifests ({@code
 * path,label[,speaker]}) and RAVDESS file names (label and speaker from the name).
 */
package io.github.emotion4j.core.dataset;
