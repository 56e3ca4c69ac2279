package io.github.emotion4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.vision.ClipFaces;
import io.github.emotion4j.vision.DefaultFaceModel;
import io.github.emotion4j.vision.FaceExpressionBranch;
import io.github.emotion4j.vision.FaceObservation;
import io.github.emotion4j.vision.StillImageDecoder;
import io.github.emotion4j.vision.face.FaceBox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code timeline FILE}: per sampled frame, time, face boxes, tracks and expression probabilities. */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"The per-frame view: for every sampled frame (60 fps grid, every 8th instant) its time and each face's "
                + "box, track and probabilities, with the default model's face networks.",
            "json: one object per frame {\"time_s\", \"faces\": [{\"track\", \"dominant\", \"box\": [x, y, w, h], \"top\", \"scores\"}]}; "
                + "csv: time_s,track,dominant,x,y,width,height,top,<7 emotions> (a row with an empty track for a frame without faces)."})
final class TimelineCommand implements Callable<Integer> {

    enum Format { json, csv }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|csv", description = "default ${DEFAULT-VALUE}")
    Format format;

    @Parameters(paramLabel = "FILE", description = "a video (or an image)")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (FaceExpressionBranch branch = FaceExpressionBranch.embedded("face", DefaultFaceModel.FACE_API_WEIGHT,
                DefaultFaceModel.MINI_XCEPTION_WEIGHT, FaceExpressionBranch.Tracks.DOMINANT)) {
            MediaClip clip = new StillImageDecoder().decode(file, branch.mediaRequest());
            if (clip.frames().isEmpty()) {
                spec.commandLine().getErr().println("emotion4j timeline: " + file + ": has no video");
                return Emotion4jCommand.FAILED_INPUT;
            }
            ClipFaces faces = branch.analyze(clip);
            int dominant = faces.dominantTrack().map(t -> t.id()).orElse(-1);
            if (format == Format.csv) {
                StringBuilder header = new StringBuilder("time_s,track,dominant,x,y,width,height,top");
                Emotion.all().forEach(e -> header.append(',').append(e.name()));
                out.println(header);
            }
            for (ClipFaces.SampledFrame frame : faces.frames()) {
                double seconds = frame.timeMicros() / 1e6;
                if (format == Format.csv) {
                    if (frame.faces().isEmpty()) {
                        out.println(String.format(Locale.ROOT, "%.6f,,,,,,,", seconds) + ",".repeat(Emotion.COUNT - 1));
                    }
                    for (int i = 0; i < frame.faces().size(); i++) {
                        FaceObservation face = frame.faces().get(i);
                        FaceBox b = face.box();
                        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%.6f,%d,%b,%.1f,%.1f,%.1f,%.1f,%s", seconds,
                                frame.trackIds().get(i), frame.trackIds().get(i) == dominant, b.x(), b.y(), b.width(), b.height(),
                                face.scores().top().name()));
                        for (double p : face.scores().toArray()) {
                            row.append(String.format(Locale.ROOT, ",%.6f", p));
                        }
                        out.println(row);
                    }
                } else {
                    ObjectNode node = Json.MAPPER.createObjectNode();
                    node.put("time_s", seconds);
                    ArrayNode list = node.putArray("faces");
                    for (int i = 0; i < frame.faces().size(); i++) {
                        FaceObservation face = frame.faces().get(i);
                        ObjectNode f = list.addObject();
                        f.put("track", frame.trackIds().get(i));
                        f.put("dominant", frame.trackIds().get(i) == dominant);
                        f.putArray("box").add(face.box().x()).add(face.box().y()).add(face.box().width()).add(face.box().height());
                        f.put("top", face.scores().top().name());
                        f.set("scores", Json.scores(face.scores()));
                    }
                    out.println(Json.write(node));
                }
            }
            out.flush();
            return 0;
        } catch (EmotionException e) {
            spec.commandLine().getErr().println("emotion4j timeline: " + e.getMessage());
            return Emotion4jCommand.FAILED_INPUT;
        }
    }
}
