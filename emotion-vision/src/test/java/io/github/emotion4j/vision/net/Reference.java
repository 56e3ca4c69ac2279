package io.github.emotion4j.vision.net;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference outputs in {@code shared/reference/vision} (see its README): the two 112x112 RGB crops and the
 * TF.js results of face-api 1.7.15 and the human-models mini-Xception on them. Tests that need them are
 * skipped, with a message, where the shared folder is absent.
 */
final class Reference {

    static final List<String> CROPS = List.of("grace112.rgb", "astro112.rgb");

    /** One row of a reference table: the column names after "crop" and the values of the row. */
    record Row(List<String> columns, String[] values) {
    }

    private Reference() {
    }

    static Path visionDir() {
        String shared = System.getProperty("emotion4j.shared");
        Path dir = (shared != null ? Path.of(shared) : Path.of("..", "..", "shared")).resolve("reference/vision");
        assumeTrue(Files.isDirectory(dir), "reference data not found at " + dir.toAbsolutePath() + "; skipped");
        return dir;
    }

    /** A raw RGB24 112x112 crop. */
    static Image crop(String name) throws IOException {
        byte[] rgb = Files.readAllBytes(visionDir().resolve(name));
        return Image.rgb(112, 112, rgb);
    }

    /** The rows of a reference TSV by crop name; the header is the first line, starting with "# crop". */
    static Map<String, Row> table(String file) throws IOException {
        List<String> lines = Files.readAllLines(visionDir().resolve(file));
        String[] header = lines.get(0).replaceFirst("^#\\s*", "").split("\t");
        List<String> columns = List.of(header).subList(1, header.length);
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t");
            String[] values = new String[cells.length - 1];
            System.arraycopy(cells, 1, values, 0, values.length);
            rows.put(cells[0], new Row(columns, values));
        }
        return rows;
    }
}
