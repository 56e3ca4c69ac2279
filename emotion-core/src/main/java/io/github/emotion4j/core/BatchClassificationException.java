package io.github.emotion4j.core;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Thrown by {@link EmotionRecognizer#classifyAll} after every file was tried, when at least one failed. It
 * carries the results of the files that succeeded, in input order, and one exception per failed file (each
 * naming its file), so that one bad file costs no other result.
 */
public class BatchClassificationException extends EmotionException {

    private static final long serialVersionUID = 1L;

    private final transient List<Optional<Recognition>> results;
    private final transient List<EmotionException> failures;

    public BatchClassificationException(List<Optional<Recognition>> results, List<EmotionException> failures) {
        super(failures.size() + " of " + results.size() + " files failed; first: " + failures.get(0).getMessage(),
                failures.get(0));
        this.results = Collections.unmodifiableList(results);
        this.failures = List.copyOf(failures);
        failures.stream().skip(1).forEach(this::addSuppressed);
    }

    /** One entry per input file, in input order: the recognition, or empty where that file failed. */
    public List<Optional<Recognition>> results() {
        return results;
    }

    /** The failures, in input order; each names its file. */
    public List<EmotionException> failures() {
        return failures;
    }
}
