package io.github.emotion4j.audio.model;

import io.github.emotion4j.audio.features.ShortTermFeatures;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains an {@link AudioLstmBranch}: short-term features of every training clip, z-scored with the training
 * frames' statistics and lengthened to {@link Options#minSteps()}; an LSTM of {@link Options#hiddenSize()} units
 * (the paper: 512) whose last step feeds a 7-way softmax, trained with Adam on cross-entropy in mini-batches
 * (sequences zero-padded to the longest in the batch and masked). The paper gives only the layer size and the
 * minimum length; the optimiser settings here are ours. With validation data, the parameters of the epoch with
 * the best validation accuracy (the earliest on ties) are kept.
 *
 * <p>Immutable and thread-safe; each call trains a new network.
 */
public final class AudioLstmTrainer implements BranchTrainer<AudioLstmBranch> {

    private static final String STAGE = "LSTM training";

    private final Options options;

    public AudioLstmTrainer(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options this trainer uses. */
    public Options options() {
        return options;
    }

    /**
     * Settings of LSTM training; defaults in {@link #defaults()}. Immutable value, validated on construction.
     *
     * @param name the branch's name
     * @param hiddenSize LSTM units (the paper: 512)
     * @param minSteps sequences are lengthened to at least this many steps (the paper: 16)
     * @param epochs passes over the training clips
     * @param batchSize clips per update
     * @param learningRate Adam's learning rate
     * @param l2 L2 weight decay (0 for none)
     * @param dropout fraction of the LSTM outputs dropped before the softmax layer while training (0 for none)
     * @param seed seeds the initial weights and the order of the clips
     * @param threads worker threads for feature extraction
     */
    public record Options(String name, int hiddenSize, int minSteps, int epochs, int batchSize, double learningRate, double l2,
            double dropout, long seed, int threads) {

        /** Validates the settings. */
        public Options {
            Objects.requireNonNull(name, "name");
            requirePositive("hiddenSize", hiddenSize);
            requirePositive("minSteps", minSteps);
            requirePositive("epochs", epochs);
            requirePositive("batchSize", batchSize);
            requirePositive("threads", threads);
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
            }
            if (!(l2 >= 0) || !Double.isFinite(l2)) {
                throw new IllegalArgumentException("l2 must be >= 0 and finite, got " + l2);
            }
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
            }
        }

        /**
         * The defaults: name {@code audio-lstm}, 512 units and at least 16 steps (the paper), 30 epochs, batches
         * of 16, Adam with learning rate 0.001, L2 1e-4, no dropout, seed 42, as many threads as processors.
         */
        public static Options defaults() {
            return new Options(AudioLstmBranch.TYPE, 512, SequenceLength.PAPER_MINIMUM, 30, 16, 1e-3, 1e-4, 0, 42,
                    Runtime.getRuntime().availableProcessors());
        }

        /** A copy with another name. */
        public Options withName(String value) {
            return new Options(value, hiddenSize, minSteps, epochs, batchSize, learningRate, l2, dropout, seed, threads);
        }

        /** A copy with another hiddenSize. */
        public Options withHiddenSize(int value) {
            return new Options(name, value, minSteps, epochs, batchSize, learningRate, l2, dropout, seed, threads);
        }

        /** A copy with another minSteps. */
        public Options withMinSteps(int value) {
            return new Options(name, hiddenSize, value, epochs, batchSize, learningRate, l2, dropout, seed, threads);
        }

        /** A copy with another epochs. */
        public Options withEpochs(int value) {
            return new Options(name, hiddenSize, minSteps, value, batchSize, learningRate, l2, dropout, seed, threads);
        }

        /** A copy with another batchSize. */
        public Options withBatchSize(int value) {
            return new Options(name, hiddenSize, minSteps, epochs, value, learningRate, l2, dropout, seed, threads);
        }

        /** A copy with another learningRate. */
        public Options withLearningRate(double value) {
            return new Options(name, hiddenSize, minSteps, epochs, batchSize, value, l2, dropout, seed, threads);
        }

        /** A copy with another l2. */
        public Options withL2(double value) {
            return new Options(name, hiddenSize, minSteps, epochs, batchSize, learningRate, value, dropout, seed, threads);
        }

        /** A copy with another dropout. */
        public Options withDropout(double value) {
            return new Options(name, hiddenSize, minSteps, epochs, batchSize, learningRate, l2, value, seed, threads);
        }

        /** A copy with another seed. */
        public Options withSeed(long value) {
            return new Options(name, hiddenSize, minSteps, epochs, batchSize, learningRate, l2, dropout, value, threads);
        }

        /** A copy with another threads. */
        public Options withThreads(int value) {
            return new Options(name, hiddenSize, minSteps, epochs, batchSize, learningRate, l2, dropout, seed, value);
        }

