package io.github.emotion4j.vision.vgg;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * How a network learns: the optimiser, its base learning rate, the factor applied to layers initialised from
 * scratch (the paper trains its new last layer with "the learning rate for the weight and bias filters set to be
 * 10 times larger than the overall learning rate"), weight decay, a step decay of the learning rate and the random
 * seed. Immutable value; {@link #defaults()} holds every default.
 *
 * <p>The paper does not give its base learning rate or momentum; the defaults are the usual Caffe fine-tuning values
 * for VGG (SGD with momentum 0.9, learning rate 0.001, weight decay 0.0005). DL4J's momentum SGD is Nesterov's.
 *
 * @param optimizer the update rule
 * @param learningRate the base learning rate, positive
 * @param momentum momentum of {@link Optimizer#SGD_MOMENTUM}, in [0, 1) (ignored by Adam)
 * @param weightDecay decoupled weight decay coefficient applied to weights (not biases), >= 0
 * @param newLayerFactor learning-rate factor of layers initialised from scratch (10 in the paper), >= 1
 * @param decayEveryEpochs multiply the learning rate by {@code decayFactor} every this many epochs; 0 for none
 * @param decayFactor the step decay factor, in (0, 1]
 * @param seed seed of weight initialisation, dropout and data shuffling
 */
public record SolverSettings(Optimizer optimizer, double learningRate, double momentum, double weightDecay,
        double newLayerFactor, int decayEveryEpochs, double decayFactor, long seed) {

    /** The update rules on offer. */
    public enum Optimizer {
        /** Stochastic gradient descent with Nesterov momentum. */
        SGD_MOMENTUM,
        /** Adam (Kingma and Ba 2014) with its usual betas. */
        ADAM
    }

    public SolverSettings {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        if (!(newLayerFactor >= 1) || !Double.isFinite(newLayerFactor)) {
            throw new IllegalArgumentException("new-layer learning-rate factor must be >= 1, got " + newLayerFactor);
        }
        if (decayEveryEpochs < 0) {
            throw new IllegalArgumentException("decay period must be >= 0 epochs, got " + decayEveryEpochs);
        }
        if (!(decayFactor > 0 && decayFactor <= 1)) {
            throw new IllegalArgumentException("decay factor must be in (0, 1], got " + decayFactor);
        }
    }

    /** SGD with momentum 0.9, learning rate 0.001, weight decay 0.0005, new layers 10x, no decay, seed 42. */
    public static SolverSettings defaults() {
        return new SolverSettings(Optimizer.SGD_MOMENTUM, 1e-3, 0.9, 5e-4, 10, 0, 0.1, 42);
    }

    /** These settings with another optimiser and base learning rate. */
    public SolverSettings withOptimizer(Optimizer rule, double rate) {
        return new SolverSettings(rule, rate, momentum, weightDecay, newLayerFactor, decayEveryEpochs, decayFactor, seed);
    }

    /** These settings with another base learning rate. */
    public SolverSettings withLearningRate(double rate) {
        return new SolverSettings(optimizer, rate, momentum, weightDecay, newLayerFactor, decayEveryEpochs, decayFactor, seed);
    }

    /** These settings with another weight decay. */
    public SolverSettings withWeightDecay(double decay) {
        return new SolverSettings(optimizer, learningRate, momentum, decay, newLayerFactor, decayEveryEpochs, decayFactor, seed);
    }

    /** These settings with a step decay of the learning rate ({@code every} = 0 for none). */
    public SolverSettings withDecay(int every, double factor) {
        return new SolverSettings(optimizer, learningRate, momentum, weightDecay, newLayerFactor, every, factor, seed);
    }

    /** These settings with another seed. */
    public SolverSettings withSeed(long newSeed) {
        return new SolverSettings(optimizer, learningRate, momentum, weightDecay, newLayerFactor, decayEveryEpochs, decayFactor, newSeed);
    }

    /** The updater of layers carried over (pretrained or from an earlier stage): the base learning rate. */
    public IUpdater baseUpdater() {
        return updater(learningRate);
    }

    /** The updater of layers initialised from scratch: {@link #newLayerFactor} times the base learning rate. */
    public IUpdater newLayerUpdater() {
        return updater(learningRate * newLayerFactor);
    }

    private IUpdater updater(double rate) {
        ISchedule schedule = decayEveryEpochs > 0 ? new StepSchedule(ScheduleType.EPOCH, rate, decayFactor, decayEveryEpochs) : null;
        return switch (optimizer) {
            case SGD_MOMENTUM -> schedule != null ? new Nesterovs(schedule, momentum) : new Nesterovs(rate, momentum);
            case ADAM -> schedule != null ? new Adam(schedule) : new Adam(rate);
        };
    }
}
