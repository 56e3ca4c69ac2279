package io.github.emotion4j.core.dataset;

import io.github.emotion4j.core.Emotion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads RAVDESS (Livingstone and Russo, 2018) by its file names {@code MM-VV-EE-II-SS-RR-AA.ext}: EE is the
 * emotion (01 neutral, 02 calm, 03 happy, 04 sad, 05 angry, 06 fearful, 07 disgust, 08 surprised) and AA the
 * actor, used as the speaker. RAVDESS has no class for calm: by default calm counts as NEUTRAL, or calm clips are
 * dropped. Files whose names do not follow the scheme are refused. Stateless and thread-safe.
 */
public final class RavdessDataset {

    /** What to do with RAVDESS's calm clips, which have no class among the seven. */
    public enum Calm {
        /** Calm counts as NEUTRAL (the default, as in the reference figures). */
        AS_NEUTRAL,
        /** Calm clips are left out. */
        DROP
    }

    private static final Pattern NAME = Pattern.compile("(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)\\.(wav|flac|mp4|mp3)",
            Pattern.CASE_INSENSITIVE);

    private RavdessDataset() {
    }

    /**
     * Every RAVDESS file under {@code root} (searched recursively), sorted by path.
     *
     * @throws DatasetException when the folder is missing, holds no RAVDESS file, or holds a media file whose
     *     name does not follow the scheme or names an unknown emotion
     */
    public static Dataset read(Path root, Calm calm) throws DatasetException {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, "no such RAVDESS folder");
        }
        List<LabelledClip> clips = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || !name.matches("(?i).*\\.(wav|flac|mp4|mp3)")) {
                    continue;
                }
                parse(file, calm).ifPresent(clips::add);
            }
        } catch (IOException e) {
            throw new DatasetException(root, "cannot be listed: " + e.getMessage(), e);
        }
        if (clips.isEmpty()) {
            throw new DatasetException(root, "holds no RAVDESS files (names like 03-01-05-01-02-01-12.wav)");
        }
        return new Dataset("RAVDESS (" + root + ", calm " + (calm == Calm.DROP ? "dropped" : "as neutral") + ")", clips);
    }

    /** One file's label and actor; empty for a calm clip when calm is dropped. */
    static Optional<LabelledClip> parse(Path file, Calm calm) throws DatasetException {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new DatasetException(file, "not a RAVDESS file name (expected MM-VV-EE-II-SS-RR-AA.ext)");
        }
        Emotion label = switch (m.group(3)) {
            case "01" -> Emotion.NEUTRAL;
            case "02" -> calm == Calm.DROP ? null : Emotion.NEUTRAL;
            case "03" -> Emotion.HAPPINESS;
            case "04" -> Emotion.SADNESS;
            case "05" -> Emotion.ANGER;
            case "06" -> Emotion.FEAR;
            case "07" -> Emotion.DISGUST;
            case "08" -> Emotion.SURPRISE;
            default -> throw new DatasetException(file, "unknown RAVDESS emotion code " + m.group(3));
        };
        return label == null ? Optional.empty() : Optional.of(new LabelledClip(file, label, m.group(7)));
    }
}
