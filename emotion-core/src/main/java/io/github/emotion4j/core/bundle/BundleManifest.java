package io.github.emotion4j.core.bundle;

import java.util.List;
import java.util.Map;

/**
 * A bundle's verified manifest. Immutable value.
 *
 * @param formatVersion the bundle format version (at most {@link ModelBundle#FORMAT_VERSION})
 * @param libraryVersion the emotion4j version that wrote it
 * @param branches the branches in fusion order
 * @param provenance where the model came from: data, settings, dates, library and Java versions
 */
public record BundleManifest(int formatVersion, String libraryVersion, List<BranchEntry> branches, Map<String, String> provenance) {

    public BundleManifest {
        branches = List.copyOf(branches);
        provenance = Map.copyOf(provenance);
    }
}
