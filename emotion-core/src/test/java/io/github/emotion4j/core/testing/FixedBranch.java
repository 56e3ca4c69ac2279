package io.github.emotion4j.core.testing;

import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.EmotionBranch;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.bundle.BranchFactory;
import io.github.emotion4j.core.bundle.BranchSource;
import io.github.emotion4j.core.bundle.SavableBranch;
import io.github.emotion4j.core.ModelFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test branch that always says the same thing (scores, or an abstention), can be saved to a bundle (type
 * {@code "fixed"}) and counts its calls. Thread-safe.
 */
public final class FixedBranch implements SavableBranch {

    public static final String TYPE = "fixed";

    private final String name;
    private final MediaRequest request;
    private final EmotionScores scores;
    private final String abstainReason;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();

    private FixedBranch(String name, MediaRequest request, EmotionScores scores, String abstainReason) {
        this.name = name;
        this.request = request;
        this.scores = scores;
        this.abstainReason = abstainReason;
    }

    public static FixedBranch scoring(String name, EmotionScores scores) {
        return new FixedBranch(name, MediaRequest.nothing(), scores, null);
    }

    public static FixedBranch scoring(String name, MediaRequest request, EmotionScores scores) {
        return new FixedBranch(name, request, scores, null);
    }

    public static FixedBranch abstaining(String name, String reason) {
        return new FixedBranch(name, MediaRequest.nothing(), null, reason);
    }

    public int calls() {
        return calls.get();
    }

    public int closes() {
        return closes.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MediaRequest mediaRequest() {
        return request;
    }

    @Override
    public BranchResult predict(MediaClip clip) {
        calls.incrementAndGet();
        return scores != null ? BranchResult.of(scores) : BranchResult.abstain(abstainReason);
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void save(Path directory) throws IOException {
        String text = scores != null ? Arrays.toString(scores.toArray()) : "abstain:" + abstainReason;
        Files.writeString(directory.resolve("scores.txt"), text, StandardCharsets.UTF_8);
    }

    /** Loads what {@link #save} wrote. Registered as a service in the test resources. */
    public static final class Factory implements BranchFactory {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public FixedBranch load(BranchSource source) throws ModelFormatException {
            Path file = source.file("scores.txt");
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.startsWith("abstain:")) {
                    return abstaining(source.entry().name(), text.substring("abstain:".length()));
                }
                double[] values = Arrays.stream(text.replaceAll("[\\[\\]]", "").split(","))
                        .mapToDouble(v -> Double.parseDouble(v.strip())).toArray();
                return scoring(source.entry().name(), EmotionScores.of(values));
            } catch (IOException | RuntimeException e) {
                throw new ModelFormatException(source.bundle(), "bad fixed branch file: " + e.getMessage(), e);
            }
        }
    }
}
