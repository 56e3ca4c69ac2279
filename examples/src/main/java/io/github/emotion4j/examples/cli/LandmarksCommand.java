package io.github.emotion4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.vision.face.DlibShapePredictor;
import io.github.emotion4j.vision.face.EmbeddedLandmarkDetector;
import io.github.emotion4j.vision.face.FaceBox;
import io.github.emotion4j.vision.face.FaceLandmarks;
import io.github.emotion4j.vision.face.HaarFaceDetector;
import io.github.emotion4j.vision.face.LandmarkDetector;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code landmarks [--box l,t,r,b] [--landmarker dlib|embedded] IMAGE}: faces, boxes and 68 points as JSON. */
@Command(name = "landmarks", mixinStandardHelpOptions = true,
        description = "Find faces (OpenCV Haar cascade, or the box given) and their 68 landmarks (iBUG order); prints JSON "
                + "{\"file\", \"faces\": [{\"box\": [left, top, right, bottom], \"points\": [[x, y], ...]}]}.")
final class LandmarksCommand implements Callable<Integer> {

    enum Landmarker { dlib, embedded }

    @Spec
    CommandSpec spec;

    @Option(names = "--box", paramLabel = "L,T,R,B", split = ",", description = "the face's box, dlib-style inclusive pixel rectangle (skips detection)")
    List<Double> box;

    @Option(names = "--landmarker", defaultValue = "embedded", paramLabel = "dlib|embedded",
            description = "embedded (face-api FaceLandmark68Net, nothing to install) or dlib (needs "
                    + "/usr/share/dlib/shape_predictor_68_face_landmarks.dat, Debian package libdlib-data); default ${DEFAULT-VALUE}")
    Landmarker landmarker;

    @Option(names = "--dlib-model", paramLabel = "FILE", description = "dlib shape predictor file (default: /usr/share/dlib/...)")
    Path dlibModel;

    @Parameters(paramLabel = "IMAGE", description = "a PNG, JPEG or BMP image")
    Path image;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (box != null && box.size() != 4) {
            spec.commandLine().getErr().println("emotion4j landmarks: --box needs four numbers: left,top,right,bottom");
            return picocli.CommandLine.ExitCode.USAGE;
        }
        Image picture = Image.read(image);
        List<FaceBox> faces;
        if (box != null) {
            faces = List.of(FaceBox.ofDlibRectangle(Math.round(box.get(0)), Math.round(box.get(1)), Math.round(box.get(2)), Math.round(box.get(3))));
        } else {
            try (HaarFaceDetector detector = HaarFaceDetector.create()) {
                faces = detector.detect(picture);
            }
        }
        try (LandmarkDetector detector = landmarker == Landmarker.dlib
                ? (dlibModel == null ? DlibShapePredictor.loadDefault() : DlibShapePredictor.load(dlibModel))
                : EmbeddedLandmarkDetector.load()) {
            ObjectNode json = Json.MAPPER.createObjectNode();
            json.put("file", image.toString());
            json.put("landmarker", landmarker.name());
            ArrayNode list = json.putArray("faces");
            for (FaceBox face : faces) {
                FaceLandmarks points = detector.detect(picture, face);
                ObjectNode node = list.addObject();
                node.putArray("box").add(face.x()).add(face.y()).add(face.right()).add(face.bottom());
                ArrayNode xy = node.putArray("points");
                for (int i = 0; i < FaceLandmarks.COUNT; i++) {
                    xy.addArray().add(round(points.x(i))).add(round(points.y(i)));
                }
            }
            out.println(Json.write(json));
        }
        out.flush();
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
