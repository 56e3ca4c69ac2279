package io.github.emotion4j.examples;

import io.github.emotion4j.core.AudioTrack;
import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.ModelFormatException;
import io.github.emotion4j.core.bundle.BranchFactory;
import io.github.emotion4j.core.bundle.BranchSource;
import io.github.emotion4j.core.bundle.SavableBranch;
import java.nio.file.Path;
import java.util.Map;

/**
 * An example of a branch written by a user of emotion4j: a crude arousal cue from loudness. Loud speech leans
 * towards anger, happiness and surprise, quiet speech towards sadness and neutral. It is a teaching example of
 * the {@link io.github.emotion4j.core.EmotionBranch} SPI (media request, abstention, saving, a factory), not a
 * serious model.
 *
 * <p>Immutable and thread-safe; holds no native resources.
 */
public final class LoudnessBranch implements SavableBranch {

    /** The bundle type name of this branch. */
    public static final String TYPE = "example-loudness";

    private final String name;
    private final double pivotDb;

    /**
     * A branch named {@code loudness}.
     *
     * @param pivotDb the RMS level in dBFS that separates "quiet" from "loud" (for example -26)
     */
    public LoudnessBranch(double pivotDb) {
        this("loudness", pivotDb);
    }

    /** A branch with its own name (several can then join one recognizer). */
    public LoudnessBranch(String name, double pivotDb) {
        if (!Double.isFinite(pivotDb)) {
            throw new IllegalArgumentException("pivot level must be finite, got " + pivotDb);
        }
        this.name = name;
        this.pivotDb = pivotDb;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MediaRequest mediaRequest() {
        return MediaRequest.audio();
    }

    @Override
    public BranchResult predict(MediaClip clip) {
        if (clip.audio().isEmpty()) {
            return BranchResult.abstain("no audio track");
        }
        AudioTrack audio = clip.audio().get();
        float[] samples = audio.samples();
        double energy = 0;
        for (float s : samples) {
            energy += s * s;
        }
        if (samples.length == 0 || energy == 0) {
            return BranchResult.abstain("silent audio");
        }
        double rmsDb = 10 * Math.log10(energy / samples.length);
        double loud = 1 / (1 + Math.exp(-(rmsDb - pivotDb) / 3));
        double quiet = 1 - loud;
        double[] scores = new double[Emotion.COUNT];
        scores[Emotion.ANGER.ordinal()] = 0.4 * loud + 0.02;
        scores[Emotion.HAPPINESS.ordinal()] = 0.3 * loud + 0.02;
        scores[Emotion.SURPRISE.ordinal()] = 0.2 * loud + 0.02;
        scores[Emotion.FEAR.ordinal()] = 0.1 * loud + 0.02;
        scores[Emotion.SADNESS.ordinal()] = 0.5 * quiet + 0.02;
        scores[Emotion.NEUTRAL.ordinal()] = 0.4 * quiet + 0.02;
        scores[Emotion.DISGUST.ordinal()] = 0.1 * quiet + 0.02;
        return BranchResult.of(EmotionScores.of(scores));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("pivot_db", Double.toString(pivotDb));
    }

    @Override
    public void save(Path directory) {
        // everything the branch needs fits in its properties
    }

    /** Loads a {@link LoudnessBranch} from a bundle; registered in META-INF/services. */
    public static final class Factory implements BranchFactory {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public LoudnessBranch load(BranchSource source) throws ModelFormatException {
            String pivot = source.requireProperty("pivot_db");
            try {
                return new LoudnessBranch(source.entry().name(), Double.parseDouble(pivot));
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(source.bundle(), "bad pivot_db '" + pivot + "': " + e.getMessage(), e);
            }
        }
    }
}
