package io.github.emotion4j.examples.bench;

import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.FrameGrid;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaRequest;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A timed command for the decoder: decodes one file as a recognizer does for the paper's branches (16 kHz mono
 * audio and every frame of the 60 fps grid at gap 8), touching every sampled frame's pixels, and prints the counts,
 * the wall time and the Java heap in use at the end. Run it under {@code /usr/bin/time -v} with a small
 * {@code -Xmx} to see that memory stays bounded for long files (the frames are never held together).
 *
 * <pre>
 * /usr/bin/time -v java -Xmx256m -cp examples/target/emotion4j-cli.jar io.github.emotion4j.examples.bench.DecodeBenchmark FILE
 * </pre>
 */
public final class DecodeBenchmark {

    private DecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: DecodeBenchmark FILE");
            System.exit(2);
        }
        long start = System.nanoTime();
        MediaClip clip = new FFmpegMediaDecoder().decode(Path.of(args[0]), MediaRequest.audio().and(MediaRequest.frames(FrameGrid.PAPER)));
        long[] frames = new long[1];
        long[] checksum = new long[1];
        clip.frames().orElseThrow().forEach(frame -> {
            frames[0]++;
            byte[] pixels = frame.copyPixels();
            checksum[0] += pixels[pixels.length / 2];
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        int samples = clip.audio().map(a -> a.samples().length).orElse(0);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%s: %d grid frames (60 fps, gap 8), %d audio samples at 16 kHz, decoded in %.1f s; "
                        + "heap in use %.0f MB of max %.0f MB%n", args[0], frames[0], samples, seconds,
                (runtime.totalMemory() - runtime.freeMemory()) / 1e6, runtime.maxMemory() / 1e6);
    }
}
