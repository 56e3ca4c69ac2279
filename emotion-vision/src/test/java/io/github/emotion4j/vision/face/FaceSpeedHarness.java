package io.github.emotion4j.vision.face;

import io.github.emotion4j.vision.image.Image;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Throwaway speed measurement (not a unit test): Haar detection on a 640x480 frame, dlib landmarks per face,
 * alignment per face, and loading the dlib model. Run its main with the test class path; needs libdlib-data.
 */
public final class FaceSpeedHarness {

    private FaceSpeedHarness() {
    }

    interface Task {
        void run() throws Exception;
    }

    /** Median and mean milliseconds of {@code runs} calls after {@code warmup} calls. */
    static String time(int warmup, int runs, Task task) throws Exception {
        for (int i = 0; i < warmup; i++) {
            task.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "median %.3f ms, mean %.3f ms, min %.3f ms (%d runs)", ms[runs / 2],
                Arrays.stream(ms).average().orElseThrow(), ms[0], runs);
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            DlibShapePredictor.loadDefault();
            System.out.printf(Locale.ROOT, "dlib model load %d: %.0f ms%n", i, (System.nanoTime() - t0) / 1e6);
        }
        DlibShapePredictor predictor = DlibShapePredictor.loadDefault();

        // A 640x480 frame holding the astronaut's face at its original size.
        BufferedImage canvas = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 640, 480);
        g.drawImage(TestImages.toBufferedImage(TestImages.load(TestImages.ASTRONAUT)), 60, -20, null);
        g.dispose();
        Image frame = Image.fromBufferedImage(canvas);

        for (int minSize : new int[] {30, 80}) {
            try (HaarFaceDetector detector = HaarFaceDetector.builder().minFaceSize(minSize).build()) {
                List<FaceBox> faces = detector.detect(frame);
                System.out.println("haar 640x480, minFaceSize " + minSize + ": " + faces + "; "
                        + time(5, 30, () -> detector.detect(frame)));
            }
        }
        TestImages.DlibReference ref = TestImages.dlibReference(TestImages.ASTRONAUT);
        FaceBox box = new FaceBox(ref.box().x() + 60, ref.box().y() - 20, ref.box().width(), ref.box().height());
        FaceLandmarks landmarks = predictor.detect(frame, box);
        System.out.println("dlib landmarks per face (RGB frame): " + time(300, 2000, () -> predictor.detect(frame, box)));
        Image grayFrame = frame.toGray();
        System.out.println("dlib landmarks per face (gray frame): "
                + time(300, 2000, () -> predictor.detect(grayFrame, box)));
        for (int size : new int[] {224, 112, 64}) {
            FaceAligner aligner = FaceAligner.ofSize(size);
            System.out.println("align to " + size + " (RGB): " + time(100, 500, () -> aligner.align(frame, landmarks)));
        }
    }
}
