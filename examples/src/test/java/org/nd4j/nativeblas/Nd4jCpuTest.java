package org.nd4j.nativeblas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jCpuTest {

    @Test
    void claimsOneDnnExactlyWhenTheLoadedBinaryHasIt() {
        Nd4j.getBackend();
        boolean binaryHasOneDnn = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
        assertEquals(binaryHasOneDnn, Nd4jCpu.Environment.getInstance().isUseMKLDNN());
    }

    @Test
    void isWhereDl4jLooksForIt() throws Exception {
        Class<?> environment = Class.forName("org.nd4j.nativeblas.Nd4jCpu$Environment");
        Object instance = environment.getMethod("getInstance").invoke(null);
        assertEquals(Nd4jCpu.Environment.getInstance().isUseMKLDNN(), environment.getMethod("isUseMKLDNN").invoke(instance));
    }
}
