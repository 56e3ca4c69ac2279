package io.github.emotion4j.vision.face;

import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dlib's shape predictor, the ensemble of regression trees of Kazemi and Sullivan ("One millisecond face alignment
 * with an ensemble of regression trees", CVPR 2014), read from one of dlib's {@code .dat} model files and run in
 * pure Java.
 *
 * <p>With the 68-point model ({@code shape_predictor_68_face_landmarks.dat}, Debian package {@code libdlib-data})
 * and dlib's own face box, {@link FaceLandmarks#rounded()} of the result reproduces dlib's integer points. The
 * points {@link #detect} returns are not rounded: they keep the sub-pixel position dlib computes before rounding.
 *
 * <p>How a prediction runs (as dlib's {@code shape_predictor::operator()}): the face box maps the unit square onto
 * the image ({@code (0,0)} to the box's top-left pixel, {@code (1,1)} to its bottom-right pixel); the shape starts as
 * the model's mean shape; each cascade reads its feature pixels, placed relative to an anchor landmark and carried
 * along by the similarity transform from the mean shape to the current one (pixels off the image read 0; colour
 * reads as {@code (r + g + b) / 3}); each tree of the cascade compares two feature pixels per node and adds its
 * leaf's shape increment.
 *
 * <p>Immutable after loading and thread-safe; it holds only Java heap (about 70 MB for the 68-point model), so
 * {@link #close()} does nothing.
 */
public final class DlibShapePredictor implements LandmarkDetector {

    /** Where Debian's {@code libdlib-data} package installs the 68-point model. */
    public static final Path DEFAULT_MODEL = Path.of("/usr/share/dlib/shape_predictor_68_face_landmarks.dat");

    private static final Logger LOG = LoggerFactory.getLogger(DlibShapePredictor.class);
    private static final int FORMAT_VERSION = 1;
    /** Upper bounds that keep a corrupt count from allocating absurd arrays; far above any real model. */
    private static final int MAX_COUNT = 1 << 24;
    private static final int MAX_TREE_DEPTH = 20;

    /** The mean shape, interleaved x, y in the face box's unit square. */
    private final float[] initialShape;
    private final int splitsPerTree;
    private final int leavesPerTree;
    /** Per cascade: the trees' split pixel indices and thresholds, tree after tree. */
    private final int[][] splitPixel1;
    private final int[][] splitPixel2;
    private final float[][] splitThreshold;
    /** Per cascade: the leaves' shape increments, tree after tree, leaf after leaf. */
    private final float[][] leafValues;
    /** Per cascade: each feature pixel's anchor landmark and offset from it, in mean-shape coordinates. */
    private final int[][] anchorIndex;
    private final float[][] deltaX;
    private final float[][] deltaY;

    private DlibShapePredictor(float[] initialShape, int splitsPerTree, int[][] splitPixel1, int[][] splitPixel2,
            float[][] splitThreshold, float[][] leafValues, int[][] anchorIndex, float[][] deltaX, float[][] deltaY) {
        this.initialShape = initialShape;
        this.splitsPerTree = splitsPerTree;
        this.leavesPerTree = splitsPerTree + 1;
        this.splitPixel1 = splitPixel1;
        this.splitPixel2 = splitPixel2;
        this.splitThreshold = splitThreshold;
        this.leafValues = leafValues;
        this.anchorIndex = anchorIndex;
        this.deltaX = deltaX;
        this.deltaY = deltaY;
    }

    /**
     * Loads Debian's 68-point model from {@link #DEFAULT_MODEL}.
     *
     * @throws ModelFileException when the file is missing (install {@code libdlib-data}), truncated or malformed
     * @throws IOException when the file cannot be read
     */
    public static DlibShapePredictor loadDefault() throws IOException {
        return load(DEFAULT_MODEL);
    }

    /**
     * Loads a dlib shape predictor file ({@code .dat}, as written by dlib's {@code serialize(shape_predictor)}).
     * Only 68-point models give {@link FaceLandmarks}; see {@link #numParts()}.
     *
     * @throws ModelFileException when the file is missing, truncated, malformed, or not a 68-point model
     * @throws IOException when the file cannot be read
     */
    public static DlibShapePredictor load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, "no such model file (dlib's 68-point model comes with Debian's "
                    + "libdlib-data package, or as shape_predictor_68_face_landmarks.dat from dlib.net)");
        }
        long start = System.nanoTime();
        ByteBuffer buffer;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new ModelFileException(file, "is " + channel.size() + " bytes, too large for a shape predictor");
            }
            buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        DlibShapePredictor predictor = parse(new DlibDataReader(file, buffer));
        if (predictor.numParts() != FaceLandmarks.COUNT) {
            throw new ModelFileException(file, "predicts " + predictor.numParts() + " landmarks; only 68-point "
                    + "(iBUG 300-W) models are supported");
        }
        LOG.debug("loaded dlib shape predictor {} ({} cascades of {} trees, depth {}) in {} ms", file,
                predictor.numCascades(), predictor.splitPixel1[0].length / predictor.splitsPerTree,
                Integer.numberOfTrailingZeros(predictor.leavesPerTree), (System.nanoTime() - start) / 1_000_000);
        return predictor;
    }

    private static DlibShapePredictor parse(DlibDataReader in) throws ModelFileException {
        int versionAt = in.position();
        long version = in.readLong("format version");
        if (version != FORMAT_VERSION) {
            throw in.malformed(versionAt, "format version " + version + ", expected " + FORMAT_VERSION
                    + " (dlib's shape_predictor)");
        }
        int shapeAt = in.position();
        float[] initialShape = in.readColumn("initial shape", -1);
        if (initialShape.length == 0 || initialShape.length % 2 != 0) {
            throw in.malformed(shapeAt, "initial shape has " + initialShape.length
                    + " coordinates, expected a positive even number");
        }
        Forests forests = readForests(in, initialShape.length);
        int[][] anchors = readAnchors(in, forests.cascades(), initialShape.length / 2);
        float[][] dx = new float[forests.cascades()][];
        float[][] dy = new float[forests.cascades()][];
        readOffsets(in, anchors, dx, dy);
        checkSplitPixels(in, forests, anchors);
        if (in.remaining() != 0) {
            throw in.malformed(in.position(), in.remaining() + " unexpected bytes after the model's end");
        }
        return new DlibShapePredictor(initialShape, forests.splitsPerTree, forests.split1, forests.split2,
                forests.thresholds, forests.leaves, anchors, dx, dy);
    }

    /** The cascades' trees, flattened per cascade; every tree is full and of the same depth. */
    private record Forests(int splitsPerTree, int[][] split1, int[][] split2, float[][] thresholds,
            float[][] leaves) {
        int cascades() {
            return split1.length;
        }
    }

    private static Forests readForests(DlibDataReader in, int rows) throws ModelFileException {
        int cascades = in.readInt("number of cascades", 1, MAX_COUNT);
        int splitsPerTree = -1;
        int[][] split1 = new int[cascades][];
        int[][] split2 = new int[cascades][];
        float[][] thresholds = new float[cascades][];
        float[][] leaves = new float[cascades][];
        for (int c = 0; c < cascades; c++) {
            String cascade = "cascade " + c;
            int trees = in.readInt(cascade + ": number of trees", 1, MAX_COUNT);
            for (int t = 0; t < trees; t++) {
                String tree = cascade + ", tree " + t;
                int splitsAt = in.position();
                int splits = in.readInt(tree + ": number of splits", 1, (1 << MAX_TREE_DEPTH) - 1);
                if (splitsPerTree < 0) {
                    if (Integer.bitCount(splits + 1) != 1) {
                        throw in.malformed(splitsAt, tree + " has " + splits + " splits; a full tree has 2^depth - 1");
                    }
                    splitsPerTree = splits;
                } else if (splits != splitsPerTree) {
                    throw in.malformed(splitsAt, tree + " has " + splits + " splits where earlier trees have "
                            + splitsPerTree + "; trees of different depths are not supported");
                }
                if (t == 0) {
                    in.requireAtLeast((long) trees * splitsPerTree, 6, cascade + " splits");
                    in.requireAtLeast((long) trees * (splitsPerTree + 1) * rows, 2, cascade + " leaf values");
                    split1[c] = new int[trees * splitsPerTree];
                    split2[c] = new int[trees * splitsPerTree];
                    thresholds[c] = new float[trees * splitsPerTree];
                    leaves[c] = new float[trees * (splitsPerTree + 1) * rows];
                }
                String split = tree + ": split";
                for (int s = 0; s < splits; s++) {
                    int k = t * splitsPerTree + s;
                    split1[c][k] = in.readInt(split, 0, MAX_COUNT);
                    split2[c][k] = in.readInt(split, 0, MAX_COUNT);
                    thresholds[c][k] = in.readFiniteFloat(split);
                }
                int leavesAt = in.position();
                int leafCount = in.readInt(tree + ": number of leaves", 1, MAX_COUNT);
                if (leafCount != splitsPerTree + 1) {
                    throw in.malformed(leavesAt, tree + " has " + leafCount + " leaves for " + splitsPerTree
                            + " splits, expected " + (splitsPerTree + 1));
                }
                String leaf = tree + ": leaf";
                for (int l = 0; l < leafCount; l++) {
                    in.readColumn(leaf, rows, leaves[c], (t * leafCount + l) * rows);
                }
            }
        }
        return new Forests(splitsPerTree, split1, split2, thresholds, leaves);
    }

    /** Per cascade, each feature pixel's anchor landmark. */
    private static int[][] readAnchors(DlibDataReader in, int cascades, int parts) throws ModelFileException {
        int listsAt = in.position();
        int lists = in.readInt("number of anchor index lists", 0, MAX_COUNT);
        if (lists != cascades) {
            throw in.malformed(listsAt, lists + " anchor index lists for " + cascades + " cascades");
        }
        int[][] anchors = new int[cascades][];
        for (int c = 0; c < cascades; c++) {
            int pixels = in.readInt("cascade " + c + ": number of feature pixels", 0, MAX_COUNT);
            in.requireAtLeast(pixels, 1, "cascade " + c + " anchor indices");
            anchors[c] = new int[pixels];
            String anchor = "cascade " + c + ": anchor landmark";
            for (int i = 0; i < pixels; i++) {
                anchors[c][i] = in.readInt(anchor, 0, parts - 1);
            }
        }
        return anchors;
    }

    /** Per cascade, each feature pixel's offset from its anchor, into {@code dx} and {@code dy}. */
    private static void readOffsets(DlibDataReader in, int[][] anchors, float[][] dx, float[][] dy)
            throws ModelFileException {
        int listsAt = in.position();
        int lists = in.readInt("number of pixel offset lists", 0, MAX_COUNT);
        if (lists != anchors.length) {
            throw in.malformed(listsAt, lists + " pixel offset lists for " + anchors.length + " cascades");
        }
        for (int c = 0; c < anchors.length; c++) {
            int countAt = in.position();
            int pixels = in.readInt("cascade " + c + ": number of pixel offsets", 0, MAX_COUNT);
            if (pixels != anchors[c].length) {
                throw in.malformed(countAt, "cascade " + c + " has " + pixels + " pixel offsets for "
                        + anchors[c].length + " anchors");
            }
            in.requireAtLeast(pixels, 4, "cascade " + c + " pixel offsets");
            dx[c] = new float[pixels];
            dy[c] = new float[pixels];
            String offset = "cascade " + c + ": pixel offset";
            for (int i = 0; i < pixels; i++) {
                dx[c][i] = in.readFiniteFloat(offset);
                dy[c][i] = in.readFiniteFloat(offset);
            }
        }
    }

    private static void checkSplitPixels(DlibDataReader in, Forests forests, int[][] anchors)
            throws ModelFileException {
        for (int c = 0; c < forests.cascades(); c++) {
            int pixels = anchors[c].length;
            for (int k = 0; k < forests.split1[c].length; k++) {
                if (forests.split1[c][k] >= pixels || forests.split2[c][k] >= pixels) {
                    throw in.malformed("cascade " + c + ", tree " + k / forests.splitsPerTree
                            + " compares feature pixels " + forests.split1[c][k] + " and " + forests.split2[c][k]
                            + " but the cascade has only " + pixels);
                }
            }
        }
    }

    /** The number of landmarks the model predicts (68 for a model this class accepts). */
    public int numParts() {
        return initialShape.length / 2;
    }

    /** The number of cascades (15 in dlib's 68-point model). */
    public int numCascades() {
        return splitPixel1.length;
    }

    /**
     * The model's mean shape in the face box's unit square ({@code (0, 0)} the box's top-left pixel, {@code (1, 1)}
     * its bottom-right pixel), as interleaved {@code x0, y0, x1, y1, ...}; a copy owned by the caller.
     */
    public float[] meanShape() {
        return initialShape.clone();
    }

    /**
     * The landmarks of the face in {@code face}. The box is rounded to whole pixels first, as dlib's integer
     * rectangle (see {@link FaceBox#toDlibRectangle()}).
     */
    @Override
    public FaceLandmarks detect(Image image, FaceBox face) {
        long[] rect = face.toDlibRectangle();
        double left = rect[0];
        double top = rect[1];
        double scaleX = rect[2] - rect[0];
        double scaleY = rect[3] - rect[1];

        float[] shape = initialShape.clone();
        int rows = shape.length;
        for (int c = 0; c < splitPixel1.length; c++) {
            float[] pixels = featurePixels(image, c, shape, left, top, scaleX, scaleY);
            int[] i1 = splitPixel1[c];
            int[] i2 = splitPixel2[c];
            float[] thresh = splitThreshold[c];
            float[] leaves = leafValues[c];
            int trees = i1.length / splitsPerTree;
            for (int t = 0; t < trees; t++) {
                int base = t * splitsPerTree;
                int node = 0;
                while (node < splitsPerTree) {
                    int k = base + node;
                    node = pixels[i1[k]] - pixels[i2[k]] > thresh[k] ? 2 * node + 1 : 2 * node + 2;
                }
                int leafStart = (t * leavesPerTree + node - splitsPerTree) * rows;
                for (int j = 0; j < rows; j++) {
                    shape[j] += leaves[leafStart + j];
                }
            }
        }
        double[] xy = new double[rows];
        for (int p = 0; p < rows; p += 2) {
            xy[p] = scaleX * shape[p] + left;
            xy[p + 1] = scaleY * shape[p + 1] + top;
        }
        return FaceLandmarks.of(xy);
    }

    /**
     * The intensities of cascade {@code c}'s feature pixels for the current shape: each pixel's offset from its
     * anchor, given in mean-shape coordinates, is carried by the similarity transform from the mean shape to the
     * current shape, then the point is mapped from the unit square into the image and rounded to a pixel.
     */
    private float[] featurePixels(Image image, int c, float[] shape, double left, double top, double scaleX,
            double scaleY) {
        double[] similarity = similarityTransform(initialShape, shape);
        float a = (float) similarity[0];
        float b = (float) similarity[1];
        int[] anchors = anchorIndex[c];
        float[] dxs = deltaX[c];
        float[] dys = deltaY[c];
        float[] values = new float[anchors.length];
        int width = image.width();
        int height = image.height();
        for (int i = 0; i < anchors.length; i++) {
            float dx = dxs[i];
            float dy = dys[i];
            float px = a * dx + -b * dy + shape[2 * anchors[i]];
            float py = b * dx + a * dy + shape[2 * anchors[i] + 1];
            long col = (long) Math.floor(scaleX * px + left + 0.5);
            long row = (long) Math.floor(scaleY * py + top + 0.5);
            values[i] = col >= 0 && row >= 0 && col < width && row < height ? intensity(image, (int) col, (int) row)
                    : 0f;
        }
        return values;
    }

    private static float intensity(Image image, int x, int y) {
        if (image.channels() == 1) {
            return image.get(x, y, 0);
        }
        return (image.get(x, y, 0) + image.get(x, y, 1) + image.get(x, y, 2)) / 3;
    }

    /**
     * The least-squares similarity transform (rotation and uniform scale; the translation is not needed here) taking
     * shape {@code from} to shape {@code to}: returns {@code {a, b}} of the matrix {@code [[a, -b], [b, a]]}. This
     * is the closed form of Umeyama's solution in 2D, accumulated in double precision as dlib does.
     */
    static double[] similarityTransform(float[] from, float[] to) {
        int n = from.length / 2;
        double meanFromX = 0;
        double meanFromY = 0;
        double meanToX = 0;
        double meanToY = 0;
        for (int i = 0; i < n; i++) {
            meanFromX += from[2 * i];
            meanFromY += from[2 * i + 1];
            meanToX += to[2 * i];
            meanToY += to[2 * i + 1];
        }
        meanFromX /= n;
        meanFromY /= n;
        meanToX /= n;
        meanToY /= n;
        double sigmaFrom = 0;
        double dot = 0;
        double cross = 0;
        for (int i = 0; i < n; i++) {
            double fx = from[2 * i] - meanFromX;
            double fy = from[2 * i + 1] - meanFromY;
            double tx = to[2 * i] - meanToX;
            double ty = to[2 * i + 1] - meanToY;
            sigmaFrom += fx * fx + fy * fy;
            dot += tx * fx + ty * fy;
            cross += ty * fx - tx * fy;
        }
        if (sigmaFrom == 0) {
            return new double[] {1, 0};
        }
        return new double[] {dot / sigmaFrom, cross / sigmaFrom};
    }

    @Override
    public String toString() {
        return "DlibShapePredictor[" + numParts() + " points, " + numCascades() + " cascades]";
    }
}
