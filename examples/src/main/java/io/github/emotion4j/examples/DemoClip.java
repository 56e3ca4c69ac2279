package io.github.emotion4j.examples;

import io.github.emotion4j.core.AudioTrack;
import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.MediaRequest;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.Frame;

/**
 * Makes the demo clip the README classifies: a still portrait that drifts and zooms gently (so the face moves
 * across frames, as in real video) with a speech track, as H.264/AAC mp4 at 25 fps, 640x480.
 *
 * <pre>
 * java -cp examples/target/emotion4j-cli.jar io.github.emotion4j.examples.DemoClip \
 *     examples/demo/grace_hopper_512x512.jpg examples/demo/demo-speech.wav examples/demo/demo.mp4
 * </pre>
 *
 * The committed {@code examples/demo/demo.mp4} was made this way (see {@code examples/demo/PROVENANCE.md}).
 * Refuses to overwrite an existing output.
 */
public final class DemoClip {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final double FPS = 25;

    private DemoClip() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DemoClip PORTRAIT.jpg SPEECH.wav OUT.mp4");
            System.exit(2);
        }
        write(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
    }

    /** Writes the clip; as long as the speech plus half a second. */
    public static void write(Path portrait, Path speech, Path out) throws Exception {
        if (Files.exists(out)) {
            throw new IOException(out + " exists; refusing to overwrite");
        }
        BufferedImage face = ImageIO.read(portrait.toFile());
        if (face == null) {
            throw new IOException(portrait + ": not an image");
        }
        AudioTrack audio = new FFmpegMediaDecoder().decode(speech, MediaRequest.audio()).audio()
                .orElseThrow(() -> new IOException(speech + ": no audio"));
        float[] samples = audio.samples();
        double seconds = samples.length / (double) audio.sampleRate() + 0.5;
        int frames = (int) Math.round(seconds * FPS);
        TalkingClip.write(out, WIDTH, HEIGHT, FPS, frames, i -> frame(face, i / FPS), audio, 600_000, 64_000);
    }

    private static Frame frame(BufferedImage face, double t) {
        BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new java.awt.Color(40, 44, 52));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double scale = 0.85 + 0.08 * Math.sin(2 * Math.PI * t / 5);
        int size = (int) Math.round(face.getWidth() * scale);
        int x = (WIDTH - size) / 2 + (int) Math.round(40 * Math.sin(2 * Math.PI * t / 4));
        int y = (HEIGHT - size) / 2 + (int) Math.round(15 * Math.cos(2 * Math.PI * t / 3));
        g.drawImage(face, x, y, size, size, null);
        g.dispose();
        Frame frame = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
        byte[] bgr = ((java.awt.image.DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        for (int row = 0; row < HEIGHT; row++) {
            pixels.position(row * frame.imageStride);
            pixels.put(bgr, row * WIDTH * 3, WIDTH * 3);
        }
        pixels.position(0);
        return frame;
    }
}
