package io.github.emotion4j.examples;

import org.nd4j.nativeblas.Nd4jCpu;

/**
 * CPU settings for DL4J in the command-line application, applied before ND4J starts. On Linux x86-64 the
 * application depends on ND4J's oneDNN build ({@code org.nd4j:nd4j-native:1.0.0-M2.1:linux-x86_64-onednn-avx2}),
 * which JavaCPP loads by itself when it is on the class path and the processor can run it. For DL4J's layers to
 * use it, DL4J's oneDNN helpers must be enabled: DL4J 1.0.0-M2.1 disables them by default, and looks for a class
 * ND4J moved (answered by {@code org.nd4j.nativeblas.Nd4jCpu} in this application). Together they make the embedded
 * face networks and VGG-16 several times faster on a CPU ({@code BENCHMARKS.md}).
 *
 * <p>Set {@code -Dorg.eclipse.deeplearning4j.helpers.disable=true} to keep DL4J's own layer code. Stateless; call
 * {@link #configure()} once, first thing in {@code main}.
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

    /** Whether the ND4J binary that was loaded includes oneDNN (starts ND4J). */
    public static boolean oneDnnLoaded() {
        return Nd4jCpu.Environment.getInstance().isUseMKLDNN();
    }
}
