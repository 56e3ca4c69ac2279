package io.github.emotion4j.vision.net;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named float32 tensors: the parameters of one network, in emotion4j's weight file format, with SHA-256
 * verification against a {@code SHA256SUMS} list.
 *
 * <h2>Format (version 1)</h2>
 * Big-endian throughout, as {@link DataOutputStream} writes it:
 * <pre>
 *   4 bytes   magic "E4JW" (ASCII)
 *   int32     format version = 1
 *   UTF       description: provenance text (DataOutput.writeUTF: uint16 byte length, then modified UTF-8)
 *   int32     tensor count n
 *   n times:
 *     UTF     name, "&lt;layer&gt;/&lt;param&gt;" for a DL4J ComputationGraph (e.g. "dense0_conv1/pW")
 *     int32   rank r (1..8)
 *     r x int32  dimensions, each &gt; 0
 *     float32 x (product of dimensions)  values in row-major (C) order
 * </pre>
 * Nothing may follow the last tensor. The tensors of a file are stored in the shapes DL4J uses for the named
 * parameters, so loading is a shape-checked copy ({@link #applyTo(ComputationGraph)}).
 *
 * <h2>Checksums</h2>
 * {@code SHA256SUMS} beside the weight files has the layout of GNU {@code sha256sum}: one {@code <64 hex
 * digits><two spaces><file name>} line per file ({@code '*'} before the name is also accepted). {@link
 * #fromClasspath(String)} refuses a file whose digest differs from its line.
 *
 * <p>Instances are immutable and thread-safe: the constructor and {@link #tensor(String)} copy the arrays.
 */
public final class WeightFile {

    private static final Logger LOG = LoggerFactory.getLogger(WeightFile.class);

    /** The four bytes every weight file starts with. */
    public static final String MAGIC = "E4JW";
    /** The only format version this class reads and writes. */
    public static final int VERSION = 1;
    /** Name of the checksum list beside the weight files. */
    public static final String CHECKSUM_FILE = "SHA256SUMS";
    /** Classpath folder of the embedded weight files. */
    public static final String RESOURCE_DIR = "/io/github/emotion4j/vision/net/";

    private static final int MAX_RANK = 8;

    private final String description;
    private final Map<String, Tensor> tensors;

    /**
     * One named array: its shape and its values in row-major order. Immutable; the accessors hand out copies.
     */
    public static final class Tensor {
        private final int[] shape;
        private final float[] values;

        /**
         * A tensor over copies of {@code shape} and {@code values}.
         *
         * @throws IllegalArgumentException when a dimension is not positive or the value count differs from
         *     the product of the dimensions
         */
        public Tensor(int[] shape, float[] values) {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(values, "values");
            if (shape.length == 0 || shape.length > MAX_RANK) {
                throw new IllegalArgumentException("rank must be 1.." + MAX_RANK + ", got " + shape.length);
            }
            long count = 1;
            for (int d : shape) {
                if (d <= 0) {
                    throw new IllegalArgumentException("dimensions must be positive: " + Arrays.toString(shape));
                }
                count *= d;
            }
            if (count != values.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                        + " values, got " + values.length);
            }
            this.shape = shape.clone();
            this.values = values.clone();
        }

        /** A copy of the dimensions. */
        public int[] shape() {
            return shape.clone();
        }

        /** A copy of the values, row-major. */
        public float[] values() {
            return values.clone();
        }

        /** Number of values. */
        public int size() {
            return values.length;
        }

        @Override
        public String toString() {
            return "Tensor" + Arrays.toString(shape);
        }
    }

    /**
     * A weight file of {@code tensors} (kept in the map's iteration order); the map and the tensors are copied.
     *
     * @throws IllegalArgumentException when the description or a name is too long for the format (65535 bytes)
     */
    public WeightFile(String description, Map<String, Tensor> tensors) {
        this.description = Objects.requireNonNull(description, "description");
        checkUtf(description, "description");
        LinkedHashMap<String, Tensor> copy = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> {
            checkUtf(name, "tensor name");
            copy.put(name, Objects.requireNonNull(tensor, name));
        });
        this.tensors = Collections.unmodifiableMap(copy);
    }

    /** The provenance text stored in the file. */
    public String description() {
        return description;
    }

    /** The tensor names, in file order. */
    public Set<String> names() {
        return tensors.keySet();
    }

    /**
     * The tensor called {@code name}.
     *
     * @throws WeightFileException when there is none
     */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new WeightFileException("no tensor named '" + name + "' in weight file (" + description + ")");
        }
        return t;
    }

    /** Total number of values over all tensors. */
    public long parameterCount() {
        long n = 0;
        for (Tensor t : tensors.values()) {
            n += t.size();
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * Reads the embedded weight file {@code fileName} from {@link #RESOURCE_DIR} on the classpath and checks it
     * against its line in the {@code SHA256SUMS} resource there.
     *
     * @throws WeightFileException when the file or its checksum line is missing, the digest differs, or the
     *     content is not a valid weight file
     */
    public static WeightFile fromClasspath(String fileName) {
        byte[] data = readResource(fileName);
        byte[] sums = readResource(CHECKSUM_FILE);
        String expected = checksumFor(new String(sums, StandardCharsets.UTF_8), fileName, RESOURCE_DIR + CHECKSUM_FILE);
        return readVerified(data, RESOURCE_DIR + fileName, expected);
    }

    /**
     * Parses {@code data} after checking that its SHA-256 is {@code expectedSha256} (hex, any case).
     *
     * @param source names the data in messages (a file or resource path)
     * @throws WeightFileException when the digest differs or the content is not a valid weight file
     */
    public static WeightFile readVerified(byte[] data, String source, String expectedSha256) {
        String actual = sha256(data);
        if (!actual.equalsIgnoreCase(expectedSha256.strip())) {
            throw new WeightFileException(source + ": SHA-256 mismatch, the file is corrupt or was modified: expected "
                    + expectedSha256.strip().toLowerCase(Locale.ROOT) + " (from " + CHECKSUM_FILE + "), got " + actual);
        }
        LOG.debug("{}: SHA-256 {} verified", source, actual);
        return read(data, source);
    }

    /**
     * Parses {@code data} without checksum verification.
     *
     * @param source names the data in messages (a file or resource path)
     * @throws WeightFileException when the content is not a valid version-1 weight file
     */
    public static WeightFile read(byte[] data, String source) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte[] magic = new byte[4];
            in.readFully(magic);
            if (!MAGIC.equals(new String(magic, StandardCharsets.ISO_8859_1))) {
                throw new WeightFileException(source + ": not an emotion4j weight file (no \"" + MAGIC + "\" at the start)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new WeightFileException(source + ": weight file format version " + version
                        + " is not supported; this library reads version " + VERSION);
            }
            String description = in.readUTF();
            int count = in.readInt();
            if (count < 0) {
                throw new WeightFileException(source + ": negative tensor count " + count);
            }
            LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 1 || rank > MAX_RANK) {
                    throw new WeightFileException(source + ": tensor '" + name + "' has rank " + rank + ", expected 1.." + MAX_RANK);
                }
                int[] shape = new int[rank];
                long size = 1;
                for (int k = 0; k < rank; k++) {
                    shape[k] = in.readInt();
                    if (shape[k] <= 0) {
                        throw new WeightFileException(source + ": tensor '" + name + "' has dimension " + shape[k]);
                    }
                    size *= shape[k];
                }
                if (size * Float.BYTES > in.available()) {
                    throw new WeightFileException(source + ": truncated: tensor '" + name + "' " + Arrays.toString(shape)
                            + " needs " + size * Float.BYTES + " bytes, " + in.available() + " left");
                }
                byte[] raw = new byte[(int) size * Float.BYTES];
                in.readFully(raw);
                float[] values = new float[(int) size];
                ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(values);
                if (tensors.put(name, new Tensor(shape, values)) != null) {
                    throw new WeightFileException(source + ": tensor '" + name + "' appears twice");
                }
            }
            if (in.available() > 0) {
                throw new WeightFileException(source + ": " + in.available() + " unexpected bytes after the last tensor");
            }
            return new WeightFile(description, tensors);
        } catch (EOFException e) {
            throw new WeightFileException(source + ": truncated weight file", e);
        } catch (IOException e) {
            throw new WeightFileException(source + ": unreadable weight file: " + e.getMessage(), e);
        }
    }

    /**
     * The SHA-256 (lower-case hex) recorded for {@code fileName} in a {@code SHA256SUMS} text.
     *
     * @param source names the checksum list in messages
     * @throws WeightFileException when there is no well-formed line for the file
     */
    public static String checksumFor(String sums, String fileName, String source) {
        for (String line : sums.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            if (parts.length == 2) {
                String name = parts[1].startsWith("*") ? parts[1].substring(1) : parts[1];
                if (name.equals(fileName)) {
                    if (!parts[0].matches("[0-9a-fA-F]{64}")) {
                        throw new WeightFileException(source + ": malformed SHA-256 for " + fileName + ": " + parts[0]);
                    }
                    return parts[0].toLowerCase(Locale.ROOT);
                }
            }
        }
        throw new WeightFileException(source + ": no SHA-256 line for " + fileName);
    }

    /** The SHA-256 of {@code data}, lower-case hex. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] readResource(String fileName) {
        String path = RESOURCE_DIR + fileName;
        try (InputStream in = WeightFile.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new WeightFileException(path + ": resource not found on the classpath (is the emotion-vision jar complete?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new WeightFileException(path + ": cannot read resource: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------- writing

    /** Writes this file in the version-1 format; the stream is not closed. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC.getBytes(StandardCharsets.ISO_8859_1));
        data.writeInt(VERSION);
        data.writeUTF(description);
        data.writeInt(tensors.size());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            data.writeUTF(e.getKey());
            int[] shape = e.getValue().shape;
            data.writeInt(shape.length);
            for (int d : shape) {
                data.writeInt(d);
            }
            ByteBuffer buffer = ByteBuffer.allocate(e.getValue().values.length * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
            buffer.asFloatBuffer().put(e.getValue().values);
            data.write(buffer.array());
        }
        data.flush();
    }

    /** This file's bytes in the version-1 format. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------- DL4J

    /**
     * Copies every tensor into the parameter of {@code graph} with the same name ({@code "layer/param"}).
     * Every parameter of the graph must be covered, and no tensor may be left over.
     *
     * @throws WeightFileException naming the parameter when one is missing, unknown or of another shape
     */
    public void applyTo(ComputationGraph graph) {
        Map<String, INDArray> params = graphParameters(graph);
        Set<String> missing = new TreeSet<>(params.keySet());
        missing.removeAll(tensors.keySet());
        Set<String> unknown = new TreeSet<>(tensors.keySet());
        unknown.removeAll(params.keySet());
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new WeightFileException("weight file (" + description + ") does not fit the network: missing "
                    + missing + ", unknown " + unknown);
        }
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            long[] expected = e.getValue().shape();
            if (!Arrays.equals(expected, Arrays.stream(t.shape).asLongStream().toArray())) {
                throw new WeightFileException("weight file (" + description + "): tensor '" + e.getKey() + "' has shape "
                        + Arrays.toString(t.shape) + ", the network expects " + Arrays.toString(expected));
            }
            INDArray value = Nd4j.create(t.values, expected, 'c').castTo(e.getValue().dataType());
            e.getValue().assign(value);
        }
        LOG.debug("applied {} tensors ({} values) to the graph", tensors.size(), parameterCount());
    }

    /** A weight file holding a copy of every parameter of {@code graph}, named {@code "layer/param"}. */
    public static WeightFile fromGraph(ComputationGraph graph, String description) {
        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        graphParameters(graph).forEach((name, array) -> {
            INDArray c = array.castTo(DataType.FLOAT).dup('c');
            tensors.put(name, new Tensor(Arrays.stream(c.shape()).mapToInt(Math::toIntExact).toArray(),
                    c.data().asFloat()));
        });
        return new WeightFile(description, tensors);
    }

    /** The graph's parameter views by {@code "layer/param"}, in layer order. */
    private static Map<String, INDArray> graphParameters(ComputationGraph graph) {
        LinkedHashMap<String, INDArray> params = new LinkedHashMap<>();
        for (org.deeplearning4j.nn.api.Layer layer : graph.getLayers()) {
            String layerName = layer.conf().getLayer().getLayerName();
            layer.paramTable().forEach((key, value) -> params.put(layerName + "/" + key, value));
        }
        return params;
    }

    private static void checkUtf(String text, String what) {
        if (text.getBytes(StandardCharsets.UTF_8).length > 65535) {
            throw new IllegalArgumentException(what + " too long for the weight file format (max 65535 bytes)");
        }
    }

    @Override
    public String toString() {
        return "WeightFile[" + tensors.size() + " tensors, " + parameterCount() + " values: " + description + "]";
    }
}
