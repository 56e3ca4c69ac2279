package io.github.emotion4j.core.dataset;

import io.github.emotion4j.core.Emotion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A named, ordered list of labelled clips. Immutable and thread-safe; the readers ({@link AfewDataset}, {@link
 * ManifestDataset}, {@link RavdessDataset}) list files in a stable (sorted) order.
 */
public final class Dataset {

    private final String name;
    private final List<LabelledClip> clips;

    public Dataset(String name, List<LabelledClip> clips) {
        this.name = Objects.requireNonNull(name, "name");
        this.clips = List.copyOf(clips);
    }

    /** A short description of where the clips come from. */
    public String name() {
        return name;
    }

    /** The clips in order. */
    public List<LabelledClip> clips() {
        return clips;
    }

    public int size() {
        return clips.size();
    }

    public boolean isEmpty() {
        return clips.isEmpty();
    }

    /** How many clips each class has (every class present, possibly 0). */
    public Map<Emotion, Integer> counts() {
        Map<Emotion, Integer> counts = new EnumMap<>(Emotion.class);
        Emotion.all().forEach(e -> counts.put(e, 0));
        clips.forEach(c -> counts.merge(c.label(), 1, Integer::sum));
        return counts;
    }

    /** The speakers named by the clips, sorted. */
    public Set<String> speakers() {
        Set<String> speakers = new TreeSet<>();
        clips.forEach(c -> c.speakerId().ifPresent(speakers::add));
        return speakers;
    }

    /** The clips that {@code keep} accepts, as a data set named {@code name}. */
    public Dataset filter(String name, Predicate<LabelledClip> keep) {
        return new Dataset(name, clips.stream().filter(keep).toList());
    }

    /** The clips of the given speakers (a speaker-independent split). */
    public Dataset speakers(String name, Collection<String> speakers) {
        Set<String> wanted = Set.copyOf(speakers);
        return filter(name, c -> c.speakerId().map(wanted::contains).orElse(false));
    }

    /** This data set followed by {@code other}. */
    public Dataset concat(String name, Dataset other) {
        List<LabelledClip> all = new ArrayList<>(clips);
        all.addAll(other.clips);
        return new Dataset(name, all);
    }

    /** The labels in clip order. */
    public List<Emotion> labels() {
        return clips.stream().map(LabelledClip::label).toList();
    }

    @Override
    public String toString() {
        return name + " (" + clips.size() + " clips: " + counts() + ")";
    }
}
