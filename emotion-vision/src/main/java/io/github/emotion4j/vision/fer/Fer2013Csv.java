package io.github.emotion4j.vision.fer;

import io.github.emotion4j.core.dataset.DatasetException;
import io.github.emotion4j.vision.image.Image;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads FER-2013's CSV ({@code fer2013.csv}): a header naming the columns {@code emotion}, {@code pixels} and
 * {@code Usage} in any order (as the Kaggle and ICML files do), then one face per line: the label 0..6, 2,304
 * space-separated gray values 0..255 (48x48, row by row) and the split ({@code Training}, {@code PublicTest},
 * {@code PrivateTest}). A file without a {@code Usage} column (Kaggle's {@code train.csv}) is all training data.
 *
 * <p>Streams the file line by line ({@link #forEach}); {@link #read} keeps the faces of one split, 2,304 bytes each
 * (the 35,887 faces take about 80 MB). Malformed input raises a {@link DatasetException} naming the file and
 * line. Stateless and thread-safe.
 */
public final class Fer2013Csv {

    private static final int PIXELS = Fer2013.SIZE * Fer2013.SIZE;

    /** Receives the faces of {@link #forEach}. */
    @FunctionalInterface
    public interface RowVisitor {
        /**
         * One face.
         *
         * @param line its line number in the file (the header is line 1)
         */
        void visit(int line, LabelledImage face, FerSplit split) throws DatasetException;
    }

    private Fer2013Csv() {
    }

    /** The faces of one split, in file order. */
    public static List<LabelledImage> read(Path csv, FerSplit split) throws DatasetException {
        List<LabelledImage> faces = new ArrayList<>();
        forEach(csv, (line, face, faceSplit) -> {
            if (faceSplit == split) {
                faces.add(face);
            }
        });
        return faces;
    }

    /** The faces of every split, in file order (every split present, possibly empty). */
    public static Map<FerSplit, List<LabelledImage>> readAll(Path csv) throws DatasetException {
        Map<FerSplit, List<LabelledImage>> all = new EnumMap<>(FerSplit.class);
        for (FerSplit split : FerSplit.values()) {
            all.put(split, new ArrayList<>());
        }
        forEach(csv, (line, face, split) -> all.get(split).add(face));
        return all;
    }

    /**
     * Calls {@code visitor} with every face in file order, reading one line at a time.
     *
     * @throws DatasetException when the file is missing or unreadable, the header lacks a column, or a line is
     *     malformed (wrong number of fields or pixels, a value out of range, an unknown split)
     */
    public static void forEach(Path csv, RowVisitor visitor) throws DatasetException {
        if (!Files.isRegularFile(csv)) {
            throw new DatasetException(csv, "no such FER-2013 CSV file");
        }
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || header.isBlank()) {
                throw new DatasetException(csv, "empty file: expected the header emotion,pixels,Usage");
            }
            String[] columns = header.replace("\uFEFF", "").split(",", -1);
            int emotionColumn = column(columns, "emotion");
            int pixelsColumn = column(columns, "pixels");
            int usageColumn = column(columns, "usage");
            if (emotionColumn < 0 || pixelsColumn < 0) {
                throw new DatasetException(csv, "line 1: the header '" + header + "' lacks the column "
                        + (emotionColumn < 0 ? "'emotion' (an unlabelled file cannot be used for training or evaluation)" : "'pixels'"));
            }
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != columns.length) {
                    throw new DatasetException(csv, "line " + lineNumber + ": expected " + columns.length + " comma-separated fields ("
                            + header + "), got " + fields.length);
                }
                int label = parseLabel(csv, lineNumber, fields[emotionColumn]);
                FerSplit split = FerSplit.TRAINING;
                if (usageColumn >= 0) {
                    String usage = fields[usageColumn].strip();
                    split = FerSplit.ofUsage(usage).orElse(null);
                    if (split == null) {
                        throw new DatasetException(csv, "line " + lineNumber + ": unknown Usage '" + usage
                                + "': expected Training, PublicTest or PrivateTest");
                    }
                }
                byte[] gray = parsePixels(csv, lineNumber, fields[pixelsColumn]);
                visitor.visit(lineNumber, new LabelledImage(Image.gray(Fer2013.SIZE, Fer2013.SIZE, gray), Fer2013.emotionOf(label)), split);
            }
        } catch (IOException e) {
            throw new DatasetException(csv, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static int column(String[] columns, String name) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].strip().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int parseLabel(Path csv, int line, String field) throws DatasetException {
        String value = field.strip();
        try {
            int label = Integer.parseInt(value);
            if (label < 0 || label > 6) {
                throw new DatasetException(csv, "line " + line + ": emotion " + label + " is not a FER-2013 label 0..6");
            }
            return label;
        } catch (NumberFormatException e) {
            throw new DatasetException(csv, "line " + line + ": emotion '" + value + "' is not a number 0..6", e);
        }
    }

    private static byte[] parsePixels(Path csv, int line, String field) throws DatasetException {
        byte[] gray = new byte[PIXELS];
        int count = 0;
        int value = -1;
        for (int i = 0, n = field.length(); i <= n; i++) {
            char c = i < n ? field.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    throw new DatasetException(csv, "line " + line + ": pixel " + (count + 1) + " exceeds 255");
                }
            } else if (c == ' ' || c == '\t' || c == '"') {
                if (value >= 0) {
                    if (count == PIXELS) {
                        throw new DatasetException(csv, "line " + line + ": more than " + PIXELS + " pixel values (48x48 expected)");
                    }
                    gray[count++] = (byte) value;
                    value = -1;
                }
            } else {
                throw new DatasetException(csv, "line " + line + ": pixel " + (count + 1) + " has the character '" + c
                        + "': expected space-separated integers 0..255");
            }
        }
        if (count != PIXELS) {
            throw new DatasetException(csv, "line " + line + ": expected " + PIXELS + " pixel values (48x48), got " + count);
        }
        return gray;
    }
}
