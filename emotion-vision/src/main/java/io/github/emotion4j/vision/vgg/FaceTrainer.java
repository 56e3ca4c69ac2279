package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.eval.Evaluation;
import io.github.emotion4j.core.train.TrainingListener;
import io.github.emotion4j.vision.face.FrameWindows;
import io.github.emotion4j.vision.fer.LabelledImage;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains face networks on labelled faces: single faces for VGG-16 (stage 1 on FER-2013, stage 2 on the aligned
 * faces of clips) and face sequences for a {@link CnnLstm} (stage 3). Each epoch visits the training data in a
 * new random order (seeded), applies the stage's {@link Augmentation}, reports every update and epoch to a
 * {@link TrainingListener}, and measures validation accuracy; with {@link StageSettings#keepBest()} the network
 * ends with the parameters of its best validation epoch, and with {@link StageSettings#balancedClasses()} every
 * example's loss is weighted so that each class counts as much as the others.
 *
 * <p>Stateless and thread-safe; the network passed in is trained in place (callers must not use it from another
 * thread meanwhile) and stays owned by the caller.
 */
public final class FaceTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(FaceTrainer.class);
    private static final int EVALUATION_BATCH = 64;

    private FaceTrainer() {
    }

    /** Labelled faces by index, in memory or read on demand. */
    private interface Samples {
        int size();

        LabelledImage get(int index) throws IOException;

        /** The label of sample {@code index}, without reading its image. */
        Emotion label(int index);
    }

    /** Makes one training batch from sample indices. */
    @FunctionalInterface
    private interface BatchMaker {
        DataSet make(int[] indices, Random random) throws IOException;
    }

    /** Evaluates the network on the validation data. */
    @FunctionalInterface
    private interface Evaluator {
        Evaluation evaluate() throws IOException;
    }

    /**
     * Trains an image classifier (stage 1 or 2) on faces in memory.
     *
     * @param validation faces to measure accuracy on after each epoch; may be empty
     */
    public static TrainingHistory trainImages(ComputationGraph network, FaceInput input, List<LabelledImage> train,
            List<LabelledImage> validation, StageSettings settings, long seed, String stage, TrainingListener listener) {
        try {
            return trainImages(network, input, inMemory(train), inMemory(validation), settings, seed, stage, listener);
        } catch (IOException e) {
            throw new IllegalStateException("faces in memory cannot fail to load", e);
        }
    }

    /**
     * Trains an image classifier (stage 2) on every face of the given clips, labelled with its clip's emotion;
     * validation accuracy counts faces.
     *
     * @throws IOException when a face stored in a file cannot be read
     */
    public static TrainingHistory trainClipFaces(ComputationGraph network, FaceInput input, List<FaceClip> train,
            List<FaceClip> validation, StageSettings settings, long seed, String stage, TrainingListener listener) throws IOException {
        return trainImages(network, input, facesOf(train), facesOf(validation), settings, seed, stage, listener);
    }

    private static TrainingHistory trainImages(ComputationGraph network, FaceInput input, Samples train, Samples validation,
            StageSettings settings, long seed, String stage, TrainingListener listener) throws IOException {
        requireSamples(train.size(), stage);
        int length = input.length();
        BatchMaker maker = (indices, random) -> {
            float[] features = new float[indices.length * length];
            INDArray labels = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, indices.length, Emotion.COUNT);
            for (int i = 0; i < indices.length; i++) {
                LabelledImage sample = train.get(indices[i]);
                Image face = sample.image();
                input.fill(face, features, i * length, settings.augmentation().sample(face.width(), face.height(), random));
                labels.putScalar(i, sample.label().ordinal(), 1);
            }
            return new DataSet(Nd4j.create(features, new long[] {indices.length, input.channels(), input.size(), input.size()}, 'c'), labels);
        };
        Evaluator evaluator = validation.size() == 0 ? null : () -> evaluateImages(network, input, validation);
        return run(network, train.size(), train::label, maker, evaluator, settings, seed, stage, listener);
    }

    /**
     * Trains a {@link CnnLstm} (stage 3): every clip gives windows of {@code sequenceLength} faces (see
     * {@link FrameWindows}: consecutive, the last padded by repeating its last face), each window a training sequence labelled with the clip's emotion; all faces of a
     * window share one augmentation. Validation accuracy counts clips, each predicted by the mean of its windows'
     * probabilities.
     *
     * @throws IOException when a face stored in a file cannot be read
     */
    public static TrainingHistory trainSequences(ComputationGraph network, FaceInput input, List<FaceClip> train,
            List<FaceClip> validation, int sequenceLength, StageSettings settings, long seed, String stage,
            TrainingListener listener) throws IOException {
        List<int[]> windows = new ArrayList<>();
        for (int c = 0; c < train.size(); c++) {
            List<Integer> steps = java.util.stream.IntStream.range(0, train.get(c).size()).boxed().toList();
            for (List<Integer> window : FrameWindows.of(steps, sequenceLength)) {
                int[] entry = new int[sequenceLength + 1];
                entry[0] = c;
                for (int t = 0; t < sequenceLength; t++) {
                    entry[t + 1] = window.get(t);
                }
                windows.add(entry);
            }
        }
        requireSamples(windows.size(), stage);
        int length = input.length();
        BatchMaker maker = (indices, random) -> {
            float[] features = new float[indices.length * length * sequenceLength];
            float[] one = new float[length];
            INDArray labels = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, indices.length, Emotion.COUNT);
            for (int i = 0; i < indices.length; i++) {
                int[] entry = windows.get(indices[i]);
                FaceClip clip = train.get(entry[0]);
                Image first = clip.face(entry[1]);
                FaceInput.View view = settings.augmentation().sample(first.width(), first.height(), random);
                for (int t = 0; t < sequenceLength; t++) {
                    Image face = clip.face(entry[t + 1]);
                    input.fill(face, one, 0, scaled(view, first, face));
                    int base = (i * length) * sequenceLength + t;
                    for (int f = 0; f < length; f++) {
                        features[base + f * sequenceLength] = one[f];
                    }
                }
                labels.putScalar(i, clip.label().ordinal(), 1);
            }
            return new DataSet(Nd4j.create(features, new long[] {indices.length, length, sequenceLength}, 'c'), labels);
        };
        Evaluator evaluator = validation.isEmpty() ? null : () -> evaluateClips(network, input, validation, sequenceLength);
        return run(network, windows.size(), i -> train.get(windows.get(i)[0]).label(), maker, evaluator, settings, seed,
                stage, listener);
    }

    /** {@code view}, sampled for {@code reference}, moved onto {@code face} when its size differs. */
    private static FaceInput.View scaled(FaceInput.View view, Image reference, Image face) {
        if (face.width() == reference.width() && face.height() == reference.height()) {
            return view;
        }
        double sx = face.width() / (double) reference.width();
        double sy = face.height() / (double) reference.height();
        return new FaceInput.View(view.x() * sx, view.y() * sy, view.width() * sx, view.height() * sy, view.flip(),
                view.brightness(), view.contrast());
    }

    /** @param labelOf the label of training sample {@code 0 .. count-1} */
    private static TrainingHistory run(ComputationGraph network, int count, IntFunction<Emotion> labelOf, BatchMaker maker,
            Evaluator evaluator, StageSettings settings, long seed, String stage, TrainingListener listener) throws IOException {
        Random random = new Random(seed);
        int batches = (count + settings.batchSize() - 1) / settings.batchSize();
        long totalSteps = (long) batches * settings.epochs();
        listener.stageStarted(stage, totalSteps);
        listener.note(stage, String.format(Locale.ROOT, "%d training samples, %d epochs of %d batches of %d", count,
                settings.epochs(), batches, settings.batchSize()));
        if (!settings.balancedClasses()) {
            return train(network, count, batches, totalSteps, maker, evaluator, settings, random, stage, listener);
        }
        int[] classCounts = new int[Emotion.COUNT];
        for (int i = 0; i < count; i++) {
            classCounts[labelOf.apply(i).ordinal()]++;
        }
        float[] classWeights = balancedWeights(classCounts);
        StringBuilder weights = new StringBuilder("balanced classes, loss weights:");
        for (Emotion emotion : Emotion.all()) {
            weights.append(String.format(Locale.ROOT, " %s %.2f", emotion, classWeights[emotion.ordinal()]));
        }
        listener.note(stage, weights.toString());
        ILossFunction original = weightLoss(network, classWeights);
        try {
            return train(network, count, batches, totalSteps, maker, evaluator, settings, random, stage, listener);
        } finally {
            setLoss(network, original);
        }
    }

    private static TrainingHistory train(ComputationGraph network, int count, int batches, long totalSteps, BatchMaker maker,
            Evaluator evaluator, StageSettings settings, Random random, String stage, TrainingListener listener) throws IOException {
        long stageStart = System.nanoTime();
        double lastEpochSeconds = 0;
        List<TrainingHistory.Epoch> epochs = new ArrayList<>();
        INDArray best = null;
        int bestEpoch = 0;
        double bestAccuracy = -1;
        long step = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            double elapsed = (System.nanoTime() - stageStart) / 1e9;
            if (!settings.timeLimit().isZero() && epoch > 1 && elapsed + lastEpochSeconds > settings.timeLimit().toSeconds()) {
                listener.note(stage, String.format(Locale.ROOT, "time limit %s: stopping after %d epochs (%.0f s)",
                        settings.timeLimit(), epoch - 1, elapsed));
                break;
            }
            long epochStart = System.nanoTime();
            int[] order = permutation(count, random);
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * settings.batchSize();
                int[] indices = java.util.Arrays.copyOfRange(order, from, Math.min(count, from + settings.batchSize()));
                DataSet batch = maker.make(indices, random);
                network.fit(batch);
                double loss = network.score();
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException(stage + ": training diverged (loss " + loss + " at epoch " + epoch
                            + ", batch " + (b + 1) + "); lower the learning rate");
                }
                lossSum += loss;
                listener.progress(stage, ++step, totalSteps, loss);
            }
            network.incrementEpochCount();
            double accuracy = Double.NaN;
            if (evaluator != null) {
                accuracy = evaluator.evaluate().accuracy();
                if (settings.keepBest() && accuracy > bestAccuracy) {
                    bestAccuracy = accuracy;
                    bestEpoch = epoch;
                    best = network.params().dup();
                }
            }
            lastEpochSeconds = (System.nanoTime() - epochStart) / 1e9;
            double meanLoss = lossSum / batches;
            epochs.add(new TrainingHistory.Epoch(epoch, meanLoss, accuracy, lastEpochSeconds));
            LOG.debug("{}: epoch {} loss {} validation accuracy {}", stage, epoch, meanLoss, accuracy);
            listener.epochFinished(stage, epoch, meanLoss, accuracy);
        }
        int kept = epochs.size();
        if (best != null && bestEpoch != kept) {
            network.setParams(best);
            kept = bestEpoch;
            listener.note(stage, String.format(Locale.ROOT, "kept epoch %d (validation accuracy %.2f %%)", bestEpoch, 100 * bestAccuracy));
        }
        Optional<Evaluation> validation = evaluator == null ? Optional.empty() : Optional.of(evaluator.evaluate());
        listener.stageFinished(stage);
        return new TrainingHistory(stage, epochs, kept, validation);
    }

    /** The network's evaluation on faces in memory. */
    public static Evaluation evaluateImages(ComputationGraph network, FaceInput input, List<LabelledImage> faces) {
        try {
            return evaluateImages(network, input, inMemory(faces));
        } catch (IOException e) {
            throw new IllegalStateException("faces in memory cannot fail to load", e);
        }
    }

    private static Evaluation evaluateImages(ComputationGraph network, FaceInput input, Samples faces) throws IOException {
        Evaluation.Builder evaluation = Evaluation.builder();
        for (int start = 0; start < faces.size(); start += EVALUATION_BATCH) {
            int n = Math.min(EVALUATION_BATCH, faces.size() - start);
            List<Image> images = new ArrayList<>(n);
            List<Emotion> truth = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                LabelledImage sample = faces.get(start + i);
                images.add(sample.image());
                truth.add(sample.label());
            }
            INDArray output = network.outputSingle(false, input.batch(images));
            for (int i = 0; i < n; i++) {
                evaluation.add(truth.get(i), Emotion.all().get(output.getRow(i).argMax().getInt(0)));
            }
        }
        return evaluation.build();
    }

    /** The network's clip-level evaluation: each clip predicted by {@link CnnLstm#predict}. */
    public static Evaluation evaluateClips(ComputationGraph network, FaceInput input, List<FaceClip> clips, int sequenceLength)
            throws IOException {
        Evaluation.Builder evaluation = Evaluation.builder();
        for (FaceClip clip : clips) {
            double[] p = CnnLstm.predict(network, input, clip.faces(), sequenceLength);
            evaluation.add(clip.label(), Emotion.all().get(argMax(p)));
        }
        return evaluation.build();
    }

    /**
     * Loss weight of each class, {@code n / (k n_c)} over the {@code k} classes that have examples ({@code n} examples,
     * {@code n_c} of class {@code c}); 0 for a class without examples. The weights average to 1 over the examples.
     */
    static float[] balancedWeights(int[] classCounts) {
        long total = 0;
        int present = 0;
        for (int count : classCounts) {
            total += count;
            present += count > 0 ? 1 : 0;
        }
        float[] weights = new float[classCounts.length];
        for (int c = 0; c < classCounts.length; c++) {
            weights[c] = classCounts[c] == 0 ? 0.0f : (float) (total / ((double) present * classCounts[c]));
        }
        return weights;
    }

    /**
     * Gives the network's cross-entropy output layer the per-class weights {@code classWeights} (DL4J's weighted
     * {@link LossMCXENT}: each example's loss, and its gradient, times the weight of its true class); returns the
     * loss function it had. Per-example weights cannot go through DL4J's labels mask: its layers multiply their
     * pre-activations by the mask too, which would scale the logits by a label-dependent factor in training only.
     */
    static ILossFunction weightLoss(ComputationGraph network, float[] classWeights) {
        ILossFunction original = outputLoss(network);
        if (!(original instanceof LossMCXENT crossEntropy)) {
            throw new IllegalArgumentException("balanced classes need a cross-entropy output layer, this one has " + original);
        }
        INDArray weights = Nd4j.create(classWeights, new long[] {1, classWeights.length}, 'c');
        setLoss(network, new LossMCXENT(crossEntropy.getSoftmaxClipEps(), weights));
        return original;
    }

    /** The loss function of the network's (single) output layer. */
    static ILossFunction outputLoss(ComputationGraph network) {
        org.deeplearning4j.nn.conf.layers.Layer layer = network.getOutputLayer(0).conf().getLayer();
        if (layer instanceof org.deeplearning4j.nn.conf.layers.BaseOutputLayer output) {
            return output.getLossFn();
        }
        if (layer instanceof org.deeplearning4j.nn.conf.layers.LossLayer loss) {
            return loss.getLossFn();
        }
        throw new IllegalArgumentException("the network's output is not a loss layer: " + layer);
    }

    private static void setLoss(ComputationGraph network, ILossFunction loss) {
        org.deeplearning4j.nn.conf.layers.Layer layer = network.getOutputLayer(0).conf().getLayer();
        if (layer instanceof org.deeplearning4j.nn.conf.layers.BaseOutputLayer output) {
            output.setLossFn(loss);
        } else {
            ((org.deeplearning4j.nn.conf.layers.LossLayer) layer).setLossFn(loss);
        }
    }

    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static void requireSamples(int count, String stage) {
        if (count == 0) {
            throw new IllegalArgumentException(stage + ": no training data");
        }
    }

    private static Samples inMemory(List<LabelledImage> images) {
        return new Samples() {
            @Override
            public int size() {
                return images.size();
            }

            @Override
            public LabelledImage get(int index) {
                return images.get(index);
            }

            @Override
            public Emotion label(int index) {
                return images.get(index).label();
            }
        };
    }

    private static Samples facesOf(List<FaceClip> clips) {
        List<int[]> refs = new ArrayList<>();
        for (int c = 0; c < clips.size(); c++) {
            for (int i = 0; i < clips.get(c).size(); i++) {
                refs.add(new int[] {c, i});
            }
        }
        return new Samples() {
            @Override
            public int size() {
                return refs.size();
            }

            @Override
            public LabelledImage get(int index) throws IOException {
                FaceClip clip = clips.get(refs.get(index)[0]);
                return new LabelledImage(clip.face(refs.get(index)[1]), clip.label());
            }

            @Override
            public Emotion label(int index) {
                return clips.get(refs.get(index)[0]).label();
            }
        };
    }
}
