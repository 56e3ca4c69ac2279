/**
 * The paper's face networks (Guo et al. 2017, section 2.1): VGG-16 ({@link io.github.emotion4j.vision.vgg.Vgg16},
 * every size a parameter) with its last layer changed to 7 outputs, initialised from VGG-Face weights in Keras HDF5
 * files ({@link io.github.emotion4j.vision.vgg.VggFaceWeights}); the three training stages
 * ({@link io.github.emotion4j.vision.vgg.FaceTrainer}: FER-2013, the faces of clips, and end to end as a
 * {@link io.github.emotion4j.vision.vgg.CnnLstm} on windows of 16 faces); and the {@code face-vgg-lstm} branch
 * ({@link io.github.emotion4j.vision.vgg.FaceVggLstmBranch}) on faces detected and aligned in the clip
 * ({@link io.github.emotion4j.vision.vgg.AlignedFaceCropper}) or supplied with the data set
 * ({@link io.github.emotion4j.vision.vgg.FaceCropDataset}, {@link io.github.emotion4j.vision.vgg.FaceCropFolderDecoder}).
 * The embedded expression networks can replace VGG-16 as the CNN ({@link io.github.emotion4j.vision.vgg.FaceBackbone}).
 */
package io.github.emotion4j.vision.vgg;
