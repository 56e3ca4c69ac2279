package io.github.emotion4j.vision.net;

import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Evaluates the two embedded expression networks on the FER-2013 public test split, and times them.
 *
 * <pre>
 *   FerEvaluation --data DIR [--limit N] [--no-timing]
 * </pre>
 * {@code DIR} is the folder the FER-2013 archive was extracted into (holding {@code fer2013/publictest/<class>/}),
 * or {@code fer2013/}, or {@code publictest/} itself. Every 48x48 gray crop is enlarged to 112x112 with
 * {@link Resize#bicubic} and copied to RGB (no face detection), then given to {@link FaceApiExpressionNet} and
 * {@link MiniXceptionNet} (which resizes to 64x64 itself). Prints, per network, the accuracy, the unweighted
 * average recall (mean of the 7 per-class recalls), the per-class recalls and the 7x7 confusion matrix (rows:
 * true class, columns: predicted, in {@link Emotion} order). Then the forward time per face, batch 1 and batch 32,
 * each after a warm-up, over the first 320 prepared faces ({@code predictAll} time, the networks' own resizing
 * included). A development tool in test sources: it prints to stdout.
 */
public final class FerEvaluation {

    private FerEvaluation() {
    }

    /** One labelled face. */
    private record Sample(Image face, Emotion label) {
    }

    public static void main(String[] args) throws IOException {
        Path data = null;
        int limit = Integer.MAX_VALUE;
        boolean timing = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--no-timing" -> timing = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: FerEvaluation --data DIR [--limit N] [--no-timing]");
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("usage: FerEvaluation --data DIR [--limit N] [--no-timing]");
        }
        Path split = publicTestDir(data);
        List<Sample> samples = load(split, limit);
        System.out.printf(Locale.ROOT, "FER-2013 publictest: %d faces from %s (48x48 gray -> bicubic 112x112 -> RGB)%n",
                samples.size(), split);
        List<Image> faces = samples.stream().map(Sample::face).toList();
        try (ExpressionNetwork faceApi = FaceApiExpressionNet.load(); ExpressionNetwork miniXception = MiniXceptionNet.load()) {
            for (ExpressionNetwork net : List.of(faceApi, miniXception)) {
                long start = System.nanoTime();
                List<EmotionScores> scores = net.predictAll(faces);
                double seconds = (System.nanoTime() - start) / 1e9;
                report(net.toString(), samples, scores, seconds);
            }
            if (timing) {
                List<Image> bench = faces.subList(0, Math.min(320, faces.size()));
                for (ExpressionNetwork net : List.of(faceApi, miniXception)) {
                    for (int batch : new int[] {1, 32}) {
                        time(net, bench, batch);
                    }
                }
            }
        }
    }

    private static Path publicTestDir(Path data) throws IOException {
        for (Path candidate : List.of(data.resolve("fer2013/publictest"), data.resolve("publictest"), data)) {
            if (Files.isDirectory(candidate.resolve("happy"))) {
                return candidate;
            }
        }
        throw new IOException(data + ": no FER-2013 publictest class folders (fer2013/publictest/<class>/*.jpg) found");
    }

    private static List<Sample> load(Path split, int limitPerClass) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (Emotion e : Emotion.values()) {
            Path dir = split.resolve(ferFolder(e));
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(limitPerClass).toList();
            }
            for (Path f : files) {
                Image gray = Image.read(f).toGray();
                samples.add(new Sample(Resize.bicubic(gray, 112, 112).toRgb(), e));
            }
        }
        return samples;
    }

    private static String ferFolder(Emotion e) {
        return switch (e) {
            case ANGER -> "angry";
            case DISGUST -> "disgust";
            case FEAR -> "fear";
            case HAPPINESS -> "happy";
            case NEUTRAL -> "neutral";
            case SADNESS -> "sad";
            case SURPRISE -> "surprise";
        };
    }

    private static void report(String name, List<Sample> samples, List<EmotionScores> scores, double seconds) {
        int[][] confusion = new int[Emotion.COUNT][Emotion.COUNT];
        int correct = 0;
        for (int i = 0; i < samples.size(); i++) {
            int truth = samples.get(i).label().ordinal();
            int predicted = scores.get(i).top().ordinal();
            confusion[truth][predicted]++;
            if (truth == predicted) {
                correct++;
            }
        }
        double recallSum = 0;
        int classes = 0;
        StringBuilder recalls = new StringBuilder();
        for (Emotion e : Emotion.values()) {
            int total = 0;
            for (int p = 0; p < Emotion.COUNT; p++) {
                total += confusion[e.ordinal()][p];
            }
            if (total > 0) {
                double r = (double) confusion[e.ordinal()][e.ordinal()] / total;
                recallSum += r;
                classes++;
                recalls.append(String.format(Locale.ROOT, " %s=%.2f%%", e.abbreviation(), 100 * r));
            }
        }
        System.out.printf(Locale.ROOT, "%n%s: accuracy %.2f%% (%d/%d), UAR %.2f%%, %.1f s%n", name,
                100.0 * correct / samples.size(), correct, samples.size(), 100 * recallSum / classes, seconds);
        System.out.println("  recall:" + recalls);
        StringBuilder header = new StringBuilder("  true\\pred");
        for (Emotion e : Emotion.values()) {
            header.append(String.format(Locale.ROOT, "%6s", e.abbreviation()));
        }
        System.out.println(header);
        for (Emotion t : Emotion.values()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-9s", t.abbreviation()));
            for (int p = 0; p < Emotion.COUNT; p++) {
                row.append(String.format(Locale.ROOT, "%6d", confusion[t.ordinal()][p]));
            }
            System.out.println(row);
        }
    }

    private static void time(ExpressionNetwork net, List<Image> faces, int batch) {
        runInBatches(net, faces.subList(0, Math.min(faces.size(), 4 * batch)), batch);
        long start = System.nanoTime();
        runInBatches(net, faces, batch);
        double msPerFace = (System.nanoTime() - start) / 1e6 / faces.size();
        System.out.printf(Locale.ROOT, "%s: batch %d: %.2f ms per face (%d faces)%n", net, batch, msPerFace, faces.size());
    }

    private static void runInBatches(ExpressionNetwork net, List<Image> faces, int batch) {
        for (int start = 0; start < faces.size(); start += batch) {
            net.predictAll(faces.subList(start, Math.min(faces.size(), start + batch)));
        }
    }
}
