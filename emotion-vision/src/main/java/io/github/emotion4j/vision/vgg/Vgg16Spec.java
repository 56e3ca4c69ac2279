package io.github.emotion4j.vision.vgg;

/**
 * The sizes of a VGG-16 network (Simonyan and Zisserman 2014, configuration D): 13 3x3 convolutions in five
 * blocks of 2, 2, 3, 3, 3 layers with 64, 128, 256, 512, 512 channels, each block closed by 2x2 max pooling, then
 * the fully connected layers fc6, fc7 and the classifier fc8.
 *
 * <p>{@link #PAPER} is the network of Guo et al. (2017): 224x224 RGB input, full width, fc6 and fc7 of 4096 units
 * and 7 outputs (134,289,223 parameters). Every size is a parameter so that a narrow, small-input version can be
 * trained on a CPU: {@code widthMultiplier} scales every convolution's channel count (rounded, at least 1).
 * {@code batchNorm} inserts batch normalisation after every convolution (the "VGG-16-BN" variant, not the
 * paper's, useful when training from scratch without VGG-Face weights). Immutable value.
 *
 * @param inputSize side of the square input in pixels (at least 32: five poolings halve it)
 * @param channels 3 for colour, 1 for gray
 * @param widthMultiplier factor on the convolution channel counts, in (0, 4]
 * @param fc6Size units of fc6
 * @param fc7Size units of fc7
 * @param classes outputs of fc8 (7 for the emotion classes)
 * @param batchNorm whether a batch normalisation follows each convolution (false in the paper)
 */
public record Vgg16Spec(int inputSize, int channels, double widthMultiplier, int fc6Size, int fc7Size, int classes,
        boolean batchNorm) {

    /** The paper's network: 224x224x3, full width, fc6 = fc7 = 4096, 7 outputs, no batch normalisation. */
    public static final Vgg16Spec PAPER = new Vgg16Spec(224, 3, 1.0, 4096, 4096, 7, false);

    /** Convolutions per block in VGG-16. */
    static final int[] BLOCK_DEPTHS = {2, 2, 3, 3, 3};
    /** Full-width channels per block in VGG-16. */
    static final int[] BLOCK_CHANNELS = {64, 128, 256, 512, 512};

    public Vgg16Spec {
        if (inputSize < 32) {
            throw new IllegalArgumentException("VGG-16 input size must be at least 32 pixels (five 2x2 poolings), got " + inputSize);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("input channels must be 1 (gray) or 3 (colour), got " + channels);
        }
        if (!(widthMultiplier > 0 && widthMultiplier <= 4)) {
            throw new IllegalArgumentException("width multiplier must be in (0, 4], got " + widthMultiplier);
        }
        if (fc6Size < 1 || fc7Size < 1) {
            throw new IllegalArgumentException("fc6 and fc7 need at least one unit, got " + fc6Size + " and " + fc7Size);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("the classifier needs at least 2 classes, got " + classes);
        }
    }

    /** This spec with another input size. */
    public Vgg16Spec withInputSize(int size) {
        return new Vgg16Spec(size, channels, widthMultiplier, fc6Size, fc7Size, classes, batchNorm);
    }

    /** This spec with another number of input channels. */
    public Vgg16Spec withChannels(int inputChannels) {
        return new Vgg16Spec(inputSize, inputChannels, widthMultiplier, fc6Size, fc7Size, classes, batchNorm);
    }

    /** This spec with another width multiplier. */
    public Vgg16Spec withWidthMultiplier(double multiplier) {
        return new Vgg16Spec(inputSize, channels, multiplier, fc6Size, fc7Size, classes, batchNorm);
    }

    /** This spec with fc6 and fc7 of the given sizes. */
    public Vgg16Spec withFcSizes(int fc6, int fc7) {
        return new Vgg16Spec(inputSize, channels, widthMultiplier, fc6, fc7, classes, batchNorm);
    }

    /** This spec with or without batch normalisation after each convolution. */
    public Vgg16Spec withBatchNorm(boolean on) {
        return new Vgg16Spec(inputSize, channels, widthMultiplier, fc6Size, fc7Size, classes, on);
    }

    /** Channels of the convolutions of block {@code block} (0..4): the full width times the multiplier, rounded, at least 1. */
    public int blockChannels(int block) {
        return Math.max(1, (int) Math.round(BLOCK_CHANNELS[block] * widthMultiplier));
    }

    /** Side of the feature map after the last pooling (7 for 224 input). */
    public int finalFeatureSize() {
        int size = inputSize;
        for (int i = 0; i < BLOCK_DEPTHS.length; i++) {
            size /= 2;
        }
        return size;
    }
}
