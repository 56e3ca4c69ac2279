package io.github.emotion4j.core;

/**
 * One way of recognising emotion in a clip (a face network, an acoustic SVM, a user's own model): the
 * extension point of emotion4j.
 *
 * <p>A branch declares what it needs decoded ({@link #mediaRequest()}); the recognizer decodes each clip once
 * for all its branches and calls {@link #predict}. A branch that cannot judge a clip (no face, no audio,
 * too short) returns {@link BranchResult#abstain(String)} rather than guessing; a branch that fails throws.
 *
 * <p>Implementations must be thread-safe: a recognizer calls {@code predict} from several threads at once.
 * A branch owns its model and native memory; the recognizer that holds it closes it, and {@link #close()}
 * must be idempotent. To load from a model bundle, provide a {@code BranchFactory} (see
 * {@code io.github.emotion4j.core.bundle}).
 */
public interface EmotionBranch extends AutoCloseable {

    /** A short name, unique within a recognizer (for example {@code "face"} or {@code "audio-svm"}). */
    String name();

    /** What this branch needs decoded from each clip. */
    MediaRequest mediaRequest();

    /**
     * Scores for one clip, or an abstention with a reason.
     *
     * @throws EmotionException when the branch fails on this clip (not when it merely has nothing to say)
     */
    BranchResult predict(MediaClip clip) throws EmotionException;

    /** Releases the branch's model; idempotent. The default does nothing. */
    @Override
    default void close() {
    }
}
