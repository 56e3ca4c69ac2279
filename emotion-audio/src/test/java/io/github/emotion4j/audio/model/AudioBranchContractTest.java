package io.github.emotion4j.audio.model;

import io.github.emotion4j.core.EmotionBranch;
import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.bundle.BranchFactory;
import io.github.emotion4j.core.bundle.ModelBundle;
import io.github.emotion4j.core.testing.BranchContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/** {@link BranchContract} for each audio branch, each branch loaded afresh from its trained bundle. */
class AudioBranchContractTest {

    static EmotionBranch load(Path bundle, BranchFactory factory) throws Exception {
        try (ModelBundle opened = ModelBundle.open(bundle)) {
            return factory.load(opened.branch(opened.manifest().branches().get(0)));
        }
    }

    static MediaClip testClip() throws Exception {
        return new FFmpegMediaDecoder().decode(TrainedModels.test().clips().get(0).path(), MediaRequest.audio());
    }

    @Nested
    class Svm extends BranchContract {
        @Override
        protected EmotionBranch createBranch() throws Exception {
            return load(TrainedModels.svm().bundle(), new AudioSvmBranch.Factory());
        }

        @Override
        protected MediaClip clipWithMedia() throws Exception {
            return testClip();
        }
    }

    @Nested
    class Lstm extends BranchContract {
        @Override
        protected EmotionBranch createBranch() throws Exception {
            return load(TrainedModels.lstm().bundle(), new AudioLstmBranch.Factory());
        }

        @Override
        protected MediaClip clipWithMedia() throws Exception {
            return testClip();
        }
    }

    @Nested
    class Maps extends BranchContract {
        @Override
        protected EmotionBranch createBranch() throws Exception {
            return load(TrainedModels.maps().bundle(), new AudioMapsBranch.Factory());
        }

        @Override
        protected MediaClip clipWithMedia() throws Exception {
            return testClip();
        }
    }
}
