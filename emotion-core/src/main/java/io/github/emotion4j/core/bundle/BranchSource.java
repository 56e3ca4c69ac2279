package io.github.emotion4j.core.bundle;

import io.github.emotion4j.core.ModelFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a {@link BranchFactory} reads a branch from: its manifest entry and its files, already checked against
 * their SHA-256. The files belong to the {@link ModelBundle} (for a zip bundle, a temporary copy deleted when
 * the bundle closes): read them during {@link BranchFactory#load}, do not keep the paths. Thread-safe.
 */
public final class BranchSource {

    private final Path bundle;
    private final Path directory;
    private final BranchEntry entry;

    BranchSource(Path bundle, Path directory, BranchEntry entry) {
        this.bundle = bundle;
        this.directory = directory;
        this.entry = entry;
    }

    /** The bundle this branch comes from (for messages). */
    public Path bundle() {
        return bundle;
    }

    /** The branch's manifest entry. */
    public BranchEntry entry() {
        return entry;
    }

    /** The branch's properties from the manifest. */
    public Map<String, String> properties() {
        return entry.properties();
    }

    /**
     * A property the branch cannot load without.
     *
     * @throws ModelFormatException when the manifest lacks it
     */
    public String requireProperty(String key) throws ModelFormatException {
        String value = entry.properties().get(key);
        if (value == null) {
            throw new ModelFormatException(bundle, "branch '" + entry.name() + "' lacks the property '" + key + "'");
        }
        return value;
    }

    /**
     * One of the branch's files, verified.
     *
     * @throws ModelFormatException when the manifest lists no such file
     */
    public Path file(String name) throws ModelFormatException {
        if (!entry.files().containsKey(name)) {
            throw new ModelFormatException(bundle, "branch '" + entry.name() + "' has no file '" + name + "' (it has "
                    + entry.files().keySet() + ")");
        }
        Path file = directory.resolve(name).normalize();
        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            throw new ModelFormatException(bundle, "branch '" + entry.name() + "' file '" + name + "' is missing");
        }
        return file;
    }
}
