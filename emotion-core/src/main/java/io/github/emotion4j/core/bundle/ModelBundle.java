package io.github.emotion4j.core.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.core.ModelFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * An opened model bundle, every file checked against the SHA-256 its manifest gives. A zip bundle is unpacked
 * into a private temporary directory (entries that would land outside it are refused) which {@link #close()}
 * deletes; a directory bundle is read in place and never written.
 *
 * <p>Refused with a {@link ModelFormatException} naming the bundle: a missing path, a zip that is corrupt or
 * truncated, a missing or malformed manifest, a format version newer than {@link #FORMAT_VERSION}, a class order
 * other than {@link Emotion}'s, file paths outside the branch's folder, missing files and checksum mismatches.
 * Thread-safe once opened; close it when the branches are loaded.
 */
public final class ModelBundle implements AutoCloseable {

    /** The format name in every manifest. */
    public static final String FORMAT = "emotion4j-bundle";
    /** The newest bundle format version this library reads and the one it writes. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest's file name at the bundle's root. */
    public static final String MANIFEST = "manifest.json";

    private static final long MAX_UNPACKED_BYTES = 16L << 30;

    private final Path source;
    private final Path root;
    private final boolean temporary;
    private final BundleManifest manifest;

    private ModelBundle(Path source, Path root, boolean temporary, BundleManifest manifest) {
        this.source = source;
        this.root = root;
        this.temporary = temporary;
        this.manifest = manifest;
    }

    /**
     * Opens and verifies a bundle directory or zip file.
     *
     * @throws ModelFormatException when the bundle cannot be used; the message says why
     */
    public static ModelBundle open(Path bundle) throws ModelFormatException {
        if (!Files.exists(bundle)) {
            throw new ModelFormatException(bundle, "no such model bundle");
        }
        if (Files.isDirectory(bundle)) {
            return verified(bundle, bundle, false);
        }
        Path unpacked;
        try {
            unpacked = Files.createTempDirectory("emotion4j-bundle-");
        } catch (IOException e) {
            throw new ModelFormatException(bundle, "cannot create a temporary directory to unpack it: " + e.getMessage(), e);
        }
        try {
            unzip(bundle, unpacked);
            return verified(bundle, unpacked, true);
        } catch (ModelFormatException | RuntimeException e) {
            deleteRecursively(unpacked);
            throw e;
        }
    }

    private static ModelBundle verified(Path source, Path root, boolean temporary) throws ModelFormatException {
        BundleManifest manifest = readManifest(source, root);
        for (BranchEntry branch : manifest.branches()) {
            Path directory = branchDirectory(root, branch);
            for (Map.Entry<String, String> file : branch.files().entrySet()) {
                Path path = directory.resolve(file.getKey()).normalize();
                String shown = "branches/" + branch.name() + "/" + file.getKey();
                if (!path.startsWith(directory)) {
                    throw new ModelFormatException(source, "file '" + shown + "' lies outside its branch folder");
                }
                if (!Files.isRegularFile(path)) {
                    throw new ModelFormatException(source, "file '" + shown + "' listed in the manifest is missing");
                }
                String actual = Sha256.of(path);
                if (!actual.equalsIgnoreCase(file.getValue())) {
                    throw new ModelFormatException(source, "file '" + shown + "' is corrupt or was modified: SHA-256 "
                            + actual + ", the manifest says " + file.getValue());
                }
            }
        }
        return new ModelBundle(source, root, temporary, manifest);
    }

    static Path branchDirectory(Path root, BranchEntry branch) {
        return root.resolve("branches").resolve(branch.name()).normalize();
    }

    private static BundleManifest readManifest(Path source, Path root) throws ModelFormatException {
        Path file = root.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(source, "not a model bundle: no " + MANIFEST + " at its root");
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new ModelFormatException(source, MANIFEST + " is not valid JSON: " + e.getMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new ModelFormatException(source, MANIFEST + " is not a JSON object");
        }
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new ModelFormatException(source, MANIFEST + " does not declare \"format\": \"" + FORMAT + "\"");
        }
        JsonNode version = json.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new ModelFormatException(source, MANIFEST + " lacks an integer formatVersion");
        }
        if (version.asInt() > FORMAT_VERSION) {
            throw new ModelFormatException(source, "bundle format version " + version.asInt()
                    + " is newer than this emotion4j reads (" + FORMAT_VERSION + "); upgrade emotion4j to load it");
        }
        if (version.asInt() < 1) {
            throw new ModelFormatException(source, "invalid bundle format version " + version.asInt());
        }
        List<String> classes = new ArrayList<>();
        json.path("classes").forEach(c -> classes.add(c.asText()));
        List<String> expected = Emotion.all().stream().map(Emotion::name).toList();
        if (!classes.equals(expected)) {
            throw new ModelFormatException(source, "class order " + classes + " differs from this library's " + expected);
        }
        List<BranchEntry> branches = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode branchNodes = json.path("branches");
        if (!branchNodes.isArray() || branchNodes.isEmpty()) {
            throw new ModelFormatException(source, MANIFEST + " lists no branches");
        }
        for (JsonNode node : branchNodes) {
            BranchEntry entry;
            try {
                entry = new BranchEntry(text(source, node, "name"), text(source, node, "type"),
                        node.path("weight").asDouble(Double.NaN), stringMap(node.path("files")), stringMap(node.path("properties")));
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(source, MANIFEST + ": " + e.getMessage(), e);
            }
            if (!names.add(entry.name())) {
                throw new ModelFormatException(source, MANIFEST + " names branch '" + entry.name() + "' twice");
            }
            branches.add(entry);
        }
        return new BundleManifest(version.asInt(), json.path("libraryVersion").asText(""), branches,
                stringMap(json.path("provenance")));
    }

    private static String text(Path source, JsonNode node, String field) throws ModelFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ModelFormatException(source, MANIFEST + ": a branch lacks its \"" + field + "\"");
        }
        return value.asText();
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
        }
        return map;
    }

    private static void unzip(Path zip, Path target) throws ModelFormatException {
        long total = 0;
        boolean any = false;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                any = true;
                Path out = target.resolve(entry.getName()).normalize();
                if (entry.getName().startsWith("/") || entry.getName().contains("\\") || !out.startsWith(target)
                        || out.equals(target)) {
                    throw new ModelFormatException(zip, "zip entry '" + entry.getName() + "' would be written outside the bundle");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                total += Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                if (total > MAX_UNPACKED_BYTES) {
                    throw new ModelFormatException(zip, "unpacks to more than " + (MAX_UNPACKED_BYTES >> 30) + " GiB");
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFormatException(zip, "not a readable zip bundle (corrupt or truncated): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelFormatException(zip, "cannot be unpacked: " + e.getMessage(), e);
        }
        if (!any) {
            throw new ModelFormatException(zip, "is neither a bundle directory nor a zip bundle");
        }
    }

    /** Where the bundle was opened from. */
    public Path source() {
        return source;
    }

    /** The directory the bundle's files are read from (the unpacked copy for a zip). */
    Path root() {
        return root;
    }

    /** The verified manifest. */
    public BundleManifest manifest() {
        return manifest;
    }

    /** The files and settings of one branch, for its {@link BranchFactory}. */
    public BranchSource branch(BranchEntry entry) {
        return new BranchSource(source, branchDirectory(root, entry), entry);
    }

    /** Deletes the unpacked copy of a zip bundle; idempotent; a directory bundle is left as it is. */
    @Override
    public void close() {
        if (temporary) {
            deleteRecursively(root);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> all = new ArrayList<>(paths.toList());
            Collections.sort(all, Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    @Override
    public String toString() {
        return "ModelBundle[" + source + ", " + manifest.branches().size() + " branches]";
    }
}
