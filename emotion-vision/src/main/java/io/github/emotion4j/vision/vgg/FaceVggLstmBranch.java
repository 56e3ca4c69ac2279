package io.github.emotion4j.vision.vgg;

import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.FrameGrid;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.ModelFormatException;
import io.github.emotion4j.core.bundle.BranchFactory;
import io.github.emotion4j.core.bundle.BranchSource;
import io.github.emotion4j.core.bundle.SavableBranch;
import io.github.emotion4j.vision.image.Image;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper's face branch (Guo et al. 2017, section 2.1): the faces of a clip's sampled frames (the 60 fps grid,
 * every 8th instant), found and aligned by a {@link FaceCropper}, classified by a face network. With a
 * {@link Kind#CNN_LSTM} network ({@link CnnLstm}, stage 3) the faces are cut into windows of 16 (a clip too short
 * repeats its last face; a long clip gives several windows) and the clip's scores are the mean of the windows';
 * with a {@link Kind#CNN} network (a VGG-16 after stage 1 or 2) they are the mean of the faces'. Abstains when
 * the clip has no video or no face is found.
 *
 * <p>Two variants, as in the paper: {@link Faces#DETECTED} runs the paper's detection and alignment
 * ({@link AlignedFaceCropper}) on the clip's frames; {@link Faces#SUPPLIED} reads face crops a data set provides,
 * which {@link FaceCropFolderDecoder} presents as the frames of a clip, taking each frame as the face
 * ({@link FaceCropper#wholeFrame()}). The supplied variant thus runs inside an {@code EmotionRecognizer} built
 * with that decoder, and every other part (windows, scores, bundles, evaluation, fusion) is shared.
 *
 * <p>Bundle type {@value #TYPE}: the network ({@code network.zip}, DL4J's format without updater state) and its
 * settings as properties. Thread-safe: predictions are serialised on the network (DL4J networks are not
 * thread-safe); the face pipeline runs concurrently. Owns its network and face pipeline and closes them in
 * {@link #close()} (idempotent).
 */
public final class FaceVggLstmBranch implements SavableBranch {

    /** The bundle type name. */
    public static final String TYPE = "face-vgg-lstm";
    /** The file holding the network in a bundle. */
    public static final String NETWORK_FILE = "network.zip";

    /** Which network the branch runs. */
    public enum Kind {
        /** An image classifier (VGG-16 after stage 1 or 2): one prediction per face, averaged. */
        CNN,
        /** A CNN-LSTM (stage 3): one prediction per window of faces, averaged. */
        CNN_LSTM
    }

    /** Where the faces come from. */
    public enum Faces {
        /** Detected and aligned in the clip's frames by the paper's pipeline. */
        DETECTED,
        /** Supplied with the data set as face crops, read as frames. */
        SUPPLIED
    }

    private static final Logger LOG = LoggerFactory.getLogger(FaceVggLstmBranch.class);
    private static final int CNN_BATCH = 32;

    private final String name;
    private final ComputationGraph network;
    private final Kind kind;
    private final FaceInput input;
    private final int sequenceLength;
    private final Faces faces;
    private final String backbone;
    private final FaceCropper cropper;
    private volatile boolean closed;

    private FaceVggLstmBranch(Builder b) {
        this.name = b.name;
        this.network = b.network;
        this.kind = b.kind;
        this.input = b.input;
        this.sequenceLength = b.sequenceLength;
        this.faces = b.faces;
        this.backbone = b.backbone;
        this.cropper = b.cropper;
    }

    /**
     * A builder for a branch over {@code network}, which reads faces as {@code input} says; the branch will own
     * the network.
     */
    public static Builder builder(ComputationGraph network, Kind kind, FaceInput input) {
        return new Builder(network, kind, input);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MediaRequest mediaRequest() {
        return MediaRequest.frames(FrameGrid.PAPER);
    }

    public Kind kind() {
        return kind;
    }

    public Faces faces() {
        return faces;
    }

    /** How faces become network input. */
    public FaceInput input() {
        return input;
    }

    /** Faces per window of a {@link Kind#CNN_LSTM} network. */
    public int sequenceLength() {
        return sequenceLength;
    }

    @Override
    public BranchResult predict(MediaClip clip) throws EmotionException {
        if (closed) {
            throw new IllegalStateException("branch '" + name + "' is closed");
        }
        if (clip.frames().isEmpty()) {
            return BranchResult.abstain("no video");
        }
        List<Image> found = cropper.cropAll(clip.frames().get());
        if (found.isEmpty()) {
            return BranchResult.abstain("no face found in the sampled frames");
        }
        LOG.debug("{}: {} faces", clip.source(), found.size());
        return BranchResult.of(EmotionScores.of(probabilities(found)));
    }

    /**
     * The class probabilities of a clip's faces (in time order, already cropped), in {@link
     * io.github.emotion4j.core.Emotion} order.
     *
     * @throws IllegalArgumentException when {@code faces} is empty
     */
    public double[] probabilities(List<Image> faces) {
        if (faces.isEmpty()) {
            throw new IllegalArgumentException("no faces to classify");
        }
        synchronized (network) {
            if (kind == Kind.CNN_LSTM) {
                return CnnLstm.predict(network, input, faces, sequenceLength);
            }
            double[] sum = null;
            for (int start = 0; start < faces.size(); start += CNN_BATCH) {
                INDArray batch = input.batch(faces.subList(start, Math.min(faces.size(), start + CNN_BATCH)));
                INDArray output = network.outputSingle(false, batch);
                if (sum == null) {
                    sum = new double[(int) output.size(1)];
                }
                for (int n = 0; n < output.size(0); n++) {
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += output.getDouble(n, k);
                    }
                }
                batch.close();
                output.close();
            }
            for (int k = 0; k < sum.length; k++) {
                sum[k] /= faces.size();
            }
            return sum;
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>(input.toProperties());
        p.put("kind", kind.name());
        p.put("sequence_length", Integer.toString(sequenceLength));
        p.put("faces", faces.name());
        p.put("backbone", backbone);
        return p;
    }

    @Override
    public void save(Path directory) throws IOException {
        synchronized (network) {
            ModelSerializer.writeModel(network, directory.resolve(NETWORK_FILE).toFile(), false);
        }
    }

    /** The network, for further training; owned by this branch, callers synchronise on it. */
    public ComputationGraph network() {
        return network;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cropper.close();
        synchronized (network) {
            network.close();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FaceVggLstmBranch[%s, %s on %s, %s faces, %s]", name, kind, backbone, faces, input);
    }

    /** Settings of a {@link FaceVggLstmBranch}; not thread-safe. */
    public static final class Builder {
        private final ComputationGraph network;
        private final Kind kind;
        private final FaceInput input;
        private String name = TYPE;
        private int sequenceLength = CnnLstm.PAPER_SEQUENCE_LENGTH;
        private Faces faces = Faces.DETECTED;
        private String backbone = "vgg16";
        private FaceCropper cropper;

        private Builder(ComputationGraph network, Kind kind, FaceInput input) {
            this.network = Objects.requireNonNull(network, "network");
            this.kind = Objects.requireNonNull(kind, "kind");
            this.input = Objects.requireNonNull(input, "input");
        }

        /** The branch's name (default {@value #TYPE}). */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /** Faces per window of a CNN-LSTM (default 16). */
        public Builder sequenceLength(int length) {
            if (length < 1) {
                throw new IllegalArgumentException("sequence length must be at least 1, got " + length);
            }
            this.sequenceLength = length;
            return this;
        }

        /** Where faces come from (default {@link Faces#DETECTED}). */
        public Builder faces(Faces value) {
            this.faces = Objects.requireNonNull(value, "faces");
            return this;
        }

        /** The name of the CNN (default {@code vgg16}), recorded in bundles. */
        public Builder backbone(String value) {
            this.backbone = Objects.requireNonNull(value, "backbone");
            return this;
        }

        /**
         * The face pipeline, which the branch will own (default: {@link AlignedFaceCropper#ofSize} at the input
         * size for detected faces, {@link FaceCropper#wholeFrame()} for supplied ones).
         */
        public Builder cropper(FaceCropper value) {
            this.cropper = Objects.requireNonNull(value, "cropper");
            return this;
        }

        public FaceVggLstmBranch build() {
            if (cropper == null) {
                cropper = faces == Faces.SUPPLIED ? FaceCropper.wholeFrame() : AlignedFaceCropper.ofSize(input.size());
            }
            return new FaceVggLstmBranch(this);
        }
    }

    /**
     * Loads {@link FaceVggLstmBranch}es from bundles; registered in META-INF/services. The no-argument factory
     * uses the default face pipelines; {@link #Factory(IntFunction)} takes a pipeline of yours for detected
     * faces (given the input size).
     */
    public static final class Factory implements BranchFactory {

        private final IntFunction<FaceCropper> detectedFaces;

        /** The factory the service loader uses: {@link AlignedFaceCropper#ofSize} for detected faces. */
        public Factory() {
            this(AlignedFaceCropper::ofSize);
        }

        /** A factory building the pipeline for detected faces with {@code detectedFaces} (from the input size). */
        public Factory(IntFunction<FaceCropper> detectedFaces) {
            this.detectedFaces = Objects.requireNonNull(detectedFaces, "detectedFaces");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public FaceVggLstmBranch load(BranchSource source) throws ModelFormatException {
            String branch = source.entry().name();
            FaceInput input;
            Kind kind;
            Faces faces;
            int length;
            try {
                input = FaceInput.fromProperties(source.properties());
                kind = Kind.valueOf(source.requireProperty("kind"));
                faces = Faces.valueOf(source.requireProperty("faces"));
                length = Integer.parseInt(source.requireProperty("sequence_length"));
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(source.bundle(), "branch '" + branch + "': bad settings: " + e.getMessage(), e);
            }
            Path file = source.file(NETWORK_FILE);
            ComputationGraph network;
            try {
                network = ModelSerializer.restoreComputationGraph(file.toFile(), false);
            } catch (IOException | RuntimeException e) {
                throw new ModelFormatException(source.bundle(), "branch '" + branch + "': " + NETWORK_FILE
                        + " is not a DL4J network: " + e.getMessage(), e);
            }
            Builder builder = builder(network, kind, input).name(branch).faces(faces)
                    .backbone(source.properties().getOrDefault("backbone", "vgg16"));
            try {
                builder.sequenceLength(length);
                if (faces == Faces.DETECTED) {
                    builder.cropper(detectedFaces.apply(input.size()));
                }
                return builder.build();
            } catch (RuntimeException e) {
                network.close();
                throw new ModelFormatException(source.bundle(), "branch '" + branch + "': " + e.getMessage(), e);
            }
        }
    }
}
