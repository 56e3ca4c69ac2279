package io.github.emotion4j.audio.model;

import io.github.emotion4j.audio.features.AudioTooShortException;
import io.github.emotion4j.audio.features.FeatureMatrix;
import io.github.emotion4j.audio.features.ShortTermFeatures;
import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.bundle.SavableBranch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.deeplearning4j.nn.api.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the two network branches on short-term features share ({@link AudioLstmBranch}, {@link AudioMapsBranch}):
 * the clip's 34 short-term features (computed once per clip, {@link ShortTermSequence}), standardised with the
 * training set's statistics, scored by a DL4J network; abstention without audio or with too little; the bundle
 * files (network and statistics); and the locking: forward passes, saving and closing are serialised on the
 * network, and a closed branch refuses to predict. Owns its network.
 */
abstract sealed class ShortTermNetworkBranch<N extends Model> implements SavableBranch permits AudioLstmBranch, AudioMapsBranch {

    static final String STATISTICS_FILE = "feature-statistics.json";

    private static final Logger LOG = LoggerFactory.getLogger(ShortTermNetworkBranch.class);

    private final String name;
    private final Standardizer standardizer;
    private final N network;
    private final String networkFile;
    private final Map<String, String> properties;
    private boolean closed;

    /**
     * @param settings the training settings to keep as properties; {@code ownProperty} is added to them
     */
    ShortTermNetworkBranch(String name, Standardizer standardizer, N network, String networkFile, Map<String, String> settings,
            String ownProperty, int ownValue) {
        this.name = Objects.requireNonNull(name, "name");
        this.standardizer = standardizer;
        this.network = network;
        this.networkFile = networkFile;
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put(ownProperty, Integer.toString(ownValue));
        this.properties = Map.copyOf(all);
    }

    /**
     * Scores of raw short-term feature sequences ({@code [step][34]}, as {@link ShortTermFeatures} gives them), in
     * order.
     *
     * @param sequences borrowed
     */
    abstract List<EmotionScores> scores(List<double[][]> sequences);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final MediaRequest mediaRequest() {
        return MediaRequest.audio();
    }

    @Override
    public final BranchResult predict(MediaClip clip) {
        Optional<FeatureMatrix> features;
        try {
            features = ShortTermSequence.of(clip);
        } catch (AudioTooShortException e) {
            LOG.debug("{} abstains on {}: {}", name, clip.source(), e.getMessage());
            return BranchResult.abstain("audio too short: " + e.getMessage());
        }
        if (features.isEmpty()) {
            return BranchResult.abstain("no audio track");
        }
        return BranchResult.of(scores(List.<double[][]>of(features.get().values())).get(0));
    }

    /** The training set's feature statistics. */
    final Standardizer standardizer() {
        return standardizer;
    }

    /** The network, for reading its shape; forward passes go through {@link #withNetwork}. */
    final N network() {
        return network;
    }

    /** Runs {@code use} on the network under its lock; refuses when the branch is closed. */
    final <T> T withNetwork(Function<N, T> use) {
        synchronized (network) {
            if (closed) {
                throw new IllegalStateException("branch '" + name + "' is closed");
            }
            return use.apply(network);
        }
    }

    @Override
    public final Map<String, String> properties() {
        return properties;
    }

    @Override
    public final void save(Path directory) throws IOException {
        synchronized (network) {
            if (closed) {
                throw new IllegalStateException("branch '" + name + "' is closed");
            }
            Networks.save(network, directory.resolve(networkFile));
        }
        standardizer.write(directory.resolve(STATISTICS_FILE));
    }

    @Override
    public final void close() {
        synchronized (network) {
            if (!closed) {
                closed = true;
                network.close();
            }
        }
    }
}
