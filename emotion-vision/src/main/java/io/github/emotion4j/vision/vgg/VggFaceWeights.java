package io.github.emotion4j.vision.vgg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports VGG-16 weights from a Keras HDF5 file into a network built by {@link Vgg16}: every weighted layer but
 * the classifier fc8, which keeps the paper's fresh initialisation. No weights ship with emotion4j and nothing is
 * downloaded: the user gives the path of a VGG-Face file, for example keras-vggface's
 * {@code rcmalli_vggface_tf_vgg16.h5} (Parkhi et al. 2015, converted to Keras).
 *
 * <p>Accepted layouts, read with DL4J's {@link Hdf5Archive}:
 * <ul>
 *   <li>a weights file ({@code model.save_weights}) or a whole model ({@code model.save}, weights under
 *       {@code model_weights});</li>
 *   <li>one group per layer holding a kernel (rank &gt; 1) and a bias (rank 1), directly or in a sub-group
 *       (Keras 2 writes {@code conv1_1/conv1_1/kernel:0});</li>
 *   <li>layers named as VGG-Face names them ({@code conv1_1 ... conv5_3, fc6, fc7}), or else exactly 16 weighted
 *       layers taken in natural name order ({@code conv2d_1, conv2d_2, ..., conv2d_10}, ...);</li>
 *   <li>TensorFlow (channels-last) kernels: convolutions {@code [3, 3, in, out]}; fc6 either dense
 *       {@code [h·w·c, out]} after a channels-last flatten or a {@code [h, w, c, out]} convolution; fc7 dense
 *       {@code [in, out]} or a {@code [1, 1, in, out]} convolution. Theano-layout files are refused.</li>
 * </ul>
 * Kernels are permuted to DL4J's layouts (convolution {@code [out, in, h, w]}; fc6 rows reordered from
 * channels-last to channels-first flattening). Any shape that does not fit the network raises a
 * {@link WeightImportException} naming the file and the layer, before any weight is changed.
 *
 * <p>Stateless and thread-safe (HDF5 access is serialised on {@link Hdf5Archive#LOCK_OBJECT}). The network is
 * modified in place and stays owned by the caller.
 */
public final class VggFaceWeights {

    private static final Logger LOG = LoggerFactory.getLogger(VggFaceWeights.class);

    private VggFaceWeights() {
    }

    /**
     * Copies every layer but fc8 from {@code file} into {@code network}, a VGG-16 built from {@code spec} without
     * batch normalisation.
     *
     * @return the names of the layers imported, in order
     * @throws WeightImportException when the file is missing, unreadable, lacks a layer, or a shape does not fit
     */
    public static List<String> importInto(ComputationGraph network, Vgg16Spec spec, Path file) throws WeightImportException {
        if (spec.batchNorm()) {
            throw new WeightImportException(file, "VGG-Face weights have no batch normalisation: build the network "
                    + "with batchNorm = false to import them");
        }
        if (!Files.isRegularFile(file)) {
            throw new WeightImportException(file, "no such weights file (give the path of a Keras VGG-Face .h5 file)");
        }
        Map<String, INDArray[]> converted = new LinkedHashMap<>();
        try (Hdf5Archive archive = open(file)) {
            Map<String, List<String[]>> layers = weightedLayers(archive, file);
            Map<String, String> sources = matchLayers(layers.keySet(), file);
            List<String> convolutions = Vgg16.convolutionNames();
            for (int i = 0; i < convolutions.size(); i++) {
                String name = convolutions.get(i);
                int block = blockOf(name);
                long in = i == 0 ? spec.channels() : spec.blockChannels(blockOf(convolutions.get(i - 1)));
                long out = spec.blockChannels(block);
                INDArray[] kb = read(archive, file, name, sources.get(name), layers.get(sources.get(name)));
                converted.put(name, new INDArray[] {convolutionKernel(file, name, kb[0], in, out), bias(file, name, kb[1], out)});
            }
            long c = spec.blockChannels(4);
            long hw = spec.finalFeatureSize();
            INDArray[] fc6 = read(archive, file, Vgg16.FC6, sources.get(Vgg16.FC6), layers.get(sources.get(Vgg16.FC6)));
            converted.put(Vgg16.FC6, new INDArray[] {fc6Kernel(file, fc6[0], hw, c, spec.fc6Size()), bias(file, Vgg16.FC6, fc6[1], spec.fc6Size())});
            INDArray[] fc7 = read(archive, file, Vgg16.FC7, sources.get(Vgg16.FC7), layers.get(sources.get(Vgg16.FC7)));
            converted.put(Vgg16.FC7, new INDArray[] {denseKernel(file, fc7[0], spec.fc6Size(), spec.fc7Size()), bias(file, Vgg16.FC7, fc7[1], spec.fc7Size())});
        }
        for (Map.Entry<String, INDArray[]> e : converted.entrySet()) {
            INDArray w = network.getLayer(e.getKey()).getParam("W");
            INDArray b = network.getLayer(e.getKey()).getParam("b");
            if (!Arrays.equals(w.shape(), e.getValue()[0].shape()) || b.length() != e.getValue()[1].length()) {
                throw new WeightImportException(file, e.getKey(), "the network's weights are " + Arrays.toString(w.shape())
                        + " but the spec " + spec + " gives " + Arrays.toString(e.getValue()[0].shape())
                        + ": pass the spec the network was built from");
            }
        }
        for (Map.Entry<String, INDArray[]> e : converted.entrySet()) {
            network.getLayer(e.getKey()).setParam("W", e.getValue()[0]);
            network.getLayer(e.getKey()).setParam("b", e.getValue()[1].reshape(network.getLayer(e.getKey()).getParam("b").shape()));
        }
        LOG.debug("imported {} layers from {}", converted.size(), file);
        return List.copyOf(converted.keySet());
    }

    private static Hdf5Archive open(Path file) throws WeightImportException {
        if (!hasHdf5Signature(file)) {
            throw new WeightImportException(file, "not an HDF5 file (no HDF5 signature): give a Keras .h5 weights file");
        }
        try {
            return new Hdf5Archive(file.toString());
        } catch (RuntimeException e) {
            throw new WeightImportException(file, "not a readable HDF5 file: " + e.getMessage(), e);
        }
    }

    /** Whether the HDF5 format signature sits at offset 0, 512, 1024, ... as the format places it. */
    private static boolean hasHdf5Signature(Path file) throws WeightImportException {
        byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(signature.length);
            for (long offset = 0; offset + signature.length <= channel.size(); offset = offset == 0 ? 512 : offset * 2) {
                buffer.clear();
                channel.read(buffer, offset);
                if (Arrays.equals(buffer.array(), signature)) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            throw new WeightImportException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static int blockOf(String convolutionName) {
        return convolutionName.charAt(4) - '1';
    }

    /** Layer group name → its data sets as group paths ending with the data set name. */
    private static Map<String, List<String[]>> weightedLayers(Hdf5Archive archive, Path file) throws WeightImportException {
        try {
            String[] root = archive.getGroups().contains("model_weights") ? new String[] {"model_weights"} : new String[0];
            Map<String, List<String[]>> layers = new LinkedHashMap<>();
            for (String group : archive.getGroups(root)) {
                String[] path = append(root, group);
                List<String[]> dataSets = new ArrayList<>();
                collectDataSets(archive, path, dataSets, 0);
                if (!dataSets.isEmpty()) {
                    layers.put(group, dataSets);
                }
            }
            return layers;
        } catch (RuntimeException e) {
            throw new WeightImportException(file, "cannot list the layers of the HDF5 file: " + e.getMessage(), e);
        }
    }

    private static void collectDataSets(Hdf5Archive archive, String[] path, List<String[]> out, int depth) {
        for (String dataSet : archive.getDataSets(path)) {
            out.add(append(path, dataSet));
        }
        if (depth < 3) {
            for (String child : archive.getGroups(path)) {
                collectDataSets(archive, append(path, child), out, depth + 1);
            }
        }
    }

    private static String[] append(String[] path, String last) {
        String[] result = Arrays.copyOf(path, path.length + 1);
        result[path.length] = last;
        return result;
    }

    /** Our layer name → the file's layer name, by VGG-Face's names or by natural order of 16 weighted layers. */
    private static Map<String, String> matchLayers(java.util.Set<String> available, Path file) throws WeightImportException {
        List<String> wanted = new ArrayList<>(Vgg16.convolutionNames());
        wanted.add(Vgg16.FC6);
        wanted.add(Vgg16.FC7);
        Map<String, String> match = new LinkedHashMap<>();
        if (available.containsAll(wanted)) {
            wanted.forEach(n -> match.put(n, n));
            return match;
        }
        List<String> ordered = new ArrayList<>(available);
        ordered.sort(naturalOrder());
        if (ordered.size() != 16) {
            List<String> missing = wanted.stream().filter(n -> !available.contains(n)).toList();
            throw new WeightImportException(file, "not a VGG-16 weights file: it lacks the layers " + missing
                    + " and has " + ordered.size() + " weighted layers " + ordered + " where VGG-16 has 16");
        }
        for (int i = 0; i < wanted.size(); i++) {
            match.put(wanted.get(i), ordered.get(i));
        }
        LOG.debug("{}: layers matched by order: {}", file, match);
        return match;
    }

    /** Compares names piecewise, digits as numbers: conv2d_2 before conv2d_10. */
    static Comparator<String> naturalOrder() {
        return FaceCropDataset::compareNatural;
    }

    /** {kernel, bias} of one layer. */
    private static INDArray[] read(Hdf5Archive archive, Path file, String layer, String source, List<String[]> dataSets)
            throws WeightImportException {
        if (dataSets.size() != 2) {
            throw new WeightImportException(file, layer, "expected a kernel and a bias in group '" + source + "', found "
                    + dataSets.size() + " data sets " + dataSets.stream().map(p -> String.join("/", p)).toList());
        }
        INDArray kernel = null;
        INDArray bias = null;
        for (String[] path : dataSets) {
            INDArray value;
            try {
                value = archive.readDataSet(path[path.length - 1], Arrays.copyOf(path, path.length - 1));
            } catch (UnsupportedKerasConfigurationException | RuntimeException e) {
                throw new WeightImportException(file, layer, "cannot read data set '" + String.join("/", path) + "': " + e.getMessage());
            }
            if (value.rank() == 1) {
                bias = value;
            } else {
                kernel = value;
            }
        }
        if (kernel == null || bias == null) {
            throw new WeightImportException(file, layer, "expected one kernel (rank > 1) and one bias (rank 1) in group '" + source + "'");
        }
        return new INDArray[] {kernel, bias};
    }

    private static INDArray convolutionKernel(Path file, String layer, INDArray kernel, long in, long out) throws WeightImportException {
        long[] expected = {3, 3, in, out};
        if (!Arrays.equals(kernel.shape(), expected)) {
            String hint = Arrays.equals(kernel.shape(), new long[] {out, in, 3, 3})
                    ? " (this looks like a Theano-layout file [out, in, h, w], which is not supported: use the TensorFlow one)"
                    : "";
            throw new WeightImportException(file, layer, "kernel shape " + Arrays.toString(kernel.shape())
                    + " does not fit the network's 3x3 convolution from " + in + " to " + out + " channels; expected "
                    + Arrays.toString(expected) + hint);
        }
        return kernel.permute(3, 2, 0, 1).dup('c');
    }

    private static INDArray fc6Kernel(Path file, INDArray kernel, long side, long channels, long out) throws WeightImportException {
        long in = side * side * channels;
        INDArray hwc;
        if (Arrays.equals(kernel.shape(), new long[] {in, out})) {
            hwc = kernel.dup('c').reshape('c', side, side, channels, out);
        } else if (Arrays.equals(kernel.shape(), new long[] {side, side, channels, out})) {
            hwc = kernel;
        } else {
            throw new WeightImportException(file, Vgg16.FC6, "kernel shape " + Arrays.toString(kernel.shape())
                    + " does not fit the network's fc6 from " + side + "x" + side + "x" + channels + " features to " + out
                    + " units; expected [" + in + ", " + out + "] or [" + side + ", " + side + ", " + channels + ", " + out + "]");
        }
        return hwc.permute(2, 0, 1, 3).dup('c').reshape('c', in, out);
    }

    private static INDArray denseKernel(Path file, INDArray kernel, long in, long out) throws WeightImportException {
        if (Arrays.equals(kernel.shape(), new long[] {in, out})) {
            return kernel.dup('c');
        }
        if (Arrays.equals(kernel.shape(), new long[] {1, 1, in, out})) {
            return kernel.dup('c').reshape('c', in, out);
        }
        throw new WeightImportException(file, Vgg16.FC7, "kernel shape " + Arrays.toString(kernel.shape())
                + " does not fit the network's fc7 from " + in + " to " + out + " units; expected [" + in + ", " + out + "]");
    }

    private static INDArray bias(Path file, String layer, INDArray bias, long out) throws WeightImportException {
        if (bias.length() != out) {
            throw new WeightImportException(file, layer, "bias has " + bias.length() + " values, the network's layer has " + out + " units");
        }
        return bias.reshape(1, out);
    }
}
