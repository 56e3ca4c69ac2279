package io.github.emotion4j.examples.bench;

import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.Recognition;
import io.github.emotion4j.examples.DemoClip;
import io.github.emotion4j.examples.Dl4jCpu;
import io.github.emotion4j.vision.FaceAnalyzer;
import io.github.emotion4j.vision.face.FaceBox;
import io.github.emotion4j.vision.face.FaceLandmarks;
import io.github.emotion4j.vision.face.EmbeddedLandmarkDetector;
import io.github.emotion4j.vision.face.FaceAligner;
import io.github.emotion4j.vision.face.HaarFaceDetector;
import io.github.emotion4j.vision.image.Image;
import io.github.emotion4j.vision.net.FaceApiExpressionNet;
import io.github.emotion4j.vision.net.MiniXceptionNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A timed command (not JMH: one classification is seconds long) for the face path: each stage per frame on a
 * 640x480 frame, each network per face, and the default model's whole {@code classify} of a 10 s 640x480 clip
 * (decoding included), cold and warm. Prints medians of wall-clock times.
 *
 * <pre>
 * java -cp examples/target/emotion4j-cli.jar io.github.emotion4j.examples.bench.FacePipelineBenchmark [repetitions [portrait.jpg]]
 * </pre>
 */
public final class FacePipelineBenchmark {

    private FacePipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean helpers = Dl4jCpu.configure();
        System.out.println("ND4J binary with oneDNN: " + Dl4jCpu.oneDnnLoaded() + "; DL4J helpers: " + helpers
                + "; OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path portrait = Path.of(args.length > 1 ? args[1] : "examples/demo/grace_hopper_512x512.jpg");
        Path dir = Files.createTempDirectory("emotion4j-bench");
        Image frame = Image.read(portrait).toRgb().crop(-64, 16, 640, 480);

        try (HaarFaceDetector detector = HaarFaceDetector.builder().minFaceSize(24).build();
                EmbeddedLandmarkDetector landmarks = EmbeddedLandmarkDetector.load();
                FaceApiExpressionNet faceApi = FaceApiExpressionNet.load();
                MiniXceptionNet miniXception = MiniXceptionNet.load()) {
            FaceAligner aligner = FaceAligner.builder().outputSize(112).template(FaceAnalyzer.EMBEDDED_TEMPLATE).build();
            FaceBox[] box = new FaceBox[1];
            FaceLandmarks[] points = new FaceLandmarks[1];
            Image[] aligned = new Image[1];
            report("Haar detection, 640x480 shrunk to 320x240", repetitions, () -> {
                FaceBox b = detector.detect(frame.shrink(2)).get(0);
                box[0] = new FaceBox(2 * b.x(), 2 * b.y(), 2 * b.width(), 2 * b.height());
            });
            report("landmarks (embedded FaceLandmark68Net)", repetitions, () -> points[0] = landmarks.detect(frame, box[0]));
            report("alignment to 112x112", repetitions, () -> aligned[0] = aligner.align(frame, points[0]));
            report("face-api FaceExpressionNet, one face", repetitions, () -> faceApi.predict(aligned[0]));
            report("mini-Xception, one face", repetitions, () -> miniXception.predict(aligned[0]));
            List<Image> sixteen = java.util.Collections.nCopies(16, aligned[0]);
            List<Image> sixteenFrames = java.util.Collections.nCopies(16, frame);
            List<FaceBox> sixteenBoxes = java.util.Collections.nCopies(16, box[0]);
            report("landmarks, batch of 16 faces (per face)", repetitions, 16, () -> landmarks.detectAll(sixteenFrames, sixteenBoxes));
            report("face-api, batch of 16 faces (per face)", repetitions, 16, () -> faceApi.predictAll(sixteen));
            report("mini-Xception, batch of 16 faces (per face)", repetitions, 16, () -> miniXception.predictAll(sixteen));
        }

        Path clip = dir.resolve("ten-seconds.mp4");
        Path speech = dir.resolve("silence.wav");
        writeQuietTone(speech, 10.0);
        DemoClip.write(portrait, speech, clip);
        try (EmotionRecognizer recognizer = EmotionRecognizer.loadDefault()) {
            long start = System.nanoTime();
            Recognition first = recognizer.classify(clip);
            System.out.printf(Locale.ROOT, "default model, classify 10 s 640x480 clip, first call: %.2f s (%s)%n",
                    (System.nanoTime() - start) / 1e9, first.top());
            report("default model, classify 10 s 640x480 clip", Math.max(3, repetitions / 5), () -> recognizer.classify(clip));
        }
    }

    /** A 10 s, 16 kHz mono WAV of a quiet 200 Hz tone, as the benchmark clip's sound. */
    private static void writeQuietTone(Path wav, double seconds) throws java.io.IOException {
        int n = (int) (seconds * 16_000);
        byte[] pcm = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            short v = (short) (1000 * Math.sin(2 * Math.PI * 200 * i / 16_000.0));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(16_000, 16, 1, true, false);
        try (javax.sound.sampled.AudioInputStream in = new javax.sound.sampled.AudioInputStream(
                new java.io.ByteArrayInputStream(pcm), format, n)) {
            javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, wav.toFile());
        }
    }

    interface Action {
        void run() throws Exception;
    }

    private static void report(String what, int repetitions, Action action) throws Exception {
        report(what, repetitions, 1, action);
    }

    /** Times {@code action}, reporting the time per item when one run handles {@code items}. */
    private static void report(String what, int repetitions, int items, Action action) throws Exception {
        action.run();
        action.run();
        double[] ms = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            action.run();
            ms[i] = (System.nanoTime() - start) / 1e6 / items;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-52s median %8.2f ms  min %8.2f ms  (%d runs)%n", what, ms[repetitions / 2], ms[0], repetitions);
    }
}
