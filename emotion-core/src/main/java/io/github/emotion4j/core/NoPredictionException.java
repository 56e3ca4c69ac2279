package io.github.emotion4j.core;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every branch of a recognizer abstained on a clip (no face, no audio, ...), so there is no result to give:
 * the recognizer never makes up scores. {@link #reasons()} gives each branch's reason.
 */
public class NoPredictionException extends EmotionException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> reasons;

    public NoPredictionException(Path file, Map<String, String> reasonsByBranch) {
        super(file, "every branch abstained: " + reasonsByBranch.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", ")), null);
        this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasonsByBranch));
    }

    /** Each branch's reason for abstaining, by branch name, in the recognizer's branch order. */
    public Map<String, String> reasons() {
        return reasons;
    }
}
