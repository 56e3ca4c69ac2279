package io.github.emotion4j.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.FrameGrid;
import io.github.emotion4j.core.Json;
import io.github.emotion4j.core.MediaDecodeException;
import io.github.emotion4j.core.MediaInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inspect FILE...}: what each media file holds, one JSON object per line. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print, per file, a JSON line: duration, video size and fps, audio rate and channels, and the number "
                + "of frames on the paper's 60 fps grid at gap 8 (or the error).")
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "media files")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FFmpegMediaDecoder decoder = new FFmpegMediaDecoder();
        int failed = 0;
        for (Path file : files) {
            try {
                out.println(Json.write(toJson(decoder.inspect(file))));
            } catch (MediaDecodeException e) {
                failed++;
                out.println(Json.write(Cli.error(file, e)));
            }
            out.flush();
        }
        return failed == 0 ? 0 : Emotion4jCommand.FAILED_INPUT;
    }

    static ObjectNode toJson(MediaInfo info) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("file", info.source().toString());
        node.put("format", info.format());
        node.put("duration_s", Cli.seconds(info.duration()));
        info.video().ifPresentOrElse(v -> {
            ObjectNode video = node.putObject("video");
            video.put("codec", v.codec());
            video.put("width", v.width());
            video.put("height", v.height());
            video.put("fps", v.fps());
            video.put("duration_s", Cli.seconds(v.duration()));
        }, () -> node.putNull("video"));
        info.audio().ifPresentOrElse(a -> {
            ObjectNode audio = node.putObject("audio");
            audio.put("codec", a.codec());
            audio.put("sample_rate", a.sampleRate());
            audio.put("channels", a.channels());
            audio.put("duration_s", Cli.seconds(a.duration()));
        }, () -> node.putNull("audio"));
        node.put("grid_frames_60fps_gap8", info.gridFrames(FrameGrid.PAPER));
        return node;
    }
}
