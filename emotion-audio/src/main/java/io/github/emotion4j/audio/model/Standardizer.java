package io.github.emotion4j.audio.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.core.ModelFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Z-scoring with training-set statistics: {@code (x − mean) / std} per feature. A feature that is constant in
 * the training data (std 0) is only centred. Written to and read from a small JSON file
 * ({@code {"names": [...], "mean": [...], "std": [...]}}, numbers in shortest round-trip form, so a reloaded
 * standardizer gives bit-identical results).
 *
 * <p>Immutable and thread-safe; arrays passed in are borrowed, arrays returned are owned by the caller.
 */
public final class Standardizer {

    private final List<String> names;
    private final double[] mean;
    private final double[] scale;

    private Standardizer(List<String> names, double[] mean, double[] scale) {
        this.names = List.copyOf(names);
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * The statistics of {@code rows} (each row one observation, as long as {@code names}).
     *
     * @throws IllegalArgumentException when there is no row, a row has the wrong length or holds a non-finite value
     */
    public static Standardizer fit(List<String> names, Iterable<double[]> rows) {
        Objects.requireNonNull(names, "names");
        int width = names.size();
        double[] mean = new double[width];
        double[] m2 = new double[width];
        long count = 0;
        for (double[] row : rows) {
            if (row.length != width) {
                throw new IllegalArgumentException("a row has " + row.length + " values, expected " + width);
            }
            count++;
            for (int f = 0; f < width; f++) {
                double x = row[f];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("feature '" + names.get(f) + "' has the non-finite value " + x);
                }
                double delta = x - mean[f];
                mean[f] += delta / count;
                m2[f] += delta * (x - mean[f]);
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("cannot fit a standardizer to no data");
        }
        double[] scale = new double[width];
        for (int f = 0; f < width; f++) {
            double std = Math.sqrt(m2[f] / count);
            scale[f] = std > 1e-12 * Math.max(1, Math.abs(mean[f])) ? std : 1;
        }
        return new Standardizer(names, mean, scale);
    }

    /** The feature names, in order. */
    public List<String> names() {
        return names;
    }

    /** The number of features. */
    public int size() {
        return names.size();
    }

    /** A standardised copy of {@code row}. */
    public double[] apply(double[] row) {
        double[] out = row.clone();
        applyInPlace(out);
        return out;
    }

    /**
     * Standardises {@code row} in place.
     *
     * @throws IllegalArgumentException when the row's length is not {@link #size()}
     */
    public void applyInPlace(double[] row) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features, got " + row.length);
        }
        for (int f = 0; f < row.length; f++) {
            row[f] = (row[f] - mean[f]) / scale[f];
        }
    }

    /** Standardised copies of every row. */
    public double[][] applyRows(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = apply(rows[i]);
        }
        return out;
    }

    /** Writes the statistics as JSON. */
    public void write(Path file) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode namesNode = root.putArray("names");
        names.forEach(namesNode::add);
        ArrayNode meanNode = root.putArray("mean");
        ArrayNode stdNode = root.putArray("std");
        for (int f = 0; f < mean.length; f++) {
            meanNode.add(mean[f]);
            stdNode.add(scale[f]);
        }
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @param expectedNames the names the reader needs, in order (a model trained on other features is refused)
     * @throws ModelFormatException when the file is unreadable, malformed or describes other features
     */
    public static Standardizer read(Path file, List<String> expectedNames) throws ModelFormatException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ModelFormatException(file, "cannot read the feature statistics: " + e.getMessage(), e);
        }
        if (root == null || !root.path("names").isArray() || !root.path("mean").isArray() || !root.path("std").isArray()) {
            throw new ModelFormatException(file, "feature statistics need the arrays \"names\", \"mean\" and \"std\"");
        }
        List<String> names = new ArrayList<>();
        root.path("names").forEach(n -> names.add(n.asText()));
        if (!names.equals(expectedNames)) {
            throw new ModelFormatException(file, "feature statistics are for " + names.size() + " features " + abbreviate(names)
                    + ", this model needs " + expectedNames.size() + " " + abbreviate(expectedNames));
        }
        double[] mean = numbers(file, root.path("mean"), names.size(), "mean");
        double[] scale = numbers(file, root.path("std"), names.size(), "std");
        for (int f = 0; f < scale.length; f++) {
            if (!(scale[f] > 0)) {
                throw new ModelFormatException(file, "std of feature '" + names.get(f) + "' must be positive, got " + scale[f]);
            }
        }
        return new Standardizer(names, mean, scale);
    }

    private static double[] numbers(Path file, JsonNode array, int size, String field) throws ModelFormatException {
        if (array.size() != size) {
            throw new ModelFormatException(file, "\"" + field + "\" has " + array.size() + " values, expected " + size);
        }
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            JsonNode v = array.get(i);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw new ModelFormatException(file, "\"" + field + "\"[" + i + "] is not a finite number: " + v);
            }
            values[i] = v.asDouble();
        }
        return values;
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 4 ? names.toString() : "[" + names.get(0) + ", " + names.get(1) + ", …, " + names.get(names.size() - 1) + "]";
    }

    @Override
    public String toString() {
        return "Standardizer[" + names.size() + " features]";
    }
}
