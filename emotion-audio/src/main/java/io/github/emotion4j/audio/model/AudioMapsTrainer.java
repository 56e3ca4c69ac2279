package io.github.emotion4j.audio.model;

import io.github.emotion4j.audio.features.ShortTermFeatures;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * Trains an {@link AudioMapsBranch} in the paper's two stages (section 2.4):
 *
 * <ol>
 * <li><b>Maps.</b> {@link InceptionV2#mapClassifier} learns to classify single 34x34 maps (each labelled with
 *     its clip's emotion; a clip's distinct maps, before lengthening to 8).</li>
 * <li><b>Sequences.</b> The layers after {@link InceptionV2#GLOBAL_POOL} are replaced by LSTM({@link
 *     Options#lstmSize()}) + softmax ({@link InceptionV2#sequenceClassifier}), the trunk keeps the stage-1
 *     parameters, and the network learns from sequences of 8 maps: every window {@link AudioMaps#windowStarts}
 *     gives of every training clip. With {@link Options#fineTuneTrunk()} (the paper) the whole network is trained
 *     end to end; without it the trunk is frozen, its outputs computed once per map and only the LSTM and the
 *     softmax are trained, which is much faster on a CPU.</li>
 * </ol>
 *
 * Both stages use SGD with Nesterov momentum 0.9, mini-batches of {@link Options#batchSize()}, L2 weight decay, and
 * a learning rate multiplied by {@link Options#learningRateDropFactor()} every {@link Options#learningRateDropEvery()}
 * iterations, for the given number of iterations (the paper: 0.001, divided by 10 every 3000 iterations, batch 16,
 * weight decay 0.002, 10000 iterations; the paper names no optimiser, SGD with momentum is Inception's usual one). An epoch is one pass over the stage's training items;
 * after each (and after the last, partial one) the validation accuracy is reported (maps in stage 1, clips in
 * stage 2) and, with validation data, each stage ends with the parameters of its best validation epoch.
 *
 * <p>Immutable and thread-safe; each call trains new networks.
 */
public final class AudioMapsTrainer implements BranchTrainer<AudioMapsBranch> {

    private static final String MAP_STAGE = "stage 1: Inception-v2 on single maps";
    private static final String SEQUENCE_STAGE = "stage 2: Inception-v2-LSTM on sequences of maps";
    private static final int PREDICTION_BATCH = 64;

    private final Options options;

    public AudioMapsTrainer(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options this trainer uses. */
    public Options options() {
        return options;
    }

    /**
     * Settings of the two-stage training; defaults in {@link #defaults()}. Immutable value, validated on
     * construction.
     *
     * @param name the branch's name
     * @param architecture the Inception-v2 trunk
     * @param lstmSize LSTM units of stage 2 (the paper: 128)
     * @param sequenceLength maps per sequence (the paper: 8)
     * @param learningRate the initial learning rate of both stages
     * @param learningRateDropEvery iterations between learning-rate drops
     * @param learningRateDropFactor what the learning rate is multiplied by at each drop, in (0, 1]
     * @param momentum Nesterov momentum, in [0, 1)
     * @param batchSize maps (stage 1) or sequences (stage 2) per iteration
     * @param weightDecay L2 weight decay
     * @param mapIterations iterations of stage 1
     * @param sequenceIterations iterations of stage 2
     * @param fineTuneTrunk whether stage 2 trains the trunk too (the paper) or only the LSTM and softmax
     * @param seed seeds the initial weights and the order of the training items
     * @param threads worker threads for feature extraction
     */
    public record Options(String name, InceptionV2.Architecture architecture, int lstmSize, int sequenceLength, double learningRate,
            int learningRateDropEvery, double learningRateDropFactor, double momentum, int batchSize, double weightDecay,
            int mapIterations, int sequenceIterations, boolean fineTuneTrunk, long seed, int threads) {

        /** Validates the settings. */
        public Options {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(architecture, "architecture");
            positive("lstmSize", lstmSize);
            positive("sequenceLength", sequenceLength);
            positive("learningRateDropEvery", learningRateDropEvery);
            positive("batchSize", batchSize);
            positive("threads", threads);
            if (mapIterations < 0 || sequenceIterations < 1) {
                throw new IllegalArgumentException("iterations must be >= 0 (maps) and >= 1 (sequences), got "
                        + mapIterations + " and " + sequenceIterations);
            }
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
            }
            if (!(learningRateDropFactor > 0 && learningRateDropFactor <= 1)) {
                throw new IllegalArgumentException("learningRateDropFactor must be in (0, 1], got " + learningRateDropFactor);
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            }
            if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
                throw new IllegalArgumentException("weightDecay must be >= 0 and finite, got " + weightDecay);
            }
        }

        /**
         * The paper's settings: the full {@link InceptionV2.Architecture#full() Inception-v2}, LSTM(128) on sequences of
         * 8 maps, learning rate 0.001 divided by 10 every 3000 iterations, momentum 0.9, batch 16, weight decay 0.002,
         * 10000 iterations per stage, trunk fine-tuned in stage 2; name {@code audio-maps}, seed 42, as many threads as
         * processors.
         */
        public static Options defaults() {
            return new Options(AudioMapsBranch.TYPE, InceptionV2.Architecture.full(), 128, AudioMaps.SEQUENCE_LENGTH, 0.001, 3000, 0.1,
                    0.9, 16, 0.002, 10_000, 10_000, true, 42, Runtime.getRuntime().availableProcessors());
        }

        /** A copy with another name. */
        public Options withName(String value) {
            return new Options(value, architecture, lstmSize, sequenceLength, learningRate, learningRateDropEvery,
                    learningRateDropFactor, momentum, batchSize, weightDecay, mapIterations, sequenceIterations, fineTuneTrunk, seed, threads);
        }

        /** A copy with another architecture. */
        public Options withArchitecture(InceptionV2.Architecture value) {
            return new Options(name, value, lstmSize, sequenceLength, learningRate, learningRateDropEvery,
                    learningRateDropFactor, momentum, batchSize, weightDecay, mapIterations, sequenceIterations, fineTuneTrunk, seed, threads);
        }

        /** A copy with another lstmSize. */
        public Options withLstmSize(int value) {
            return new Options(name, architecture, value, sequenceLength, learningRate, learningRateDropEvery,
                    learningRateDropFactor, momentum, batchSize, weightDecay, mapIterations, sequenceIterations, fineTuneTrunk, seed, threads);
        }

        /** A copy with another sequenceLength. */
        public Options withSequenceLength(int value) {
            return new Options(name, architecture, lstmSize, value, learningRate, learningRateDropEvery,
                    learningRateDropFactor, momentum, batchSize, weightDecay, mapIterations, sequenceIterations, fineTuneTrunk, seed, threads);
        }

        /** The initial learning rate and its schedule. */
        public Options withLearningRate(double initial, int dropEvery, double dropFactor) {
            return new Options(name, architecture, lstmSize, sequenceLength, initial, dropEvery, dropFactor, momentum, batchSize,
                    weightDecay, mapIterations, sequenceIterations, fineTuneTrunk, seed, threads);
        }

        /** A copy with another momentum. */
        public Options withMomentum(double value) {
            return new Options(name, architecture, lstmSize, sequenceLength, learningRate, learningRateDropEvery,
                    learningRateDropFactor, value, batchSize, weightDecay, mapIterations, sequenceIterations, fineTuneTrunk, seed, threads);
        }

        /** A copy with another batchSize. */
        public Options withBatchSize(int value) {
            return new Options(name, architecture, lstmSize, sequenceLength, learningRate, learningRateDropEvery,
                    learningRateDropFactor, momentum, value, weightDecay, mapIterations, sequenceIterations, fineTuneTrunk, seed, threads);
        }

        /** A copy with another weightDecay. */
        public Options withWeightDecay(double value) {
            return new Options(name, architecture, lstmSize, sequenceLength, learningRate, learningRateDropEvery,
                    learningRateDropFactor, momentum, batchSize, value, mapIterations, sequenceIterations, fineTuneTrunk, seed, threads);
        }

        /** Iterations of stage 1 (maps) and stage 2 (sequences). */
        public Options withIterations(int maps, int sequences) {
            return new Options(name, architecture, lstmSize, sequenceLength, learningRate, learningRateDropEvery,
                    learningRateDropFactor, momentum, batchSize, weightDecay, maps, sequences, fineTuneTrunk, seed, threads);
        }

        /** A copy with another fineTuneTrunk. */
        public Options withFineTuneTrunk(boolean value) {
            return new Options(name, architecture, lstmSize, sequenceLength, learningRate, learningRateDropEvery,
                    learningRateDropFactor, momentum, batchSize, weightDecay, mapIterations, sequenceIterations, value, seed, threads);
        }

        /** A copy with another seed. */
        public Options withSeed(long value) {
            return new Options(name, architecture, lstmSize, sequenceLength, learningRate, learningRateDropEvery,
                    learningRateDropFactor, momentum, batchSize, weightDecay, mapIterations, sequenceIterations, fineTuneTrunk, value, threads);
        }

        /** A copy with another threads. */
        public Options withThreads(int value) {
            return new Options(name, architecture, lstmSize, sequenceLength, learningRate, learningRateDropEvery,
                    learningRateDropFactor, momentum, batchSize, weightDecay, mapIterations, sequenceIterations, fineTuneTrunk, seed, value);
        }

        private static void positive(String setting, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(setting + " must be >= 1, got " + value);
            }
        }
    }

    /** Global settings of both stages: seed, float32, He initialisation, Nesterov SGD with the step schedule, L2. */
    NeuralNetConfiguration.Builder base() {
        return new NeuralNetConfiguration.Builder()
                .seed(options.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU)
                .updater(new Nesterovs(new StepSchedule(ScheduleType.ITERATION, options.learningRate(),
                        options.learningRateDropFactor(), options.learningRateDropEvery()), options.momentum()))
                .l2(options.weightDecay());
    }

    @Override
    public AudioMapsBranch train(Dataset train, Dataset validation, TrainingListener listener) throws EmotionException {
        Objects.requireNonNull(listener, "listener");
        List<TrainingClips.Item<double[][]>> items = TrainingClips.load(train,
                clip -> ShortTermSequence.of(clip).map(m -> m.values()), options.threads(), listener);
        List<TrainingClips.Item<double[][]>> held = validation == null ? List.of()
                : TrainingClips.load(validation, clip -> ShortTermSequence.of(clip).map(m -> m.values()), options.threads(), listener);
        return fit(items.stream().map(TrainingClips.Item::value).toList(), items.stream().map(i -> i.clip().label()).toList(),
                held.stream().map(TrainingClips.Item::value).toList(), held.stream().map(i -> i.clip().label()).toList(), listener);
    }

    /**
     * Trains on raw short-term feature sequences ({@code [step][34]}).
     *
     * @param sequences training sequences; borrowed
     * @param validationSequences validation sequences (may be empty); borrowed
     * @throws EmotionException when the training data hold fewer than two classes
     */
    public AudioMapsBranch fit(List<double[][]> sequences, List<Emotion> labels, List<double[][]> validationSequences,
            List<Emotion> validationLabels, TrainingListener listener) throws EmotionException {
        if (labels.stream().distinct().count() < 2) {
            throw new EmotionException("training needs at least two classes, got " + labels.stream().distinct().toList());
        }
        Standardizer standardizer = Standardizer.fit(ShortTermFeatures.featureNames(),
                () -> sequences.stream().flatMap(Arrays::stream).iterator());
        List<float[][][]> clipMaps = sequences.stream().map(s -> AudioMapsBranch.maps(standardizer, s)).toList();
        List<float[][][]> validationMaps = validationSequences.stream().map(s -> AudioMapsBranch.maps(standardizer, s)).toList();

        ComputationGraph mapNetwork = new ComputationGraph(InceptionV2.mapClassifier(options.architecture(), base()));
        mapNetwork.init();
        ComputationGraph sequenceNetwork = null;
        try {
            trainMaps(mapNetwork, clipMaps, labels, validationMaps, validationLabels, listener);
            sequenceNetwork = new ComputationGraph(InceptionV2.sequenceClassifier(options.architecture(), options.lstmSize(), base()));
            sequenceNetwork.init();
            copyTrunk(mapNetwork, sequenceNetwork);
            AudioMapsBranch branch = new AudioMapsBranch(options.name(), standardizer, sequenceNetwork, options.sequenceLength(),
                    settings(sequences.size()));
            if (options.fineTuneTrunk()) {
                trainSequences(branch, sequenceNetwork, clipMaps, labels, validationSequences, validationLabels, listener);
            } else {
                trainHead(mapNetwork, sequenceNetwork, clipMaps, labels, validationMaps, validationLabels, listener);
            }
            return branch;
        } catch (RuntimeException e) {
            if (sequenceNetwork != null) {
                sequenceNetwork.close();
            }
            throw e;
        } finally {
            mapNetwork.close();
        }
    }

    private Map<String, String> settings(int clips) {
        Map<String, String> settings = new LinkedHashMap<>();
        InceptionV2.Architecture a = options.architecture();
        settings.put("width", Double.toString(a.width()));
        settings.put("blocks", a.blocksA() + "," + a.blocksB() + "," + a.blocksC());
        settings.put("dropout", Double.toString(a.dropout()));
        settings.put("lstm_size", Integer.toString(options.lstmSize()));
        settings.put("learning_rate", options.learningRate() + " x" + options.learningRateDropFactor() + " every "
                + options.learningRateDropEvery() + " iterations");
        settings.put("momentum", Double.toString(options.momentum()));
        settings.put("batch_size", Integer.toString(options.batchSize()));
        settings.put("weight_decay", Double.toString(options.weightDecay()));
        settings.put("iterations", options.mapIterations() + " (maps), " + options.sequenceIterations() + " (sequences)");
        settings.put("trunk_in_stage_2", options.fineTuneTrunk() ? "fine-tuned" : "frozen");
        settings.put("seed", Long.toString(options.seed()));
        settings.put("training_clips", Integer.toString(clips));
        return settings;
    }

    /** Stage 1. */
    private void trainMaps(ComputationGraph network, List<float[][][]> clipMaps, List<Emotion> labels,
            List<float[][][]> validationMaps, List<Emotion> validationLabels, TrainingListener listener) {
        List<float[][]> maps = new ArrayList<>();
        List<Emotion> mapLabels = new ArrayList<>();
        flatten(clipMaps, labels, maps, mapLabels);
        List<float[][]> heldMaps = new ArrayList<>();
        List<Emotion> heldLabels = new ArrayList<>();
        flatten(validationMaps, validationLabels, heldMaps, heldLabels);
        if (options.mapIterations() == 0) {
            listener.note(MAP_STAGE, "skipped (0 iterations): stage 2 starts from random trunk weights");
            return;
        }
        Loop<float[][]> loop = new Loop<>(MAP_STAGE, options.mapIterations(), maps, mapLabels);
        loop.run(network, batch -> AudioMapsBranch.mapInput(batch),
                heldMaps.isEmpty() ? null : n -> mapAccuracy(n, heldMaps, heldLabels), listener);
    }

    /** Stage 2, end to end. */
    private void trainSequences(AudioMapsBranch branch, ComputationGraph network, List<float[][][]> clipMaps, List<Emotion> labels,
            List<double[][]> validationSequences, List<Emotion> validationLabels, TrainingListener listener) {
        List<float[][][]> windows = new ArrayList<>();
        List<Emotion> windowLabels = new ArrayList<>();
        for (int c = 0; c < clipMaps.size(); c++) {
            for (float[][][] window : AudioMapsBranch.windows(clipMaps.get(c), options.sequenceLength())) {
                windows.add(window);
                windowLabels.add(labels.get(c));
            }
        }
        Loop<float[][][]> loop = new Loop<>(SEQUENCE_STAGE, options.sequenceIterations(), windows, windowLabels);
        loop.run(network, AudioMapsBranch::sequenceInput,
                validationSequences.isEmpty() ? null : n -> AudioLstmTrainer.accuracy(branch.scores(validationSequences), validationLabels),
                listener);
    }

    /** Stage 2 with a frozen trunk: the LSTM and softmax learn from the trunk's outputs, then join it. */
    private void trainHead(ComputationGraph mapNetwork, ComputationGraph sequenceNetwork, List<float[][][]> clipMaps,
            List<Emotion> labels, List<float[][][]> validationMaps, List<Emotion> validationLabels, TrainingListener listener) {
        List<float[][]> embeddings = embeddings(mapNetwork, clipMaps);
        List<float[][]> heldEmbeddings = embeddings(mapNetwork, validationMaps);
        long size = ((FeedForwardLayer) mapNetwork.getLayer(InceptionV2.OUTPUT).conf().getLayer()).getNIn();
        ComputationGraph head = new ComputationGraph(InceptionV2.sequenceHead(options.architecture(), size, options.lstmSize(), base()));
        head.init();
        try {
            List<float[][]> windows = new ArrayList<>();
            List<Emotion> windowLabels = new ArrayList<>();
            for (int c = 0; c < embeddings.size(); c++) {
                for (float[][] window : embeddingWindows(embeddings.get(c))) {
                    windows.add(window);
                    windowLabels.add(labels.get(c));
                }
            }
            Loop<float[][]> loop = new Loop<>(SEQUENCE_STAGE + " (trunk frozen)", options.sequenceIterations(), windows, windowLabels);
            loop.run(head, this::embeddingInput,
                    heldEmbeddings.isEmpty() ? null : n -> headAccuracy(n, heldEmbeddings, validationLabels), listener);
            for (String layer : List.of(InceptionV2.LSTM_LAYER, InceptionV2.OUTPUT)) {
                sequenceNetwork.getLayer(layer).setParams(head.getLayer(layer).params().dup());
            }
        } finally {
            head.close();
        }
    }

    /** The trunk output ({@link InceptionV2#GLOBAL_POOL}) of each clip's maps: {@code [clip][map][channel]}. */
    private static List<float[][]> embeddings(ComputationGraph mapNetwork, List<float[][][]> clipMaps) {
        List<float[][]> maps = new ArrayList<>();
        clipMaps.forEach(c -> maps.addAll(Arrays.asList(c)));
        List<float[]> vectors = new ArrayList<>();
        for (int from = 0; from < maps.size(); from += PREDICTION_BATCH) {
            INDArray input = AudioMapsBranch.mapInput(maps.subList(from, Math.min(maps.size(), from + PREDICTION_BATCH)));
            INDArray pooled = mapNetwork.feedForward(input, false).get(InceptionV2.GLOBAL_POOL);
            for (int i = 0; i < pooled.size(0); i++) {
                vectors.add(pooled.getRow(i).toFloatVector());
            }
        }
        List<float[][]> out = new ArrayList<>();
        int next = 0;
        for (float[][][] clip : clipMaps) {
            float[][] clipVectors = new float[clip.length][];
            for (int k = 0; k < clip.length; k++) {
                clipVectors[k] = vectors.get(next++);
            }
            out.add(clipVectors);
        }
        return out;
    }

    /** As {@link AudioMapsBranch#windows}, on trunk outputs. */
    private List<float[][]> embeddingWindows(float[][] clip) {
        int length = options.sequenceLength();
        float[][] all = new float[Math.max(clip.length, length)][];
        for (int k = 0; k < all.length; k++) {
            all[k] = clip[Math.min(k, clip.length - 1)];
        }
        List<float[][]> windows = new ArrayList<>();
        for (int start : AudioMaps.windowStarts(all.length, length)) {
            windows.add(Arrays.copyOfRange(all, start, start + length));
        }
        return windows;
    }

    /** {@code [windows, channels, length]}. */
    private INDArray embeddingInput(List<float[][]> windows) {
        int length = windows.get(0).length;
        int channels = windows.get(0)[0].length;
        float[] data = new float[windows.size() * channels * length];
        for (int b = 0; b < windows.size(); b++) {
            for (int step = 0; step < length; step++) {
                float[] v = windows.get(b)[step];
                for (int c = 0; c < channels; c++) {
                    data[(b * channels + c) * length + step] = v[c];
                }
            }
        }
        return Nd4j.create(data, new long[] {windows.size(), channels, length}, 'c');
    }

    private double headAccuracy(ComputationGraph head, List<float[][]> clips, List<Emotion> labels) {
        int correct = 0;
        for (int c = 0; c < clips.size(); c++) {
            List<float[][]> windows = embeddingWindows(clips.get(c));
            INDArray out = head.outputSingle(false, embeddingInput(windows));
            double[] mean = out.mean(0).toDoubleVector();
            if (EmotionScores.of(Arrays.stream(mean).map(v -> Math.max(0, v)).toArray()).top() == labels.get(c)) {
                correct++;
            }
        }
        return correct / (double) clips.size();
    }

    private static double mapAccuracy(ComputationGraph network, List<float[][]> maps, List<Emotion> labels) {
        int correct = 0;
        for (int from = 0; from < maps.size(); from += PREDICTION_BATCH) {
            List<float[][]> part = maps.subList(from, Math.min(maps.size(), from + PREDICTION_BATCH));
            INDArray out = network.outputSingle(false, AudioMapsBranch.mapInput(part));
            for (int i = 0; i < part.size(); i++) {
                if (Networks.argMax(out, i) == labels.get(from + i).ordinal()) {
                    correct++;
                }
            }
        }
        return correct / (double) maps.size();
    }

    private static void flatten(List<float[][][]> clipMaps, List<Emotion> labels, List<float[][]> maps, List<Emotion> mapLabels) {
        for (int c = 0; c < clipMaps.size(); c++) {
            for (float[][] map : clipMaps.get(c)) {
                maps.add(map);
                mapLabels.add(labels.get(c));
            }
        }
    }

    /** Copies every trunk layer's parameters (all parameterised layers but the output) between networks. */
    private static void copyTrunk(ComputationGraph from, ComputationGraph to) {
        for (Layer layer : from.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (!name.equals(InceptionV2.OUTPUT) && layer.numParams() > 0) {
                to.getLayer(name).setParams(layer.params().dup());
            }
        }
    }

    /** Iteration-counted mini-batch training with per-epoch validation and best-epoch selection. */
    private final class Loop<T> {
        private final String stage;
        private final int iterations;
        private final List<T> items;
        private final List<Emotion> labels;

        Loop(String stage, int iterations, List<T> items, List<Emotion> labels) {
            this.stage = stage;
            this.iterations = iterations;
            this.items = items;
            this.labels = labels;
        }

        void run(ComputationGraph network, Function<List<T>, INDArray> input, ToDoubleFunction<ComputationGraph> validation,
                TrainingListener listener) {
            listener.stageStarted(stage, iterations);
            Random random = new Random(options.seed());
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                order.add(i);
            }
            int iteration = 0;
            int epoch = 0;
            INDArray best = null;
            double bestAccuracy = -1;
            int bestEpoch = 0;
            while (iteration < iterations) {
                epoch++;
                Collections.shuffle(order, random);
                double lossSum = 0;
                int batches = 0;
                for (int from = 0; from < order.size() && iteration < iterations; from += options.batchSize()) {
                    List<Integer> members = order.subList(from, Math.min(order.size(), from + options.batchSize()));
                    INDArray features = input.apply(members.stream().map(items::get).toList());
                    network.fit(new DataSet(features, Networks.oneHot(members.stream().map(labels::get).toList())));
                    double loss = network.score();
                    lossSum += loss;
                    batches++;
                    listener.progress(stage, ++iteration, iterations, loss);
                }
                double accuracy = Double.NaN;
                if (validation != null) {
                    accuracy = validation.applyAsDouble(network);
                    if (accuracy > bestAccuracy) {
                        bestAccuracy = accuracy;
                        bestEpoch = epoch;
                        best = network.params().dup();
                    }
                }
                listener.epochFinished(stage, epoch, lossSum / batches, accuracy);
            }
            if (best != null && bestEpoch != epoch) {
                network.setParams(best);
                listener.note(stage, String.format(Locale.ROOT, "kept the parameters of epoch %d (validation accuracy %.2f %%)",
                        bestEpoch, 100 * bestAccuracy));
            }
            listener.stageFinished(stage);
        }
    }

    @Override
    public String toString() {
        return "AudioMapsTrainer" + options;
    }
}
