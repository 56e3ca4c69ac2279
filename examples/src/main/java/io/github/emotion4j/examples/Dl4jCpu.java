package io.github.emotion4j.examples;

/**
 * CPU settings for DL4J in the command-line application, applied before ND4J starts: DL4J's oneDNN layer
 * helpers are enabled (DL4J 1.0.0-M2.1 disables them by default; see {@code org.nd4j.nativeblas.Nd4jCpu} for the
 * lookup it gets wrong). They only take effect with an ND4J binary built with oneDNN: add
 * {@code org.nd4j:nd4j-native:1.0.0-M2.1:linux-x86_64-onednn-avx2} to the class path and start Java with
 * {@code -Dorg.bytedeco.javacpp.platform.extension=-onednn-avx2}. Stateless; call {@link #configure()} once, early.
 */
public final class Dl4jCpu {

    /** DL4J's switch for its platform helpers (cuDNN, oneDNN). */
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private Dl4jCpu() {
    }

    /** Enables DL4J's helpers unless the user set the property; returns whether they are enabled. */
    public static boolean configure() {
        if (System.getProperty(HELPERS_DISABLE) == null) {
            System.setProperty(HELPERS_DISABLE, "false");
        }
        return !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE));
    }
}
