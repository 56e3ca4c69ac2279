/**
 * Model bundles: a directory or zip with a {@code manifest.json} (format version, library version, class order,
 * each branch's type, fusion weight, files with SHA-256 and properties, and provenance) and each branch's files
 * under {@code branches/<name>/}. {@link io.github.emotion4j.core.bundle.BranchFactory} implementations, found
 * with {@link java.util.ServiceLoader}, turn a bundle's branch entries back into branches. No Java serialization.
 */
package io.github.emotion4j.core.bundle;
