package io.github.emotion4j.audio.model;

import io.github.emotion4j.core.AudioTrack;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an {@link AudioSvmBranch}: computes the clip features of every training clip, z-scores them with the
 * training set's statistics, chooses C and gamma of an RBF C-SVC by k-fold cross-validated grid search (folds by
 * speaker when the clips name their speakers, else stratified by class)
 * (highest cross-validated accuracy, or unweighted average recall when classes are weighted; ties go to the
 * smaller C, then the smaller gamma), and trains the final model on all training clips with probability estimates.
 *
 * <pre>{@code
 * AudioSvmBranch svm = new AudioSvmTrainer(AudioSvmTrainer.Options.defaults().withFolds(4))
 *         .train(AfewDataset.read(root, "Train"), AfewDataset.read(root, "Val"), TrainingListener.NONE);
 * }</pre>
 *
 * <p>Immutable and thread-safe; a training run uses {@link Options#threads()} worker threads.
 */
public final class AudioSvmTrainer implements BranchTrainer<AudioSvmBranch> {

    private static final Logger LOG = LoggerFactory.getLogger(AudioSvmTrainer.class);
    private static final String GRID_STAGE = "SVM grid search";
    private static final String FINAL_STAGE = "SVM final model";

    private final Options options;

    public AudioSvmTrainer(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options this trainer uses. */
    public Options options() {
        return options;
    }

    /**
     * Settings of SVM training; defaults in {@link #defaults()}. Immutable value, validated on construction.
     *
     * @param name the branch's name
     * @param features the clip-level features
     * @param log2C the grid of log2(C)
     * @param log2Gamma the grid of log2(gamma)
     * @param folds the number of cross-validation folds, >= 2
     * @param balancedClassWeights whether to weight each class's C by n / (classes · n_class), for unbalanced data
     * @param seed seeds the folds and LIBSVM's probability calibration
     * @param threads worker threads for feature extraction and the grid search, >= 1
     */
    public record Options(String name, ClipFeatures features, List<Double> log2C, List<Double> log2Gamma, int folds,
            boolean balancedClassWeights, long seed, int threads) {

        /** Validates the settings. */
        public Options {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(features, "features");
            log2C = List.copyOf(log2C);
            log2Gamma = List.copyOf(log2Gamma);
            if (log2C.isEmpty() || log2Gamma.isEmpty()) {
                throw new IllegalArgumentException("the C and gamma grids must not be empty");
            }
            if (folds < 2) {
                throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
        }

        /**
         * The defaults: name {@code audio-svm}, the paper's IS10 features ({@link Is10Features#OPENSMILE}), the LIBSVM guide's grid
         * (log2 C = −5, −3, …, 15; log2 gamma = −15, −13, …, 3), 5 folds, no class weights, seed 42, as many threads
         * as processors.
         */
        public static Options defaults() {
            return new Options(AudioSvmBranch.TYPE, Is10Features.OPENSMILE, range(-5, 15, 2), range(-15, 3, 2), 5, false, 42,
                    Runtime.getRuntime().availableProcessors());
        }

        /** {@code from, from + step, …} up to and including {@code to}. */
        public static List<Double> range(double from, double to, double step) {
            if (!(step > 0) || to < from) {
                throw new IllegalArgumentException("bad range " + from + ".." + to + " step " + step);
            }
            List<Double> values = new ArrayList<>();
            for (int i = 0; from + i * step <= to + 1e-9; i++) {
                values.add(from + i * step);
            }
            return values;
        }

        /** A copy with another name. */
        public Options withName(String value) {
            return new Options(value, features, log2C, log2Gamma, folds, balancedClassWeights, seed, threads);
        }

        /** A copy with another features. */
        public Options withFeatures(ClipFeatures value) {
            return new Options(name, value, log2C, log2Gamma, folds, balancedClassWeights, seed, threads);
        }

        /** A copy with another grid. */
        public Options withGrid(List<Double> log2CValues, List<Double> log2GammaValues) {
            return new Options(name, features, log2CValues, log2GammaValues, folds, balancedClassWeights, seed, threads);
        }

        /** A copy with another folds. */
        public Options withFolds(int value) {
            return new Options(name, features, log2C, log2Gamma, value, balancedClassWeights, seed, threads);
        }

        /** A copy with another balancedClassWeights. */
        public Options withBalancedClassWeights(boolean value) {
            return new Options(name, features, log2C, log2Gamma, folds, value, seed, threads);
        }

        /** A copy with another seed. */
        public Options withSeed(long value) {
            return new Options(name, features, log2C, log2Gamma, folds, balancedClassWeights, value, threads);
        }

        /** A copy with another threads. */
        public Options withThreads(int value) {
            return new Options(name, features, log2C, log2Gamma, folds, balancedClassWeights, seed, value);
        }
    }

    @Override
    public AudioSvmBranch train(Dataset train, Dataset validation, TrainingListener listener) throws EmotionException {
        Objects.requireNonNull(listener, "listener");
        List<TrainingClips.Item<double[]>> items = TrainingClips.load(train, this::features, options.threads(), listener);
        AudioSvmBranch branch = fit(items.stream().map(TrainingClips.Item::value).toList(),
                items.stream().map(i -> i.clip().label()).toList(), items.stream().map(i -> i.clip().speaker()).toList(), listener);
        if (validation != null) {
            List<TrainingClips.Item<double[]>> held = TrainingClips.load(validation, this::features, options.threads(), listener);
            long correct = held.stream().filter(i -> branch.scores(i.value()).top() == i.clip().label()).count();
            listener.note(FINAL_STAGE, String.format(Locale.ROOT, "validation accuracy %.2f %% (%d of %d clips)",
                    100.0 * correct / held.size(), correct, held.size()));
        }
        return branch;
    }

    private Optional<double[]> features(io.github.emotion4j.core.MediaClip clip) {
        AudioTrack audio = clip.audio().orElseThrow();
        return Optional.of(options.features().extract(audio.samples(), audio.sampleRate()));
    }

    /**
     * Trains on feature vectors already computed with {@link Options#features()}.
     *
     * @param vectors one raw feature vector per clip; borrowed
     * @param labels the clips' emotions
     * @throws EmotionException when the data hold fewer than two classes or fewer clips than folds
     */
    public AudioSvmBranch fit(List<double[]> vectors, List<Emotion> labels, TrainingListener listener) throws EmotionException {
        return fit(vectors, labels, java.util.Collections.nCopies(labels.size(), null), listener);
    }

    /**
     * Trains on feature vectors already computed with {@link Options#features()}, with speaker-independent
     * cross-validation when every clip names its speaker and there are at least as many speakers as folds: each
     * speaker's clips then fall in one fold (speakers dealt to folds in a seeded random order), so that C and gamma
     * are chosen for unseen speakers. Otherwise the folds are stratified by class.
     *
     * @param vectors one raw feature vector per clip; borrowed
     * @param labels the clips' emotions
     * @param speakers the clips' speakers, {@code null} where unknown
     * @throws EmotionException when the data hold fewer than two classes or fewer clips than folds
     */
    public AudioSvmBranch fit(List<double[]> vectors, List<Emotion> labels, List<String> speakers, TrainingListener listener)
            throws EmotionException {
        if (vectors.size() != labels.size() || speakers.size() != labels.size()) {
            throw new IllegalArgumentException(vectors.size() + " feature vectors but " + labels.size() + " labels");
        }
        long classes = labels.stream().distinct().count();
        if (classes < 2) {
            throw new EmotionException("an SVM needs at least two classes in the training data, got " + labels.stream().distinct().toList());
        }
        if (vectors.size() < options.folds()) {
            throw new EmotionException(options.folds() + "-fold cross-validation needs at least " + options.folds()
                    + " clips, got " + vectors.size());
        }
        Standardizer standardizer = Standardizer.fit(options.features().names(), vectors);
        svm_node[][] x = vectors.stream().map(v -> Libsvm.nodes(standardizer.apply(v))).toArray(svm_node[][]::new);
        double[] y = labels.stream().mapToDouble(Emotion::ordinal).toArray();
        int[] weightLabels = new int[0];
        double[] weights = new double[0];
        if (options.balancedClassWeights()) {
            List<Emotion> present = labels.stream().distinct().sorted().toList();
            weightLabels = present.stream().mapToInt(Emotion::ordinal).toArray();
            weights = present.stream().mapToDouble(e -> labels.size() / (double) (present.size()
                    * Collections.frequency(labels, e))).toArray();
        }
        boolean bySpeaker = speakers.stream().allMatch(Objects::nonNull)
                && speakers.stream().distinct().count() >= options.folds();
        int[] fold = bySpeaker ? speakerFolds(speakers, options.folds(), new Random(options.seed()))
                : stratifiedFolds(labels, options.folds(), new Random(options.seed()));
        listener.note(GRID_STAGE, bySpeaker
                ? "cross-validation folds by speaker (" + speakers.stream().distinct().count() + " speakers)"
                : "cross-validation folds stratified by class (speakers unknown or fewer than folds)");
        GridPoint best = gridSearch(x, y, fold, weightLabels, weights, listener);

        listener.stageStarted(FINAL_STAGE, 1);
        svm_parameter parameter = Libsvm.rbfClassifier(best.c, best.gamma, true, weightLabels, weights);
        svm_model model = Libsvm.train(Libsvm.problem(x, y), parameter, options.seed());
        listener.progress(FINAL_STAGE, 1, 1, Double.NaN);
        listener.stageFinished(FINAL_STAGE);

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("c", Double.toString(best.c));
        settings.put("gamma", Double.toString(best.gamma));
        settings.put("cv_folds", Integer.toString(options.folds()));
        settings.put("cv_" + metricName(), Double.toString(best.score));
        settings.put("cv_folds_by", bySpeaker ? "speaker" : "class");
        settings.put("class_weights", options.balancedClassWeights() ? "balanced" : "none");
        settings.put("training_clips", Integer.toString(vectors.size()));
        return new AudioSvmBranch(options.name(), options.features(), standardizer, model, settings);
    }

    private String metricName() {
        return options.balancedClassWeights() ? "uar" : "accuracy";
    }

    private record GridPoint(double c, double gamma, double score) {
    }

    private GridPoint gridSearch(svm_node[][] x, double[] y, int[] fold, int[] weightLabels, double[] weights,
            TrainingListener listener) throws EmotionException {
        List<double[]> grid = new ArrayList<>();
        for (double log2C : options.log2C()) {
            for (double log2Gamma : options.log2Gamma()) {
                grid.add(new double[] {Math.pow(2, log2C), Math.pow(2, log2Gamma)});
            }
        }
        listener.stageStarted(GRID_STAGE, grid.size());
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread thread = new Thread(r, "emotion4j-svm-grid");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Double>> scores = new ArrayList<>();
            for (double[] point : grid) {
                scores.add(pool.submit(() -> {
                    double score = crossValidate(x, y, fold, Libsvm.rbfClassifier(point[0], point[1], false, weightLabels, weights));
                    listener.progress(GRID_STAGE, done.incrementAndGet(), grid.size(), 1 - score);
                    return score;
                }));
            }
            GridPoint best = null;
            for (int i = 0; i < grid.size(); i++) {
                double score = scores.get(i).get();
                LOG.debug("C={} gamma={}: cv {} {}", grid.get(i)[0], grid.get(i)[1], metricName(), score);
                if (best == null || score > best.score) {
                    best = new GridPoint(grid.get(i)[0], grid.get(i)[1], score);
                }
            }
            listener.note(GRID_STAGE, String.format(Locale.ROOT, "best C = 2^%.1f, gamma = 2^%.1f: %d-fold cross-validated %s %.2f %%",
                    log2(best.c), log2(best.gamma), options.folds(), metricName(), 100 * best.score));
            listener.stageFinished(GRID_STAGE);
            return best;
        } catch (ExecutionException e) {
            throw new EmotionException("SVM grid search failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmotionException("interrupted during the SVM grid search", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** Cross-validated accuracy (or UAR when classes are weighted) of one parameter setting. */
    private double crossValidate(svm_node[][] x, double[] y, int[] fold, svm_parameter parameter) {
        long[][] confusion = new long[Emotion.COUNT][Emotion.COUNT];
        for (int k = 0; k < options.folds(); k++) {
            int held = k;
            int[] trainIndex = IntStream.range(0, y.length).filter(i -> fold[i] != held).toArray();
            int[] testIndex = IntStream.range(0, y.length).filter(i -> fold[i] == held).toArray();
            if (testIndex.length == 0) {
                continue;
            }
            svm_problem problem = Libsvm.problem(
                    IntStream.of(trainIndex).mapToObj(i -> x[i]).toArray(svm_node[][]::new),
                    IntStream.of(trainIndex).mapToDouble(i -> y[i]).toArray());
            svm_model model = Libsvm.train(problem, parameter, options.seed());
            for (int i : testIndex) {
                confusion[(int) y[i]][(int) Libsvm.predict(model, x[i])]++;
            }
        }
        return options.balancedClassWeights() ? uar(confusion) : accuracy(confusion);
    }

    private static double accuracy(long[][] confusion) {
        long correct = 0;
        long total = 0;
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion.length; p++) {
                total += confusion[t][p];
                if (t == p) {
                    correct += confusion[t][p];
                }
            }
        }
        return total == 0 ? 0 : correct / (double) total;
    }

    private static double uar(long[][] confusion) {
        double sum = 0;
        int classes = 0;
        for (int t = 0; t < confusion.length; t++) {
            long support = 0;
            for (long c : confusion[t]) {
                support += c;
            }
            if (support > 0) {
                sum += confusion[t][t] / (double) support;
                classes++;
            }
        }
        return classes == 0 ? 0 : sum / classes;
    }

    /** Fold of each clip by its speaker: the distinct speakers, sorted then shuffled, dealt round-robin to the folds. */
    static int[] speakerFolds(List<String> speakers, int folds, Random random) {
        List<String> distinct = new ArrayList<>(new java.util.TreeSet<>(speakers));
        Collections.shuffle(distinct, random);
        Map<String, Integer> foldOf = new java.util.HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            foldOf.put(distinct.get(i), i % folds);
        }
        return speakers.stream().mapToInt(foldOf::get).toArray();
    }

    /** Fold of each clip: each class's clips, shuffled, dealt round-robin, continuing from class to class. */
    static int[] stratifiedFolds(List<Emotion> labels, int folds, Random random) {
        int[] fold = new int[labels.size()];
        int next = 0;
        for (Emotion emotion : Emotion.all()) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                if (labels.get(i) == emotion) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int i : members) {
                fold[i] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }

    @Override
    public String toString() {
        return "AudioSvmTrainer" + options;
    }
}
