package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.ModelFormatException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Pretrained weights cannot be imported: the file is missing or not HDF5, lacks a layer, or a layer's weights
 * do not have the shape the network expects. Names the file and, where one is to blame, the layer.
 */
public class WeightImportException extends ModelFormatException {

    private static final long serialVersionUID = 1L;

    private final String layer;

    /** A problem with the whole file. */
    public WeightImportException(Path file, String message) {
        super(file, message);
        this.layer = null;
    }

    /** A problem with the whole file, caused by {@code cause}. */
    public WeightImportException(Path file, String message, Throwable cause) {
        super(file, message, cause);
        this.layer = null;
    }

    /** A problem with one layer. */
    public WeightImportException(Path file, String layer, String message) {
        super(file, "layer '" + layer + "': " + message);
        this.layer = layer;
    }

    /** The layer to blame, when there is one. */
    public Optional<String> layer() {
        return Optional.ofNullable(layer);
    }
}
