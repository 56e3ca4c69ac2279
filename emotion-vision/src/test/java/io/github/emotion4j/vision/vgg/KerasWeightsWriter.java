package io.github.emotion4j.vision.vgg;

import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.DataType;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.global.hdf5;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

/**
 * Writes small HDF5 files in the layout Keras gives its weights, with the bytedeco HDF5 bindings: one group per
 * layer, a kernel and a bias in it (Keras 2: in a sub-group of the same name, named {@code kernel:0} and
 * {@code bias:0}; Keras 1: directly, named {@code <layer>_W} and {@code <layer>_b}), optionally under
 * {@code model_weights} as {@code model.save} does. Test helper; not thread-safe.
 */
final class KerasWeightsWriter {

    /** A tensor in row-major order. */
    record Tensor(long[] shape, float[] data) {
        Tensor {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("shape holds " + n + " values, data " + data.length);
            }
        }
    }

    /** A layer's kernel and bias. */
    record Layer(Tensor kernel, Tensor bias) {
    }

    static {
        Loader.load(hdf5.class);
    }

    private KerasWeightsWriter() {
    }

    static void write(Path file, Map<String, Layer> layers, boolean keras2, boolean underModelWeights) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            H5File h5 = new H5File(file.toString(), hdf5.H5F_ACC_TRUNC());
            try {
                Group root = underModelWeights ? h5.createGroup("model_weights") : null;
                for (Map.Entry<String, Layer> e : layers.entrySet()) {
                    String name = e.getKey();
                    Group group = root != null ? root.createGroup(name) : h5.createGroup(name);
                    Group inner = keras2 ? group.createGroup(name) : group;
                    writeDataSet(inner, keras2 ? "kernel:0" : name + "_W", e.getValue().kernel());
                    writeDataSet(inner, keras2 ? "bias:0" : name + "_b", e.getValue().bias());
                    if (keras2) {
                        inner.deallocate();
                    }
                    group.deallocate();
                }
                if (root != null) {
                    root.deallocate();
                }
            } finally {
                h5.deallocate();
            }
        }
    }

    private static void writeDataSet(Group group, String name, Tensor tensor) {
        DataSpace space = new DataSpace(tensor.shape().length, tensor.shape());
        DataType type = new DataType(PredType.NATIVE_FLOAT());
        DataSet dataSet = group.createDataSet(name, type, space);
        FloatPointer data = new FloatPointer(tensor.data());
        dataSet.write(data, type);
        data.deallocate();
        dataSet.deallocate();
        space.deallocate();
    }
}
