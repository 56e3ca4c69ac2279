package org.nd4j.nativeblas;

/**
 * Lets DL4J 1.0.0-M2.1 use its oneDNN layer helpers on the CPU. DL4J's {@code BaseMKLDNNHelper} asks
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} whether oneDNN may be used, but ND4J
 * M2.1 moved that class to {@code org.nd4j.linalg.cpu.nativecpu.bindings}, so the lookup always fails and every
 * convolution falls back to DL4J's own im2col path (ten times slower on a CPU). This class answers the lookup:
 * oneDNN is used when the loaded ND4J binary was built with it (an {@code -onednn} classifier of nd4j-native; the
 * default classifier has none and nothing changes). The helpers also need the system property
 * {@code org.eclipse.deeplearning4j.helpers.disable=false}, which the command-line application sets and a library
 * user sets on the {@code java} command line.
 *
 * <p>Part of the command-line application (emotion-examples), not of the libraries: it is a class in ND4J's package,
 * and a library jar holding it would split that package for users on the module path. A library user who wants
 * oneDNN puts emotion-examples (or a copy of this class) on the class path. It does nothing unless DL4J asks. Remove
 * it when DL4J's lookup is fixed. Stateless and thread-safe.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The environment DL4J queries. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** The one instance. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the loaded ND4J binary includes oneDNN. */
        public boolean isUseMKLDNN() {
            org.nd4j.linalg.factory.Nd4j.getBackend(); // NativeOpsHolder needs the backend loaded first
            String info = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
            return info != null && info.contains("HAVE_ONEDNN");
        }
    }
}
