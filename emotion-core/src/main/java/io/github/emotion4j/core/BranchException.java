package io.github.emotion4j.core;

import java.nio.file.Path;

/** A branch failed on a clip (as opposed to abstaining): the message names the branch, the file and the cause. */
public class BranchException extends EmotionException {

    private static final long serialVersionUID = 1L;

    private final String branch;

    public BranchException(Path file, String branch, String message, Throwable cause) {
        super(file, "branch '" + branch + "' failed: " + message, cause);
        this.branch = branch;
    }

    /** The name of the branch that failed. */
    public String branch() {
        return branch;
    }
}
