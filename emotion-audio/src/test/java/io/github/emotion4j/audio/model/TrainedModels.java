package io.github.emotion4j.audio.model;

import io.github.emotion4j.core.bundle.BundleWriter;
import io.github.emotion4j.core.bundle.SavableBranch;
import io.github.emotion4j.core.dataset.AfewDataset;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The synthetic data set and the three branches trained on it in small configurations, made once per test JVM
 * and shared by the test classes (training is the slow part). Each model is also saved as a bundle.
 */
final class TrainedModels {

    /** A trained branch and the bundle it was saved to. */
    record Trained<B extends SavableBranch>(B branch, Path bundle, long trainingMillis) {
    }

    private static Path root;
    private static Dataset train;
    private static Dataset validation;
    private static Dataset test;
    private static Trained<AudioSvmBranch> svm;
    private static Trained<AudioLstmBranch> lstm;
    private static Trained<AudioMapsBranch> maps;

    private TrainedModels() {
    }

    static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("emotion4j-synthetic-speech-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(root)));
                SyntheticSpeech.writeAfew(root, "Train", 10, 1);
                SyntheticSpeech.writeAfew(root, "Val", 3, 2);
                SyntheticSpeech.writeAfew(root, "Test", 5, 3);
                train = AfewDataset.read(root, "Train");
                validation = AfewDataset.read(root, "Val");
                test = AfewDataset.read(root, "Test");
            } catch (IOException | io.github.emotion4j.core.EmotionException e) {
                throw new IllegalStateException("cannot write the synthetic data set", e);
            }
        }
        return root;
    }

    static Dataset train() {
        root();
        return train;
    }

    static Dataset validation() {
        root();
        return validation;
    }

    static Dataset test() {
        root();
        return test;
    }

    static AudioSvmTrainer.Options svmOptions() {
        return AudioSvmTrainer.Options.defaults()
                .withGrid(List.of(-1.0, 1.0, 3.0, 5.0, 7.0), List.of(-9.0, -7.0, -5.0, -3.0))
                .withFolds(3)
                .withThreads(2);
    }

    static AudioLstmTrainer.Options lstmOptions() {
        return AudioLstmTrainer.Options.defaults().withHiddenSize(24).withEpochs(10).withBatchSize(8).withLearningRate(0.01)
                .withThreads(2);
    }

    static AudioMapsTrainer.Options mapsOptions() {
        return AudioMapsTrainer.Options.defaults()
                .withArchitecture(new InceptionV2.Architecture(0.0625, 1, 0, 0, 0.2))
                .withLstmSize(16)
                .withLearningRate(0.02, 1000, 0.1)
                .withIterations(30, 60)
                .withFineTuneTrunk(false)
                .withThreads(2);
    }

    static synchronized Trained<AudioSvmBranch> svm() {
        if (svm == null) {
            long start = System.nanoTime();
            AudioSvmBranch branch = trainOrThrow(() -> new AudioSvmTrainer(svmOptions()).train(train(), TrainingListener.NONE));
            svm = new Trained<>(branch, save(branch, "svm"), (System.nanoTime() - start) / 1_000_000);
        }
        return svm;
    }

    static synchronized Trained<AudioLstmBranch> lstm() {
        if (lstm == null) {
            long start = System.nanoTime();
            AudioLstmBranch branch = trainOrThrow(() -> new AudioLstmTrainer(lstmOptions()).train(train(), validation(), TrainingListener.NONE));
            lstm = new Trained<>(branch, save(branch, "lstm"), (System.nanoTime() - start) / 1_000_000);
        }
        return lstm;
    }

    static synchronized Trained<AudioMapsBranch> maps() {
        if (maps == null) {
            long start = System.nanoTime();
            AudioMapsBranch branch = trainOrThrow(() -> new AudioMapsTrainer(mapsOptions()).train(train(), validation(), TrainingListener.NONE));
            maps = new Trained<>(branch, save(branch, "maps"), (System.nanoTime() - start) / 1_000_000);
        }
        return maps;
    }

    interface Training<B> {
        B run() throws Exception;
    }

    private static <B> B trainOrThrow(Training<B> training) {
        try {
            return training.run();
        } catch (Exception e) {
            throw new IllegalStateException("training failed", e);
        }
    }

    private static Path save(SavableBranch branch, String name) {
        Path bundle = root().resolve("bundles").resolve(name);
        try (BundleWriter writer = BundleWriter.create(bundle)) {
            writer.provenance("data", "synthetic speech (tests)");
            writer.addBranch(branch, 1.0);
            return writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }
}
