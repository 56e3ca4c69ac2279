package io.github.emotion4j.core.dataset;

import io.github.emotion4j.core.Emotion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV manifest: one clip per line, {@code path,label} or {@code path,label,speaker}; an optional header
 * line starting with {@code path}; blank lines and lines starting with {@code #} ignored. Relative paths are
 * resolved against the manifest's folder; labels as {@link Emotion#parse} reads them. Paths containing commas
 * may be double-quoted. Stateless and thread-safe.
 */
public final class ManifestDataset {

    private ManifestDataset() {
    }

    /**
     * @throws DatasetException naming the manifest and line for an unknown label, a missing file or a malformed
     *     line
     */
    public static Dataset read(Path csv) throws DatasetException {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetException(csv, "cannot read the manifest: " + e.getMessage(), e);
        }
        Path base = csv.toAbsolutePath().getParent();
        List<LabelledClip> clips = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("path"))) {
                continue;
            }
            List<String> fields = split(line);
            int lineNumber = i + 1;
            if (fields.size() < 2 || fields.size() > 3) {
                throw new DatasetException(csv, "line " + lineNumber + ": expected path,label[,speaker], got '" + line + "'");
            }
            Emotion label = Emotion.parse(fields.get(1)).orElseThrow(() -> new DatasetException(csv,
                    "line " + lineNumber + ": unknown label '" + fields.get(1) + "'"));
            Path file = base.resolve(fields.get(0)).normalize();
            if (!Files.isRegularFile(file)) {
                throw new DatasetException(csv, "line " + lineNumber + ": no such file " + file);
            }
            clips.add(new LabelledClip(file, label, fields.size() == 3 && !fields.get(2).isBlank() ? fields.get(2) : null));
        }
        if (clips.isEmpty()) {
            throw new DatasetException(csv, "the manifest lists no clips");
        }
        return new Dataset(csv.toString(), clips);
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
