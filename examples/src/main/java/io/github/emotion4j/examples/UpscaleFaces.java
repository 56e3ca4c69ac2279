package io.github.emotion4j.examples;

import io.github.emotion4j.vision.image.Image;
import io.github.emotion4j.vision.net.Resize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Copies a folder of class folders of face images (FER-2013's 48x48 crops, say), each enlarged bicubically to a
 * square of the given side and made RGB, as PNG: the input on which {@code evaluate --model default} measures what
 * our detection and alignment do to already cropped faces. Refuses to write into an existing folder.
 *
 * <pre>
 * java -cp examples/target/emotion4j-cli.jar io.github.emotion4j.examples.UpscaleFaces SOURCE_DIR TARGET_DIR 112
 * </pre>
 */
public final class UpscaleFaces {

    private UpscaleFaces() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: UpscaleFaces SOURCE_DIR TARGET_DIR SIDE");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        int side = Integer.parseInt(args[2]);
        if (Files.exists(target)) {
            System.err.println(target + " exists; refusing to write into it");
            System.exit(2);
        }
        List<Path> images;
        try (Stream<Path> files = Files.walk(source)) {
            images = files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches("(?i).*\\.(png|jpe?g|bmp)")).sorted().toList();
        }
        for (Path image : images) {
            Path relative = source.relativize(image);
            String name = relative.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".png";
            Path out = target.resolve(relative).resolveSibling(name);
            Files.createDirectories(out.getParent());
            Image enlarged = Resize.bicubic(Image.read(image).toRgb(), side, side);
            ImageIO.write(enlarged.toBufferedImage(), "png", out.toFile());
        }
        System.out.println("wrote " + images.size() + " images to " + target);
    }
}
