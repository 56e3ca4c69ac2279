package io.github.emotion4j.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seven emotion classes of AFEW / EmotiW, in AFEW order (AN DI FE HA NE SA SU).
 *
 * <p>The ordinal of each constant is its index in every score array of this library ({@link
 * EmotionScores#toArray()}, network outputs, confusion matrices). Immutable and thread-safe.
 */
public enum Emotion {
    ANGER("Angry", "AN"),
    DISGUST("Disgust", "DI"),
    FEAR("Fear", "FE"),
    HAPPINESS("Happy", "HA"),
    NEUTRAL("Neutral", "NE"),
    SADNESS("Sad", "SA"),
    SURPRISE("Surprise", "SU");

    /** Number of classes (7). */
    public static final int COUNT = 7;

    private static final List<Emotion> ALL = List.of(values());

    /** Every spelling {@link #parse(String)} accepts, lower-cased, mapped to its class. */
    private static final Map<String, Emotion> LABELS = Map.ofEntries(
            Map.entry("anger", ANGER), Map.entry("angry", ANGER), Map.entry("an", ANGER),
            Map.entry("disgust", DISGUST), Map.entry("disgusted", DISGUST), Map.entry("di", DISGUST),
            Map.entry("fear", FEAR), Map.entry("fearful", FEAR), Map.entry("fe", FEAR),
            Map.entry("happiness", HAPPINESS), Map.entry("happy", HAPPINESS), Map.entry("ha", HAPPINESS),
            Map.entry("neutral", NEUTRAL), Map.entry("ne", NEUTRAL),
            Map.entry("sadness", SADNESS), Map.entry("sad", SADNESS), Map.entry("sa", SADNESS),
            Map.entry("surprise", SURPRISE), Map.entry("surprised", SURPRISE), Map.entry("su", SURPRISE));

    private final String afewName;
    private final String abbreviation;

    Emotion(String afewName, String abbreviation) {
        this.afewName = afewName;
        this.abbreviation = abbreviation;
    }

    /** The AFEW folder name of this class: Angry, Disgust, Fear, Happy, Neutral, Sad, Surprise. */
    public String afewName() {
        return afewName;
    }

    /** The two-letter abbreviation used in the paper's tables: AN, DI, FE, HA, NE, SA, SU. */
    public String abbreviation() {
        return abbreviation;
    }

    /** All classes in AFEW order, as an immutable list. */
    public static List<Emotion> all() {
        return ALL;
    }

    /**
     * Reads a class label as data sets spell it: enum names, AFEW folders ({@code Angry}), FER-2013 folders
     * ({@code angry, fear, happy, sad, surprise}), RAVDESS/face-api words ({@code fearful, disgusted,
     * surprised}) and the two-letter abbreviations, ignoring case and surrounding blanks.
     *
     * @return the class, or empty when the label is not one of them
     */
    public static Optional<Emotion> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(LABELS.get(label.strip().toLowerCase(Locale.ROOT)));
    }
}
