package io.github.emotion4j.core;

/**
 * Service provider interface for {@link EmotionRecognizer#loadDefault()}: a module that ships a ready-made
 * model (emotion-vision does) registers an implementation in {@code
 * META-INF/services/io.github.emotion4j.core.DefaultModelProvider}. Core itself knows no branch. When
 * several providers are present, the highest {@link #priority()} wins.
 */
public interface DefaultModelProvider {

    /** A short description for logs and errors, for example "embedded face expression networks". */
    String description();

    /** Higher wins when several providers are on the classpath; the default is 0. */
    default int priority() {
        return 0;
    }

    /**
     * The default recognizer, built from the provider's classpath resources; the caller owns and closes it.
     *
     * @throws EmotionException when the provider's model cannot be loaded
     */
    EmotionRecognizer create() throws EmotionException;
}
