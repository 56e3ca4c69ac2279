package io.github.emotion4j.core.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.core.Provenance;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a model bundle: a directory, or a zip file when the target's name ends in {@code .zip}. Everything is
 * staged beside the target and moved into place by {@link #commit()}, so a failure leaves no half-written
 * bundle; an existing target is never overwritten. Not thread-safe. Close it (try-with-resources) to discard
 * an uncommitted bundle.
 */
public final class BundleWriter implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private final List<BranchEntry> pending = new ArrayList<>();
    private final Map<String, String> provenance = new LinkedHashMap<>(Provenance.environment());
    private boolean committed;

    private BundleWriter(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Starts a bundle at {@code target}.
     *
     * @throws FileAlreadyExistsException when something is there already (nothing is overwritten)
     */
    public static BundleWriter create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "refusing to overwrite an existing file or directory");
        }
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        return new BundleWriter(absolute, Files.createTempDirectory(parent, ".emotion4j-bundle-"));
    }

    /** Adds a provenance entry (data, settings, command, ...); later values replace earlier ones. */
    public BundleWriter provenance(String key, String value) {
        provenance.put(key, value);
        return this;
    }

    /** Adds every provenance entry of {@code entries}. */
    public BundleWriter provenance(Map<String, String> entries) {
        provenance.putAll(entries);
        return this;
    }

    /**
     * Adds a branch and returns its (empty) folder for the caller to write the branch's files into; every
     * regular file found there at {@link #commit()} is listed in the manifest with its SHA-256.
     */
    public Path addBranch(String name, String type, double weight, Map<String, String> properties) throws IOException {
        BranchEntry entry = new BranchEntry(name, type, weight, Map.of(), properties);
        if (pending.stream().anyMatch(b -> b.name().equals(name))) {
            throw new IllegalArgumentException("branch name '" + name + "' is used twice");
        }
        pending.add(entry);
        return Files.createDirectories(ModelBundle.branchDirectory(staging, entry));
    }

    /**
     * Copies a branch out of another bundle (files and properties), under {@code name} and with a new weight:
     * how bundles of single branches are assembled into one model.
     */
    public void addBranchCopy(ModelBundle from, BranchEntry entry, String name, double weight) throws IOException {
        Path source = ModelBundle.branchDirectory(from.root(), entry);
        Path target = addBranch(name, entry.type(), weight, entry.properties());
        for (String file : entry.files().keySet()) {
            Path destination = target.resolve(file).normalize();
            if (!destination.startsWith(target)) {
                throw new IOException("file '" + file + "' of branch '" + entry.name() + "' lies outside its folder");
            }
            Files.createDirectories(destination.getParent());
            Files.copy(source.resolve(file), destination);
        }
    }

    /** Adds a branch that saves itself. */
    public void addBranch(SavableBranch branch, double weight) throws IOException {
        branch.save(addBranch(branch.name(), branch.type(), weight, branch.properties()));
    }

    /** Writes the manifest and moves the bundle into place; returns the target. */
    public Path commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("bundle already committed to " + target);
        }
        if (pending.isEmpty()) {
            throw new IllegalStateException("a bundle needs at least one branch");
        }
        ObjectNode manifest = Json.MAPPER.createObjectNode();
        manifest.put("format", ModelBundle.FORMAT);
        manifest.put("formatVersion", ModelBundle.FORMAT_VERSION);
        manifest.put("libraryVersion", Provenance.libraryVersion());
        ArrayNode classes = manifest.putArray("classes");
        Emotion.all().forEach(e -> classes.add(e.name()));
        ArrayNode branches = manifest.putArray("branches");
        for (BranchEntry entry : pending) {
            ObjectNode node = branches.addObject();
            node.put("name", entry.name());
            node.put("type", entry.type());
            node.put("weight", entry.weight());
            ObjectNode files = node.putObject("files");
            checksums(ModelBundle.branchDirectory(staging, entry)).forEach(files::put);
            ObjectNode properties = node.putObject("properties");
            entry.properties().forEach(properties::put);
        }
        ObjectNode provenanceNode = manifest.putObject("provenance");
        provenance.forEach(provenanceNode::put);
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(staging.resolve(ModelBundle.MANIFEST).toFile(), manifest);

        if (target.getFileName().toString().endsWith(".zip")) {
            Path zip = Files.createTempFile(target.getParent(), ".emotion4j-bundle-", ".zip");
            zipDirectory(staging, zip);
            move(zip, target);
            ModelBundle.deleteRecursively(staging);
        } else {
            move(staging, target);
        }
        committed = true;
        return target;
    }

    private static Map<String, String> checksums(Path directory) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sums.put(directory.relativize(file).toString().replace('\\', '/'), Sha256.of(file));
            }
        }
        return sums;
    }

    private static void zipDirectory(Path directory, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.putNextEntry(new ZipEntry(directory.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, entries);
                entries.closeEntry();
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
        if (!Files.exists(to)) {
            throw new IOException("could not move the bundle into " + to);
        }
    }

    /** Discards the staged files of an uncommitted bundle; idempotent. */
    @Override
    public void close() {
        if (!committed) {
            ModelBundle.deleteRecursively(staging);
        }
    }
}
