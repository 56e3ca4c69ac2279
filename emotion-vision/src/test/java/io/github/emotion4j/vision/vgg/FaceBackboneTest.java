package io.github.emotion4j.vision.vgg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.vision.image.Image;
import io.github.emotion4j.vision.net.ExpressionNetwork;
import io.github.emotion4j.vision.net.FaceApiExpressionNet;
import io.github.emotion4j.vision.net.MiniXceptionNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class FaceBackboneTest {

    private static Image face(int size, long seed) {
        Random random = new Random(seed);
        byte[] rgb = new byte[size * size * 3];
        random.nextBytes(rgb);
        return Image.rgb(size, size, rgb);
    }

    private static void assertSameInput(ExpressionNetwork network, FaceInput input, int size, double tolerance) {
        Image image = face(size, 1);
        INDArray theirs = network.toInput(List.of(image));
        INDArray ours = input.batch(List.of(image));
        assertEquals(List.of(theirs.shape()[0], theirs.shape()[1], theirs.shape()[2], theirs.shape()[3]),
                List.of(ours.shape()[0], ours.shape()[1], ours.shape()[2], ours.shape()[3]));
        double difference = theirs.sub(ours).amaxNumber().doubleValue();
        assertTrue(difference < tolerance, "largest difference " + difference);
    }

    @Test
    void embeddedBackbonesReadFacesAsTheirNetworksDo() {
        try (FaceApiExpressionNet faceApi = FaceApiExpressionNet.load(); FaceBackbone backbone = FaceBackbone.faceApiExpression()) {
            assertSameInput(faceApi, backbone.input(), 112, 1e-5);
        }
        try (MiniXceptionNet miniXception = MiniXceptionNet.load(); FaceBackbone backbone = FaceBackbone.miniXception()) {
            // the network's gray weights 0.2989/0.587/0.114 against BT.601's 0.299/0.587/0.114 and rounding to bytes
            assertSameInput(miniXception, backbone.input(), 64, 0.02);
        }
    }

    @Test
    void embeddedNetworksServeAsTheCnnOfACnnLstm() {
        for (String name : new String[] {FaceBackbone.FACE_API, FaceBackbone.MINI_XCEPTION}) {
            try (FaceBackbone backbone = FaceBackbone.embedded(name)) {
                ComputationGraph network = backbone.cnnLstm(16, SolverSettings.defaults());
                try {
                    LSTM lstm = (LSTM) ((LayerVertex) network.getConfiguration().getVertices().get(CnnLstm.LSTM_LAYER)).getLayerConf().getLayer();
                    assertEquals(256, lstm.getNIn(), name + ": 256 features per face");
                    for (org.deeplearning4j.nn.api.Layer layer : backbone.graph().getLayers()) {
                        String layerName = layer.conf().getLayer().getLayerName();
                        if (network.getConfiguration().getVertices().containsKey(layerName) && layer.numParams() > 0) {
                            assertEquals(layer.params(), network.getLayer(layerName).params(), name + " " + layerName);
                        }
                    }
                    int size = backbone.input().size();
                    List<Image> faces = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        faces.add(face(size, i));
                    }
                    double[] p = CnnLstm.predict(network, backbone.input(), faces, 4);
                    assertEquals(7, p.length);
                    assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-5);
                } finally {
                    network.close();
                }
            }
        }
    }

    @Test
    void unknownBackbonesAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaceBackbone.embedded("resnet"));
        assertTrue(e.getMessage().contains("resnet"));
    }
}
