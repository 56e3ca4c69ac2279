package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.vision.face.FrameWindows;
import io.github.emotion4j.vision.image.Image;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the paper's stage-3 network (Guo et al. 2017, section 2.1): a face CNN whose layers after its feature
 * layer ("fc6" for VGG-16) are replaced by one LSTM of 128 units, initialised from U[−0.01, 0.01] with all biases 0
 * (forget gate included), and a fully connected softmax layer of 7 outputs; trained end to end on sequences of
 * 16 faces.
 *
 * <p>Input is DL4J's recurrent layout {@code [batch, channels·size·size, steps]}, one face per time step flattened
 * channels-first ({@link FaceInput#sequences}); the faces of all steps go through the CNN as one batch and the
 * features back into a sequence. The prediction is the output after the last step. The CNN's layers and
 * parameters up to the feature layer are copied from the backbone (which is left as it was); a feature layer
 * with spatial output (a convolution) is averaged over space first. Copied layers learn at the base learning
 * rate; the LSTM and the output layer, new, at {@link SolverSettings#newLayerFactor()} times it (the paper
 * gives stage 3 no rate; this follows its rule for the new layer of stage 1). The new output layer starts from
 * N(0, 0.01²) as fc8 does.
 *
 * <p>Stateless and thread-safe; networks returned are new and owned by the caller.
 */
public final class CnnLstm {

    /** Name of the network's input: face sequences. */
    public static final String INPUT = "faces";
    /** Name of the LSTM layer. */
    public static final String LSTM_LAYER = "lstm";
    /** Name of the output layer. */
    public static final String OUTPUT = "fc_out";
    /** The paper's LSTM size. */
    public static final int PAPER_LSTM_UNITS = 128;
    /** The paper's sequence length: 16 faces, one every 8th frame of a 60 fps grid. */
    public static final int PAPER_SEQUENCE_LENGTH = 16;
    /** Bound of the uniform distribution of the LSTM's initial weights. */
    public static final double LSTM_INIT_BOUND = 0.01;

    private static final String POOLED = "feature_pool";
    private static final int PREDICTION_BATCH = 8;
    private static final String LAST_STEP = "last_step";

    private CnnLstm() {
    }

    /**
     * The configuration of a CNN-LSTM on {@code backbone}'s layers up to {@code featureVertex}.
     *
     * @param backbone a single-input image network taking {@code input}'s images
     * @param featureVertex the vertex whose activations feed the LSTM
     * @throws IllegalArgumentException when the backbone has several inputs or no such vertex
     */
    public static ComputationGraphConfiguration configuration(ComputationGraphConfiguration backbone, String featureVertex,
            FaceInput input, int lstmUnits, int classes, SolverSettings solver) {
        if (backbone.getNetworkInputs().size() != 1) {
            throw new IllegalArgumentException("the backbone must have one input, it has " + backbone.getNetworkInputs());
        }
        if (!backbone.getVertices().containsKey(featureVertex)) {
            throw new IllegalArgumentException("the backbone has no vertex '" + featureVertex + "'");
        }
        if (lstmUnits < 1 || classes < 2) {
            throw new IllegalArgumentException("need at least 1 LSTM unit and 2 classes, got " + lstmUnits + " and " + classes);
        }
        String backboneInput = backbone.getNetworkInputs().get(0);
        Set<String> needed = ancestors(backbone, featureVertex);
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(solver.seed())
                .dataType(DataType.FLOAT)
                .updater(solver.baseUpdater())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs(INPUT);
        graph.addVertex(backboneInput, new PreprocessorVertex(new RnnToCnnPreProcessor(input.size(), input.size(), input.channels())), INPUT);
        for (String name : backbone.getTopologicalOrderStr()) {
            if (!needed.contains(name) || name.equals(backboneInput)) {
                continue;
            }
            GraphVertex vertex = backbone.getVertices().get(name).clone();
            if (vertex instanceof LayerVertex layer && layer.getLayerConf().getLayer() instanceof BaseLayer base) {
                base.setIUpdater(solver.baseUpdater());
                base.setBiasUpdater(null);
            }
            graph.addVertex(name, vertex, backbone.getVertexInputs().get(name).toArray(String[]::new));
        }
        InputType featureType = backbone.clone().getLayerActivationTypes(InputType.convolutional(input.size(), input.size(), input.channels()))
                .get(featureVertex);
        String features = featureVertex;
        if (featureType.getType() == InputType.Type.CNN) {
            graph.addLayer(POOLED, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), featureVertex);
            features = POOLED;
        } else if (featureType.getType() != InputType.Type.FF) {
            throw new IllegalArgumentException("feature vertex '" + featureVertex + "' gives " + featureType
                    + ", expected flat or convolutional activations");
        }
        WeightInitDistribution uniform = new WeightInitDistribution(new UniformDistribution(-LSTM_INIT_BOUND, LSTM_INIT_BOUND));
        graph.addLayer(LSTM_LAYER, new LSTM.Builder()
                .nOut(lstmUnits)
                .activation(Activation.TANH)
                .weightInit(uniform)
                .weightInitRecurrent(uniform)
                .biasInit(0)
                .forgetGateBiasInit(0)
                .dropOut(1 - Vgg16.DROPOUT)
                .updater(solver.newLayerUpdater())
                .build(), features);
        graph.inputPreProcessor(LSTM_LAYER, new FeedForwardToRnnPreProcessor());
        graph.addVertex(LAST_STEP, new LastTimeStepVertex(INPUT), LSTM_LAYER);
        graph.addLayer(OUTPUT, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(classes)
                .activation(Activation.SOFTMAX)
                .weightInit(new WeightInitDistribution(new NormalDistribution(0, Vgg16.LAST_LAYER_STD)))
                .biasInit(0)
                .updater(solver.newLayerUpdater())
                .build(), LAST_STEP);
        graph.setOutputs(OUTPUT);
        graph.setInputTypes(InputType.recurrent(input.length()));
        return graph.build();
    }

    /**
     * A new CNN-LSTM with {@code backbone}'s parameters up to {@code featureVertex} copied in and fresh LSTM and
     * output layers; the caller owns it. The backbone is only read.
     */
    public static ComputationGraph create(ComputationGraph backbone, String featureVertex, FaceInput input, int lstmUnits,
            int classes, SolverSettings solver) {
        ComputationGraph network = new ComputationGraph(configuration(backbone.getConfiguration(), featureVertex, input,
                lstmUnits, classes, solver));
        network.init();
        for (String name : ancestors(backbone.getConfiguration(), featureVertex)) {
            if (!(backbone.getConfiguration().getVertices().get(name) instanceof LayerVertex)) {
                continue;
            }
            org.deeplearning4j.nn.api.Layer target = network.getLayer(name);
            if (target.numParams() > 0) {
                // parameter by parameter: a layer's flattened order is not the same for every layer type
                for (Map.Entry<String, INDArray> param : backbone.getLayer(name).paramTable().entrySet()) {
                    target.setParam(param.getKey(), param.getValue().dup());
                }
            }
        }
        return network;
    }

    /**
     * A clip's class probabilities: {@code faces} cut into windows of {@code sequenceLength} ({@link
     * FrameWindows}: consecutive, the last padded by repeating its last face), each window classified, the windows' probabilities averaged. Not synchronised: DL4J
     * networks must not run on two threads at once, so callers sharing {@code network} lock around this call.
     *
     * @param faces the clip's faces in time order, at least one (only read)
     * @return a new array of {@code classes} probabilities in output order
     */
    public static double[] predict(ComputationGraph network, FaceInput input, List<Image> faces,
            int sequenceLength) {
        if (faces.isEmpty()) {
            throw new IllegalArgumentException("no faces to classify");
        }
        List<List<Image>> windows = FrameWindows.of(faces, sequenceLength);
        double[] sum = null;
        for (int start = 0; start < windows.size(); start += PREDICTION_BATCH) {
            List<List<Image>> batch = windows.subList(start, Math.min(windows.size(), start + PREDICTION_BATCH));
            INDArray features = input.sequences(batch);
            INDArray output = network.outputSingle(false, features);
            if (sum == null) {
                sum = new double[(int) output.size(1)];
            }
            for (int n = 0; n < batch.size(); n++) {
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += output.getDouble(n, k);
                }
            }
            features.close();
            output.close();
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= windows.size();
        }
        return sum;
    }

    /** The vertices {@code vertex} depends on, itself included, network inputs excluded. */
    private static Set<String> ancestors(ComputationGraphConfiguration conf, String vertex) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(vertex));
        Map<String, List<String>> inputs = conf.getVertexInputs();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (conf.getNetworkInputs().contains(name) || !seen.add(name)) {
                continue;
            }
            todo.addAll(inputs.getOrDefault(name, List.of()));
        }
        return seen;
    }
}
