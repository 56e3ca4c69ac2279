package io.github.emotion4j.vision.net.convert;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of a TF.js weights manifest, decoded to float32 as TF.js decodes them.
 *
 * <p>A manifest is a list of groups; each group names its binary shard files ({@code paths}, concatenated in
 * order) and its tensors ({@code weights}: name, shape, dtype and optional {@code quantization}), which occupy
 * the concatenated bytes one after another. Little-endian. Supported storage:
 * <ul>
 *   <li>{@code float32} and {@code int32} without quantisation (4 bytes per value; int32 converted to float);</li>
 *   <li>quantisation {@code uint8} / {@code uint16} (1 or 2 bytes): {@code value = q·scale + min}, computed in
 *       double and rounded to float32, exactly as tfjs-core's {@code decodeWeights};</li>
 *   <li>quantisation {@code float16} (2 bytes, IEEE half precision).</li>
 * </ul>
 * Immutable; the accessors return copies of the arrays.
 */
final class TfjsWeights {

    /** One decoded tensor: TF.js shape (e.g. HWIO for convolution filters) and row-major values. */
    record Tensor(String name, int[] shape, float[] values) {
        int size() {
            return values.length;
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shape);
        }
    }

    private final Map<String, Tensor> tensors;

    private TfjsWeights(Map<String, Tensor> tensors) {
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    Map<String, Tensor> tensors() {
        return tensors;
    }

    /**
     * Reads the groups of {@code manifest} (a JSON array, as in face-api's {@code *-weights_manifest.json} or the
     * {@code weightsManifest} member of a graph model) with shard paths relative to {@code dir}.
     *
     * @throws IOException when a shard cannot be read, a dtype is unsupported or the shard sizes do not match
     */
    static TfjsWeights read(JsonNode manifest, Path dir) throws IOException {
        if (!manifest.isArray()) {
            throw new IOException(dir + ": weights manifest is not a JSON array of groups");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (JsonNode group : manifest) {
            ByteBuffer bytes = concatenate(group.path("paths"), dir);
            for (JsonNode w : group.path("weights")) {
                Tensor t = decode(w, bytes, dir);
                if (out.put(t.name(), t) != null) {
                    throw new IOException(dir + ": tensor " + t.name() + " appears twice in the manifest");
                }
            }
            if (bytes.hasRemaining()) {
                throw new IOException(dir + ": " + bytes.remaining() + " bytes of " + group.path("paths")
                        + " are not described by the manifest");
            }
        }
        return new TfjsWeights(out);
    }

    private static ByteBuffer concatenate(JsonNode paths, Path dir) throws IOException {
        byte[] all = new byte[0];
        for (JsonNode p : paths) {
            byte[] shard = Files.readAllBytes(dir.resolve(p.asText()));
            byte[] grown = Arrays.copyOf(all, all.length + shard.length);
            System.arraycopy(shard, 0, grown, all.length, shard.length);
            all = grown;
        }
        return ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static Tensor decode(JsonNode w, ByteBuffer bytes, Path dir) throws IOException {
        String name = w.path("name").asText();
        JsonNode shapeNode = w.path("shape");
        int[] shape = new int[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
            count *= shape[i];
        }
        String dtype = w.path("dtype").asText();
        JsonNode q = w.get("quantization");
        String storage = q == null ? dtype : q.path("dtype").asText();
        int width = switch (storage) {
            case "float32", "int32" -> 4;
            case "uint16", "float16" -> 2;
            case "uint8" -> 1;
            default -> throw new IOException(dir + ": tensor " + name + ": unsupported storage dtype " + storage);
        };
        if (q != null && !"float32".equals(dtype)) {
            throw new IOException(dir + ": tensor " + name + ": quantised " + dtype + " is not supported");
        }
        if (count * width > bytes.remaining()) {
            throw new IOException(dir + ": tensor " + name + " needs " + count * width + " bytes, "
                    + bytes.remaining() + " left in its shards");
        }
        float[] values = new float[(int) count];
        double scale = q == null ? 1 : q.path("scale").asDouble(1);
        double min = q == null ? 0 : q.path("min").asDouble(0);
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (storage) {
                case "float32" -> bytes.getFloat();
                case "int32" -> bytes.getInt();
                case "float16" -> halfToFloat(bytes.getShort());
                case "uint16" -> (float) ((bytes.getShort() & 0xffff) * scale + min);
                default -> (float) ((bytes.get() & 0xff) * scale + min);
            };
        }
        return new Tensor(name, shape, values);
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h >>> 15) == 0 ? 1 : -1;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0) {
            return sign * (float) Math.scalb((double) mantissa, -24);
        }
        if (exponent == 31) {
            return mantissa == 0 ? sign * Float.POSITIVE_INFINITY : Float.NaN;
        }
        return sign * (float) Math.scalb(1024.0 + mantissa, exponent - 25);
    }
}
