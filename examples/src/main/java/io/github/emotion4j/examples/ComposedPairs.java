package io.github.emotion4j.examples;

import io.github.emotion4j.core.AudioTrack;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.dataset.AfewDataset;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.dataset.LabelledClip;
import io.github.emotion4j.core.dataset.RavdessDataset;
import io.github.emotion4j.vision.CroppedFaceBranch;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.bytedeco.javacv.Frame;

/**
 * Composes audio-visual clips for testing fusion where no audio-visual emotion set can be had: each RAVDESS
 * utterance is paired with a FER-2013 face of the same emotion, shown as a still 112x112 video (the 48x48 face
 * enlarged bicubically, gray copied to RGB) for the utterance's duration. <b>The pairs are composed</b>: face and
 * voice come from different people and sessions.
 *
 * <p>Speaker- and image-independent: each split takes the RAVDESS actors given for it, and the FER-2013 images
 * of each class are shuffled (seeded) and cut into disjoint pools, one per split, so no face and no speaker is in
 * two splits. Writes the AFEW layout {@code <out>/<Split>/<Angry|...>/<utterance>__<image>.mp4}; refuses to write
 * into an existing output folder.
 *
 * <pre>
 * java -cp examples/target/emotion4j-cli.jar io.github.emotion4j.examples.ComposedPairs \
 *     RAVDESS_DIR FER_PUBLICTEST_DIR OUT_DIR SEED Val=9-10 Test=11-12
 * </pre>
 */
public final class ComposedPairs {

    private ComposedPairs() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: ComposedPairs RAVDESS_DIR FER_CLASS_FOLDERS OUT_DIR SEED SPLIT=FIRST-LAST...");
            System.exit(2);
        }
        Path out = Path.of(args[2]);
        if (Files.exists(out)) {
            System.err.println(out + " exists; refusing to write into it");
            System.exit(2);
        }
        Dataset ravdess = RavdessDataset.read(Path.of(args[0]), RavdessDataset.Calm.AS_NEUTRAL);
        Dataset faces = AfewDataset.readClassFolders(Path.of(args[1]), "FER-2013");
        long seed = Long.parseLong(args[3]);
        List<String> splits = new ArrayList<>();
        List<Set<String>> actors = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            String[] parts = args[i].split("=");
            String[] range = parts[1].split("-");
            Set<String> ids = new TreeSet<>();
            for (int a = Integer.parseInt(range[0]); a <= Integer.parseInt(range[1]); a++) {
                ids.add(String.format("%02d", a));
            }
            splits.add(parts[0]);
            actors.add(ids);
        }
        Map<Emotion, List<List<Path>>> pools = pools(faces, splits.size(), new Random(seed));
        FFmpegMediaDecoder decoder = new FFmpegMediaDecoder();
        for (int s = 0; s < splits.size(); s++) {
            Dataset voices = ravdess.speakers(splits.get(s), actors.get(s));
            Map<Emotion, Integer> next = new EnumMap<>(Emotion.class);
            for (LabelledClip voice : voices.clips()) {
                List<Path> pool = pools.get(voice.label()).get(s);
                int index = next.merge(voice.label(), 1, Integer::sum) - 1;
                Path face = pool.get(index % pool.size());
                Path target = out.resolve(splits.get(s)).resolve(voice.label().afewName())
                        .resolve(stem(voice.path()) + "__" + stem(face) + ".mp4");
                Files.createDirectories(target.getParent());
                write(Image.read(face), decoder.decode(voice.path(), MediaRequest.audio()).audio().orElseThrow(), target);
            }
            System.out.println(splits.get(s) + ": " + voices.size() + " pairs from actors " + actors.get(s));
        }
    }

    /** FER images of each class, shuffled and cut into {@code count} disjoint pools. */
    private static Map<Emotion, List<List<Path>>> pools(Dataset faces, int count, Random random) {
        Map<Emotion, List<List<Path>>> pools = new EnumMap<>(Emotion.class);
        for (Emotion e : Emotion.values()) {
            List<Path> all = new ArrayList<>(faces.clips().stream().filter(c -> c.label() == e).map(LabelledClip::path).toList());
            Collections.shuffle(all, random);
            List<List<Path>> cut = new ArrayList<>();
            for (int p = 0; p < count; p++) {
                cut.add(all.subList(p * all.size() / count, (p + 1) * all.size() / count));
            }
            pools.put(e, cut);
        }
        return pools;
    }

    private static void write(Image face, AudioTrack audio, Path target) throws IOException {
        Image prepared = CroppedFaceBranch.prepare(face);
        int size = prepared.width();
        byte[] rgb = prepared.copyPixels();
        Frame frame = new Frame(size, size, Frame.DEPTH_UBYTE, 3);
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = (y * size + x) * 3;
                int o = y * frame.imageStride + x * 3;
                pixels.put(o, rgb[i + 2]);
                pixels.put(o + 1, rgb[i + 1]);
                pixels.put(o + 2, rgb[i]);
            }
        }
        double fps = 25;
        int frames = (int) Math.ceil(audio.samples().length / (double) audio.sampleRate() * fps);
        TalkingClip.write(target, size, size, fps, frames, i -> frame, audio, 200_000, 96_000);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

}