        private static void requirePositive(String setting, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(setting + " must be >= 1, got " + value);
            }
        }
    }

    /** The network configuration these options describe: LSTM(hiddenSize) on 34 features, last step, softmax(7). */
    public MultiLayerConfiguration configuration() {
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(options.hiddenSize()).nOut(Emotion.COUNT).activation(Activation.SOFTMAX);
        if (options.dropout() > 0) {
            output.dropOut(1 - options.dropout());
        }
        return new NeuralNetConfiguration.Builder()
                .seed(options.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(options.learningRate()))
                .l2(options.l2())
                .gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                .gradientNormalizationThreshold(1.0)
                .list()
                .layer(new LastTimeStep(new LSTM.Builder().nIn(ShortTermFeatures.FEATURE_COUNT).nOut(options.hiddenSize())
                        .activation(Activation.TANH).build()))
                .layer(output.build())
                .build();
    }

    @Override
    public AudioLstmBranch train(Dataset train, Dataset validation, TrainingListener listener) throws EmotionException {
        Objects.requireNonNull(listener, "listener");
        List<TrainingClips.Item<double[][]>> items = TrainingClips.load(train,
                clip -> ShortTermSequence.of(clip).map(m -> m.values()), options.threads(), listener);
        List<TrainingClips.Item<double[][]>> held = validation == null ? List.of()
                : TrainingClips.load(validation, clip -> ShortTermSequence.of(clip).map(m -> m.values()), options.threads(), listener);
        List<double[][]> sequences = items.stream().map(TrainingClips.Item::value).toList();
        List<Emotion> labels = items.stream().map(i -> i.clip().label()).toList();
        return fit(sequences, labels, held.stream().map(TrainingClips.Item::value).toList(),
                held.stream().map(i -> i.clip().label()).toList(), listener);
    }

    /**
     * Trains on raw short-term feature sequences ({@code [step][34]}).
     *
     * @param sequences training sequences; borrowed
     * @param validationSequences validation sequences (may be empty); borrowed
     * @throws EmotionException when the training data hold fewer than two classes
     */
    public AudioLstmBranch fit(List<double[][]> sequences, List<Emotion> labels, List<double[][]> validationSequences,
            List<Emotion> validationLabels, TrainingListener listener) throws EmotionException {
        if (labels.stream().distinct().count() < 2) {
            throw new EmotionException("training needs at least two classes, got " + labels.stream().distinct().toList());
        }
        Standardizer standardizer = Standardizer.fit(ShortTermFeatures.featureNames(),
                () -> sequences.stream().flatMap(Arrays::stream).iterator());
        List<double[][]> prepared = sequences.stream()
                .map(s -> AudioLstmBranch.prepare(standardizer, s, options.minSteps())).toList();

        MultiLayerNetwork network = new MultiLayerNetwork(configuration());
        network.init();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hidden_size", Integer.toString(options.hiddenSize()));
        settings.put("epochs", Integer.toString(options.epochs()));
        settings.put("batch_size", Integer.toString(options.batchSize()));
        settings.put("learning_rate", Double.toString(options.learningRate()));
        settings.put("l2", Double.toString(options.l2()));
        settings.put("dropout", Double.toString(options.dropout()));
        settings.put("seed", Long.toString(options.seed()));
        settings.put("training_clips", Integer.toString(sequences.size()));
        AudioLstmBranch branch = new AudioLstmBranch(options.name(), standardizer, network, options.minSteps(), settings);
        try {
            runEpochs(network, branch, prepared, labels, validationSequences, validationLabels, listener);
        } catch (RuntimeException e) {
            branch.close();
            throw e;
        }
        return branch;
    }

    private void runEpochs(MultiLayerNetwork network, AudioLstmBranch branch, List<double[][]> prepared, List<Emotion> labels,
            List<double[][]> validationSequences, List<Emotion> validationLabels, TrainingListener listener) {
        int batches = (prepared.size() + options.batchSize() - 1) / options.batchSize();
        long totalSteps = (long) batches * options.epochs();
        listener.stageStarted(STAGE, totalSteps);
        Random random = new Random(options.seed());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            order.add(i);
        }
        INDArray bestParameters = null;
        double bestAccuracy = -1;
        int bestEpoch = 0;
        long step = 0;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            java.util.Collections.shuffle(order, random);
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                List<Integer> members = order.subList(b * options.batchSize(), Math.min(order.size(), (b + 1) * options.batchSize()));
                Networks.SequenceBatch batch = Networks.sequences(members.stream().map(prepared::get).toList(),
                        ShortTermFeatures.FEATURE_COUNT);
                network.fit(new DataSet(batch.features(), Networks.oneHot(members.stream().map(labels::get).toList()),
                        batch.mask(), null));
                double loss = network.score();
                lossSum += loss;
                listener.progress(STAGE, ++step, totalSteps, loss);
            }
            double accuracy = Double.NaN;
            if (!validationSequences.isEmpty()) {
                accuracy = accuracy(branch.scores(validationSequences), validationLabels);
                if (accuracy > bestAccuracy) {
                    bestAccuracy = accuracy;
                    bestEpoch = epoch;
                    bestParameters = network.params().dup();
                }
            }
            listener.epochFinished(STAGE, epoch, lossSum / batches, accuracy);
        }
        if (bestParameters != null && bestEpoch != options.epochs()) {
            network.setParams(bestParameters);
            listener.note(STAGE, String.format(Locale.ROOT, "kept the parameters of epoch %d (validation accuracy %.2f %%)",
                    bestEpoch, 100 * bestAccuracy));
        }
        listener.stageFinished(STAGE);
    }

    static double accuracy(List<io.github.emotion4j.core.EmotionScores> scores, List<Emotion> labels) {
        int correct = 0;
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).top() == labels.get(i)) {
                correct++;
            }
        }
        return correct / (double) scores.size();
    }

    @Override
    public String toString() {
        return "AudioLstmTrainer" + options;
    }
}
