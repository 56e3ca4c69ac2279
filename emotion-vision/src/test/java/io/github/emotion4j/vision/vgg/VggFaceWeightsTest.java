package io.github.emotion4j.vision.vgg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.vision.vgg.KerasWeightsWriter.Layer;
import io.github.emotion4j.vision.vgg.KerasWeightsWriter.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class VggFaceWeightsTest {

    /** 64x64 input: pool5 leaves 2x2x32 features, so fc6's row order matters. */
    private static final Vgg16Spec SPEC = new Vgg16Spec(64, 3, 1.0 / 16, 12, 10, 7, false);

    @TempDir
    Path dir;

    private ComputationGraph network;

    @BeforeEach
    void build() {
        network = Vgg16.create(SPEC, SolverSettings.defaults());
    }

    @AfterEach
    void close() {
        network.close();
    }

    /** Value of Keras convolution kernel element [a][b][i][o] of layer number {@code layer} (exact in float). */
    private static float convValue(int layer, int a, int b, int i, int o, int in, int out) {
        return layer * 10_000 + ((a * 3 + b) * in + i) * out + o;
    }

    /** Value of fc6 kernel element for pool5 position (h, w), channel c, unit o. */
    private static float fc6Value(int h, int w, int c, int o) {
        return 200_000 + ((h * 2 + w) * 32 + c) * 12 + o;
    }

    private static int[] channels(int layer) {
        int[] out = {4, 4, 8, 8, 16, 16, 16, 32, 32, 32, 32, 32, 32};
        return new int[] {layer == 0 ? 3 : out[layer - 1], out[layer]};
    }

    private static Tensor convKernel(int layer, boolean theanoLayout) {
        int in = channels(layer)[0];
        int out = channels(layer)[1];
        float[] data = new float[9 * in * out];
        int n = 0;
        if (theanoLayout) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    for (int k = 0; k < 9; k++) {
                        data[n++] = convValue(layer, k / 3, k % 3, i, o, in, out);
                    }
                }
            }
            return new Tensor(new long[] {out, in, 3, 3}, data);
        }
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        data[n++] = convValue(layer, a, b, i, o, in, out);
                    }
                }
            }
        }
        return new Tensor(new long[] {3, 3, in, out}, data);
    }

    private static Tensor bias(int units, float start) {
        float[] data = new float[units];
        for (int i = 0; i < units; i++) {
            data[i] = start + i;
        }
        return new Tensor(new long[] {units}, data);
    }

    private static Tensor fc6Kernel(boolean asConvolution) {
        float[] data = new float[2 * 2 * 32 * 12];
        int n = 0;
        for (int h = 0; h < 2; h++) {
            for (int w = 0; w < 2; w++) {
                for (int c = 0; c < 32; c++) {
                    for (int o = 0; o < 12; o++) {
                        data[n++] = fc6Value(h, w, c, o);
                    }
                }
            }
        }
        return new Tensor(asConvolution ? new long[] {2, 2, 32, 12} : new long[] {128, 12}, data);
    }

    private static Tensor dense(int in, int out, float start) {
        float[] data = new float[in * out];
        for (int i = 0; i < data.length; i++) {
            data[i] = start + i;
        }
        return new Tensor(new long[] {in, out}, data);
    }

    /** A VGG-shaped weights file in VGG-Face's naming with a dense fc6 (keras-vggface's layout). */
    private static Map<String, Layer> vggFaceLayers() {
        Map<String, Layer> layers = new LinkedHashMap<>();
        List<String> names = Vgg16.convolutionNames();
        for (int l = 0; l < names.size(); l++) {
            layers.put(names.get(l), new Layer(convKernel(l, false), bias(channels(l)[1], -l * 100)));
        }
        layers.put("fc6", new Layer(fc6Kernel(false), bias(12, 5000)));
        layers.put("fc7", new Layer(dense(12, 10, 7000), bias(10, 6000)));
        layers.put("fc8", new Layer(dense(10, 2622, 0), bias(2622, 0)));
        return layers;
    }

    private void assertImported() {
        List<String> names = Vgg16.convolutionNames();
        for (int l = 0; l < names.size(); l++) {
            INDArray w = network.getLayer(names.get(l)).getParam("W");
            int in = channels(l)[0];
            int out = channels(l)[1];
            assertEquals(List.of((long) out, (long) in, 3L, 3L), List.of(w.size(0), w.size(1), w.size(2), w.size(3)));
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            assertEquals(convValue(l, a, b, i, o, in, out), w.getFloat(o, i, a, b), names.get(l));
                        }
                    }
                }
            }
            assertEquals(-l * 100 + 3, network.getLayer(names.get(l)).getParam("b").getFloat(3), 0.0);
        }
        INDArray fc6 = network.getLayer("fc6").getParam("W");
        for (int c = 0; c < 32; c++) {
            for (int h = 0; h < 2; h++) {
                for (int w = 0; w < 2; w++) {
                    for (int o = 0; o < 12; o++) {
                        // DL4J flattens pool5 channels-first: row c*4 + h*2 + w.
                        assertEquals(fc6Value(h, w, c, o), fc6.getFloat(c * 4 + h * 2 + w, o));
                    }
                }
            }
        }
        assertEquals(5011, network.getLayer("fc6").getParam("b").getFloat(11), 0.0);
        assertEquals(7000 + 3 * 10 + 4, network.getLayer("fc7").getParam("W").getFloat(3, 4), 0.0);
        assertEquals(6009, network.getLayer("fc7").getParam("b").getFloat(9), 0.0);
    }

    @Test
    void importsEveryLayerButTheLastIntoDl4jLayout() throws Exception {
        Path file = dir.resolve("vggface.h5");
        KerasWeightsWriter.write(file, vggFaceLayers(), true, false);
        INDArray fc8Before = network.getLayer("fc8").getParam("W").dup();

        List<String> imported = VggFaceWeights.importInto(network, SPEC, file);

        assertEquals(15, imported.size());
        assertImported();
        assertEquals(fc8Before, network.getLayer("fc8").getParam("W"), "fc8 keeps its own initialisation");
    }

    @Test
    void readsKeras1NamesAndWholeModelFiles() throws Exception {
        Path file = dir.resolve("model.h5");
        KerasWeightsWriter.write(file, vggFaceLayers(), false, true);
        VggFaceWeights.importInto(network, SPEC, file);
        assertImported();
    }

    @Test
    void matchesLayersByNaturalOrderWhenNamesAreKerasDefaults() throws Exception {
        // deepface's VGG-Face: Convolution2D everywhere (fc6 a 2x2 here / 7x7 there convolution), default names.
        Map<String, Layer> layers = new LinkedHashMap<>();
        List<String> names = Vgg16.convolutionNames();
        for (int l = 0; l < names.size(); l++) {
            layers.put("conv2d_" + (l + 1), new Layer(convKernel(l, false), bias(channels(l)[1], -l * 100)));
        }
        layers.put("conv2d_14", new Layer(fc6Kernel(true), bias(12, 5000)));
        Tensor fc7 = dense(12, 10, 7000);
        layers.put("conv2d_15", new Layer(new Tensor(new long[] {1, 1, 12, 10}, fc7.data()), bias(10, 6000)));
        layers.put("conv2d_16", new Layer(new Tensor(new long[] {1, 1, 10, 2622}, new float[10 * 2622]), bias(2622, 0)));
        Path file = dir.resolve("deepface.h5");
        KerasWeightsWriter.write(file, layers, true, true);

        VggFaceWeights.importInto(network, SPEC, file);

        assertImported();
    }

    @Test
    void aShapeMismatchNamesTheFileAndTheLayerAndChangesNothing() throws Exception {
        Map<String, Layer> layers = vggFaceLayers();
        layers.put("conv3_2", new Layer(new Tensor(new long[] {3, 3, 16, 17}, new float[9 * 16 * 17]), bias(17, 0)));
        Path file = dir.resolve("wrong.h5");
        KerasWeightsWriter.write(file, layers, true, false);
        INDArray before = network.params().dup();

        WeightImportException e = assertThrows(WeightImportException.class, () -> VggFaceWeights.importInto(network, SPEC, file));

        assertEquals("conv3_2", e.layer().orElseThrow());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("[3, 3, 16, 17]"), e.getMessage());
        assertEquals(file, e.file().orElseThrow());
        assertEquals(before, network.params());
    }

    @Test
    void aNetworkOfAnotherWidthIsRefusedByLayer() throws Exception {
        Path file = dir.resolve("vggface.h5");
        KerasWeightsWriter.write(file, vggFaceLayers(), true, false);
        Vgg16Spec wider = SPEC.withWidthMultiplier(1.0 / 8);
        ComputationGraph other = Vgg16.create(wider, SolverSettings.defaults());
        try {
            WeightImportException e = assertThrows(WeightImportException.class, () -> VggFaceWeights.importInto(other, wider, file));
            assertEquals("conv1_1", e.layer().orElseThrow());
        } finally {
            other.close();
        }
    }

    @Test
    void theanoLayoutIsRefusedWithAHint() throws Exception {
        Map<String, Layer> layers = vggFaceLayers();
        layers.put("conv1_1", new Layer(convKernel(0, true), bias(4, 0)));
        Path file = dir.resolve("theano.h5");
        KerasWeightsWriter.write(file, layers, true, false);
        WeightImportException e = assertThrows(WeightImportException.class, () -> VggFaceWeights.importInto(network, SPEC, file));
        assertTrue(e.getMessage().contains("Theano"), e.getMessage());
    }

    @Test
    void aFileWithoutVggLayersIsRefused() throws Exception {
        Map<String, Layer> layers = new LinkedHashMap<>();
        layers.put("dense_1", new Layer(dense(3, 2, 0), bias(2, 0)));
        Path file = dir.resolve("other.h5");
        KerasWeightsWriter.write(file, layers, true, false);
        WeightImportException e = assertThrows(WeightImportException.class, () -> VggFaceWeights.importInto(network, SPEC, file));
        assertTrue(e.getMessage().contains("conv1_1"), e.getMessage());
    }

    @Test
    void missingAndNonHdf5FilesAreRefusedByName() throws Exception {
        Path missing = dir.resolve("absent.h5");
        WeightImportException absent = assertThrows(WeightImportException.class, () -> VggFaceWeights.importInto(network, SPEC, missing));
        assertTrue(absent.getMessage().contains("absent.h5"));
        Path text = Files.writeString(dir.resolve("notes.h5"), "not hdf5 at all");
        WeightImportException notHdf5 = assertThrows(WeightImportException.class, () -> VggFaceWeights.importInto(network, SPEC, text));
        assertTrue(notHdf5.getMessage().contains("notes.h5") && notHdf5.getMessage().contains("HDF5"), notHdf5.getMessage());
    }

    @Test
    void naturalOrderComparesNumbersAsNumbers() {
        List<String> names = new java.util.ArrayList<>(List.of("conv2d_10", "conv2d_2", "conv2d_1", "dense_1", "conv2d_16"));
        names.sort(VggFaceWeights.naturalOrder());
        assertEquals(List.of("conv2d_1", "conv2d_2", "conv2d_10", "conv2d_16", "dense_1"), names);
    }
}
