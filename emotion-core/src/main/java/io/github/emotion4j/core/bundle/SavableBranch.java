package io.github.emotion4j.core.bundle;

import io.github.emotion4j.core.EmotionBranch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A branch that can write itself into a bundle, to be loaded back by the {@link BranchFactory} of its {@link
 * #type()}. Saving must not change the branch; a saved and reloaded branch predicts exactly as before.
 */
public interface SavableBranch extends EmotionBranch {

    /** The {@link BranchFactory#type()} that loads what {@link #save} writes. */
    String type();

    /** Small settings written into the manifest and handed back through {@link BranchSource#properties()}. */
    default Map<String, String> properties() {
        return Map.of();
    }

    /**
     * Writes the branch's files into {@code directory} (empty, owned by the bundle writer).
     *
     * @throws IOException when writing fails
     */
    void save(Path directory) throws IOException;
}
