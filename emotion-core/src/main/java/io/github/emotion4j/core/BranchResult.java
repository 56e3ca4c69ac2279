package io.github.emotion4j.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What one branch says about a clip: scores, or an abstention with a reason ("no face found", "no audio
 * track"). Abstaining branches drop out of the fusion. Immutable and thread-safe.
 */
public final class BranchResult {

    private final EmotionScores scores;
    private final String reason;

    private BranchResult(EmotionScores scores, String reason) {
        this.scores = scores;
        this.reason = reason;
    }

    /** A result with scores. */
    public static BranchResult of(EmotionScores scores) {
        return new BranchResult(Objects.requireNonNull(scores, "scores"), "");
    }

    /**
     * An abstention.
     *
     * @param reason why the branch has nothing to say, for people (not blank)
     */
    public static BranchResult abstain(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an abstention needs a reason");
        }
        return new BranchResult(null, reason);
    }

    /** Whether the branch abstained. */
    public boolean abstained() {
        return scores == null;
    }

    /** The scores; empty when the branch abstained. */
    public Optional<EmotionScores> scores() {
        return Optional.ofNullable(scores);
    }

    /** Why the branch abstained; empty when it did not. */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BranchResult other && Objects.equals(scores, other.scores) && reason.equals(other.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scores, reason);
    }

    @Override
    public String toString() {
        return abstained() ? "abstained (" + reason + ")" : scores.toString();
    }
}
