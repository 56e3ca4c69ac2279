package io.github.emotion4j.vision.fer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three parts of FER-2013, as its CSV's {@code Usage} column names them and as image-folder copies name
 * their folders.
 */
public enum FerSplit {
    /** 28,709 training images ({@code Training}, folder {@code train}). */
    TRAINING("Training", List.of("train", "training")),
    /** 3,589 images for validation ({@code PublicTest}, folder {@code publictest}). */
    PUBLIC_TEST("PublicTest", List.of("publictest", "public_test", "public-test")),
    /** 3,589 images for the final test ({@code PrivateTest}, folder {@code privatetest}). */
    PRIVATE_TEST("PrivateTest", List.of("privatetest", "private_test", "private-test"));

    private final String usage;
    private final List<String> folderNames;

    FerSplit(String usage, List<String> folderNames) {
        this.usage = usage;
        this.folderNames = folderNames;
    }

    /** The value of the CSV's {@code Usage} column. */
    public String usage() {
        return usage;
    }

    /** Folder names an image-folder copy uses for this split (compared ignoring case), the usual one first. */
    public List<String> folderNames() {
        return folderNames;
    }

    /** The split a {@code Usage} value names, ignoring case and blanks; empty when it names none. */
    public static Optional<FerSplit> ofUsage(String value) {
        for (FerSplit split : values()) {
            if (split.usage.equalsIgnoreCase(value.strip())) {
                return Optional.of(split);
            }
        }
        return Optional.empty();
    }

    /** The split a folder name stands for, ignoring case; empty when none. */
    public static Optional<FerSplit> ofFolder(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (FerSplit split : values()) {
            if (split.folderNames.contains(lower)) {
                return Optional.of(split);
            }
        }
        return Optional.empty();
    }
}
