package io.github.emotion4j.core.bundle;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One branch in a bundle's manifest: its name, type (which {@link BranchFactory} loads it), fusion weight, files
 * (path relative to the branch's folder → SHA-256 in hex) and properties (small settings). Immutable value.
 *
 * @param name the branch's name, unique in the bundle ({@code [A-Za-z0-9._-]+})
 * @param type the {@link BranchFactory#type()} that loads it
 * @param weight the fusion weight, finite and >= 0
 * @param files the branch's files and their SHA-256 checksums
 * @param properties settings the factory reads back
 */
public record BranchEntry(String name, String type, double weight, Map<String, String> files, Map<String, String> properties) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public BranchEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("branch name must match [A-Za-z0-9._-]+, got '" + name + "'");
        }
        if (type.isBlank()) {
            throw new IllegalArgumentException("branch '" + name + "' has a blank type");
        }
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("weight of branch '" + name + "' must be finite and >= 0, got " + weight);
        }
        files = Map.copyOf(new TreeMap<>(files));
        properties = Map.copyOf(new TreeMap<>(properties));
    }
}
