package io.github.emotion4j.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of classifying one clip: the fused scores, every branch's own result (scores or abstention) in
 * the recognizer's branch order, the file and the time it took. Immutable and thread-safe; {@link #toJson()}
 * gives the form the command line prints.
 */
public final class Recognition {

    private final Path source;
    private final EmotionScores scores;
    private final Map<String, BranchResult> branches;
    private final Duration elapsed;

    public Recognition(Path source, EmotionScores scores, Map<String, BranchResult> branches, Duration elapsed) {
        this.source = Objects.requireNonNull(source, "source");
        this.scores = Objects.requireNonNull(scores, "scores");
        this.branches = Collections.unmodifiableMap(new LinkedHashMap<>(branches));
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The fused scores: the weighted mean of the branches that did not abstain. */
    public EmotionScores scores() {
        return scores;
    }

    /** The most probable emotion; shorthand for {@code scores().top()}. */
    public Emotion top() {
        return scores.top();
    }

    /** Each branch's result by name, in branch order; unmodifiable. */
    public Map<String, BranchResult> branches() {
        return branches;
    }

    /** The classified file. */
    public Path source() {
        return source;
    }

    /** Wall-clock time from the start of decoding to the fused result. */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * One JSON object: {@code {"file": ..., "top": "HAPPINESS", "scores": {"ANGER": 0.01, ...}, "branches":
     * {"face": {"scores": {...}}, "audio": {"abstained": "no audio track"}}, "elapsed_ms": 812}}.
     */
    public String toJson() {
        return Json.recognition(this);
    }

    @Override
    public String toString() {
        return source.getFileName() + ": " + scores;
    }
}
