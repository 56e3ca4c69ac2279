package io.github.emotion4j.core.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.EmotionBranch;
import io.github.emotion4j.core.EmotionScores;
import io.github.emotion4j.core.MediaClip;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Contract tests every {@link EmotionBranch} should pass; published in emotion-core's test-jar. Extend it in
 * your branch's tests and supply a branch and clips:
 *
 * <pre>{@code
 * class MyBranchContractTest extends BranchContract {
 *     protected EmotionBranch createBranch() { return new MyBranch(); }
 *     protected MediaClip clipWithMedia() { ... }
 * }
 * }</pre>
 */
public abstract class BranchContract {

    /** A new branch to test; the test closes it. */
    protected abstract EmotionBranch createBranch() throws Exception;

    /** A clip holding what the branch asks for, on which it should give scores. */
    protected abstract MediaClip clipWithMedia() throws Exception;

    /** A clip holding nothing: the branch must abstain with a reason rather than fail or guess. */
    protected MediaClip emptyClip() {
        return MediaClip.of(Path.of("empty-clip"), Duration.ofSeconds(1), null, null);
    }

    @Test
    void hasANameAndAMediaRequest() throws Exception {
        try (EmotionBranch branch = createBranch()) {
            assertNotNull(branch.name());
            assertFalse(branch.name().isBlank());
            assertNotNull(branch.mediaRequest());
        }
    }

    @Test
    void givesSevenProbabilitiesSummingToOne() throws Exception {
        try (EmotionBranch branch = createBranch()) {
            BranchResult result = branch.predict(clipWithMedia());
            assertFalse(result.abstained(), "abstained on a clip with media: " + result.reason());
            EmotionScores scores = result.scores().orElseThrow();
            assertEquals(7, scores.toArray().length);
            assertEquals(1.0, Arrays.stream(scores.toArray()).sum(), 1e-9);
        }
    }

    @Test
    void predictsTheSameTwice() throws Exception {
        try (EmotionBranch branch = createBranch()) {
            MediaClip clip = clipWithMedia();
            assertTrue(branch.predict(clip).scores().orElseThrow()
                    .approximatelyEquals(branch.predict(clipWithMedia()).scores().orElseThrow(), 1e-6));
        }
    }

    @Test
    void abstainsWithAReasonWhenItsMediaIsMissing() throws Exception {
        try (EmotionBranch branch = createBranch()) {
            BranchResult result = branch.predict(emptyClip());
            assertTrue(result.abstained(), "should abstain on a clip without the media it needs");
            assertFalse(result.reason().isBlank());
        }
    }

    @Test
    void closeIsIdempotent() throws Exception {
        EmotionBranch branch = createBranch();
        branch.close();
        assertDoesNotThrow(branch::close);
    }
}
