package io.github.emotion4j.core;

import io.github.emotion4j.core.bundle.BranchEntry;
import io.github.emotion4j.core.bundle.BranchFactory;
import io.github.emotion4j.core.bundle.BundleWriter;
import io.github.emotion4j.core.bundle.ModelBundle;
import io.github.emotion4j.core.bundle.SavableBranch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises the emotion in media files with one or more {@link EmotionBranch}es and fuses their scores.
 *
 * <p>For each file the recognizer merges its branches' {@link MediaRequest}s, decodes the file once, runs the
 * branches (at the same time when there are several), and fuses the scores of the branches that did not abstain
 * as their weighted mean, renormalised over those branches. When every branch abstains it throws {@link
 * NoPredictionException} with each branch's reason: it never makes up scores.
 *
 * <pre>{@code
 * try (EmotionRecognizer recognizer = EmotionRecognizer.loadDefault()) {
 *     Recognition r = recognizer.classify(Path.of("clip.mp4"));
 *     System.out.println(r.top() + " " + r.scores());
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@link #classify} may be called from many threads at once. The recognizer owns its branches
 * and worker threads: {@link #close()} closes them (idempotent).
 */
public final class EmotionRecognizer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmotionRecognizer.class);
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final List<EmotionBranch> branches;
    private final List<Double> weights;
    private final MediaDecoder decoder;
    private final int parallelism;
    private final MediaRequest request;
    private final ExecutorService branchThreads;
    private volatile boolean closed;

    private EmotionRecognizer(Builder builder) {
        this.branches = List.copyOf(builder.branches);
        this.weights = List.copyOf(builder.weights);
        this.decoder = builder.decoder;
        this.parallelism = builder.parallelism;
        MediaRequest merged = MediaRequest.nothing();
        for (EmotionBranch branch : branches) {
            merged = merged.and(branch.mediaRequest());
        }
        this.request = merged;
        this.branchThreads = Executors.newCachedThreadPool(daemonThreads("emotion4j-branch-" + POOL_NUMBER.incrementAndGet()));
    }

    /** A builder for a recognizer made of branches you provide. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads a recognizer from a model bundle (directory or zip), building each branch with the {@link
     * BranchFactory} of its type found on the classpath.
     *
     * @throws ModelFormatException when the bundle is missing, corrupt, tampered with, of a newer format, or
     *     names a branch type no module on the classpath provides
     * @throws EmotionException when a branch's model cannot be loaded
     */
    public static EmotionRecognizer load(Path bundle) throws EmotionException {
        return load(bundle, List.of());
    }

    /**
     * As {@link #load(Path)}, with factories that take precedence over those found by {@link ServiceLoader}
     * (for branches of your own that are not registered as services).
     */
    public static EmotionRecognizer load(Path bundle, Collection<? extends BranchFactory> factories) throws EmotionException {
        Map<String, BranchFactory> byType = new LinkedHashMap<>();
        for (BranchFactory factory : ServiceLoader.load(BranchFactory.class, classLoader())) {
            byType.putIfAbsent(factory.type(), factory);
        }
        for (BranchFactory factory : factories) {
            byType.put(factory.type(), factory);
        }
        Builder builder = builder();
        try (ModelBundle opened = ModelBundle.open(bundle)) {
            for (BranchEntry entry : opened.manifest().branches()) {
                BranchFactory factory = byType.get(entry.type());
                if (factory == null) {
                    builder.closeBranches();
                    throw new ModelFormatException(bundle, "branch '" + entry.name() + "' has type '" + entry.type()
                            + "', which no module on the classpath provides (available: " + byType.keySet()
                            + "); add the emotion4j module that provides it (emotion-audio, emotion-vision, ...)");
                }
                try {
                    builder.addBranch(factory.load(opened.branch(entry)), entry.weight());
                } catch (EmotionException | RuntimeException e) {
                    builder.closeBranches();
                    throw e;
                }
            }
        }
        LOG.debug("loaded {} branches from {}", builder.branches.size(), bundle);
        return builder.build();
    }

    /**
     * The default recognizer: the model a module on the classpath provides through {@link DefaultModelProvider}
     * (emotion-vision ships one that needs no file).
     *
     * @throws EmotionException when no module provides a default model, or it cannot be loaded
     */
    public static EmotionRecognizer loadDefault() throws EmotionException {
        List<DefaultModelProvider> providers = new ArrayList<>();
        ServiceLoader.load(DefaultModelProvider.class, classLoader()).forEach(providers::add);
        Optional<DefaultModelProvider> best = providers.stream().max(Comparator.comparingInt(DefaultModelProvider::priority));
        if (best.isEmpty()) {
            throw new EmotionException("no module on the classpath provides a default model: add the dependency "
                    + "io.github.emotion4j:emotion-vision, or load a bundle with EmotionRecognizer.load(path)");
        }
        LOG.debug("default model: {}", best.get().description());
        return best.get().create();
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : EmotionRecognizer.class.getClassLoader();
    }

    /**
     * Classifies one media file.
     *
     * @throws MediaDecodeException when the file cannot be decoded (the message names it and says why)
     * @throws NoPredictionException when every branch abstains (no face, no audio, ...)
     * @throws BranchException when a branch fails
     */
    public Recognition classify(Path media) throws EmotionException {
        checkOpen();
        long start = System.nanoTime();
        MediaClip clip = decoder.decode(media, request);
        return classify(clip, start);
    }

    /**
     * Classifies a clip already in memory (for example one built with {@link MediaClip#of}); its frames, if
     * any, must be readable once per frame-reading branch.
     */
    public Recognition classify(MediaClip clip) throws EmotionException {
        checkOpen();
        return classify(clip, System.nanoTime());
    }

    private Recognition classify(MediaClip clip, long startNanos) throws EmotionException {
        Map<String, BranchResult> results = runBranches(clip);
        List<BranchResult> ordered = branches.stream().map(b -> results.get(b.name())).toList();
        Optional<EmotionScores> fused = Fusion.weightedMean(ordered, weights);
        if (fused.isEmpty()) {
            Map<String, String> reasons = new LinkedHashMap<>();
            for (int i = 0; i < branches.size(); i++) {
                reasons.put(branches.get(i).name(), ordered.get(i).abstained() ? ordered.get(i).reason() : "weight 0");
            }
            throw new NoPredictionException(clip.source(), reasons);
        }
        return new Recognition(clip.source(), fused.get(), results, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /**
     * Every branch's own result on one file, without fusing them and without failing when all abstain: what a
     * weight search or a per-branch report needs. The file is decoded once, as for {@link #classify}.
     *
     * @throws MediaDecodeException when the file cannot be decoded
     * @throws BranchException when a branch fails
     */
    public Map<String, BranchResult> branchResults(Path media) throws EmotionException {
        checkOpen();
        return runBranches(decoder.decode(media, request));
    }

    private Map<String, BranchResult> runBranches(MediaClip clip) throws EmotionException {
        Map<String, BranchResult> results = new LinkedHashMap<>();
        if (branches.size() == 1) {
            results.put(branches.get(0).name(), predict(branches.get(0), clip));
            return results;
        }
        List<Integer> frameReaders = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            if (branches.get(i).mediaRequest().wantsFrames()) {
                frameReaders.add(i);
            }
        }
        SharedFrames shared = clip.frames().isPresent() && frameReaders.size() > 1
                ? new SharedFrames(clip.frames().get(), frameReaders.size(), branchThreads) : null;
        List<Future<BranchResult>> futures = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            EmotionBranch branch = branches.get(i);
            int reader = frameReaders.indexOf(i);
            MediaClip view = shared == null ? clip
                    : new ClipView(clip, reader < 0 ? null : shared.viewFor(reader, branch.mediaRequest().grids()));
            futures.add(branchThreads.submit(() -> {
                try {
                    return predict(branch, view);
                } finally {
                    if (shared != null && reader >= 0) {
                        shared.done(reader);
                    }
                }
            }));
        }
        EmotionException failure = null;
        for (int i = 0; i < branches.size(); i++) {
            try {
                results.put(branches.get(i).name(), futures.get(i).get());
            } catch (ExecutionException e) {
                EmotionException cause = e.getCause() instanceof EmotionException emotion ? emotion
                        : new BranchException(clip.source(), branches.get(i).name(), String.valueOf(e.getCause()), e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                throw new EmotionException(clip.source(), "interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private static BranchResult predict(EmotionBranch branch, MediaClip clip) throws EmotionException {
        BranchResult result;
        try {
            result = branch.predict(clip);
        } catch (EmotionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BranchException(clip.source(), branch.name(), e.toString(), e);
        }
        if (result == null) {
            throw new BranchException(clip.source(), branch.name(), "returned null instead of a result", null);
        }
        return result;
    }

    /**
     * Classifies several files in parallel (up to the builder's {@link Builder#parallelism(int)} at a time) and
     * returns their recognitions in input order.
     *
     * <p>One failed file does not stop the others: every file is tried, and when any failed a {@link
     * BatchClassificationException} is thrown at the end carrying the successful results (in input order,
     * empty where a file failed) and one exception per failed file, each naming its file.
     */
    public List<Recognition> classifyAll(List<Path> media) throws EmotionException {
        checkOpen();
        List<Optional<Recognition>> results = new ArrayList<>();
        List<EmotionException> failures = new ArrayList<>();
        if (media.isEmpty()) {
            return List.of();
        }
        ExecutorService files = Executors.newFixedThreadPool(Math.min(parallelism, media.size()), daemonThreads("emotion4j-file"));
        try {
            List<Future<Recognition>> futures = new ArrayList<>();
            for (Path path : media) {
                futures.add(files.submit(() -> classify(path)));
            }
            for (int i = 0; i < media.size(); i++) {
                try {
                    results.add(Optional.of(futures.get(i).get()));
                } catch (ExecutionException e) {
                    results.add(Optional.empty());
                    failures.add(e.getCause() instanceof EmotionException emotion ? emotion
                            : new EmotionException(media.get(i), String.valueOf(e.getCause()), e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EmotionException("interrupted while classifying " + media.size() + " files", e);
                }
            }
        } finally {
            files.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw new BatchClassificationException(results, failures);
        }
        return results.stream().map(Optional::orElseThrow).toList();
    }

    /** The branches' names in order. */
    public List<String> branchNames() {
        return branches.stream().map(EmotionBranch::name).toList();
    }

    /** The fusion weight of each branch by name, in branch order. */
    public Map<String, Double> weights() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < branches.size(); i++) {
            map.put(branches.get(i).name(), weights.get(i));
        }
        return map;
    }

    /** The branches, in order (owned by this recognizer: do not close them). */
    public List<EmotionBranch> branches() {
        return branches;
    }

    /** What this recognizer decodes from every file: its branches' requests merged. */
    public MediaRequest mediaRequest() {
        return request;
    }

    /**
     * Writes this recognizer as a model bundle (a directory, or a zip when the name ends in {@code .zip}); every
     * branch must be a {@link SavableBranch}. An existing target is never overwritten.
     *
     * @param provenance entries recorded in the manifest (data, settings, command, ...)
     * @throws IOException when the target exists or writing fails
     * @throws IllegalStateException when a branch cannot be saved
     */
    public Path save(Path bundle, Map<String, String> provenance) throws IOException {
        for (EmotionBranch branch : branches) {
            if (!(branch instanceof SavableBranch)) {
                throw new IllegalStateException("branch '" + branch.name() + "' (" + branch.getClass().getName()
                        + ") cannot be saved: it does not implement SavableBranch");
            }
        }
        try (BundleWriter writer = BundleWriter.create(bundle)) {
            writer.provenance(provenance);
            for (int i = 0; i < branches.size(); i++) {
                writer.addBranch((SavableBranch) branches.get(i), weights.get(i));
            }
            return writer.commit();
        }
    }

    /** Closes every branch and stops the worker threads; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        branchThreads.shutdownNow();
        for (EmotionBranch branch : branches) {
            try {
                branch.close();
            } catch (RuntimeException e) {
                LOG.warn("closing branch {} failed", branch.name(), e);
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this EmotionRecognizer is closed");
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String toString() {
        return "EmotionRecognizer" + weights();
    }

    /**
     * Builds an {@link EmotionRecognizer}. Branches are required (at least one); the decoder defaults to {@link
     * FFmpegMediaDecoder} and the parallelism of {@link EmotionRecognizer#classifyAll} to the number of
     * processors. {@link #build()} validates and the built recognizer owns the branches. Not thread-safe.
     */
    public static final class Builder {
        private final List<EmotionBranch> branches = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();
        private MediaDecoder decoder = new FFmpegMediaDecoder();
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * Adds a branch with its fusion weight (finite, >= 0; only the ratios between weights matter).
         *
         * @throws IllegalArgumentException when the weight is invalid or the name is already used
         */
        public Builder addBranch(EmotionBranch branch, double weight) {
            Objects.requireNonNull(branch, "branch");
            if (!Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("weight of branch '" + branch.name() + "' must be finite and >= 0, got " + weight);
            }
            String name = branch.name();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("branch " + branch.getClass().getName() + " has no name");
            }
            if (branches.stream().anyMatch(b -> b.name().equals(name))) {
                throw new IllegalArgumentException("a branch named '" + name + "' was already added");
            }
            branches.add(branch);
            weights.add(weight);
            return this;
        }

        /** Adds a branch with weight 1. */
        public Builder addBranch(EmotionBranch branch) {
            return addBranch(branch, 1.0);
        }

        /** The decoder to use instead of {@link FFmpegMediaDecoder}. */
        public Builder decoder(MediaDecoder decoder) {
            this.decoder = Objects.requireNonNull(decoder, "decoder");
            return this;
        }

        /** How many files {@link EmotionRecognizer#classifyAll} works on at once (at least 1). */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * The recognizer.
         *
         * @throws IllegalStateException when no branch was added or every weight is 0
         */
        public EmotionRecognizer build() {
            if (branches.isEmpty()) {
                throw new IllegalStateException("a recognizer needs at least one branch");
            }
            if (weights.stream().allMatch(w -> w == 0)) {
                throw new IllegalStateException("at least one branch weight must be positive, got " + weights);
            }
            return new EmotionRecognizer(this);
        }

        private void closeBranches() {
            branches.forEach(EmotionBranch::close);
        }
    }
}
