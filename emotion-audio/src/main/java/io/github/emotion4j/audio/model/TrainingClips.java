package io.github.emotion4j.audio.model;

import io.github.emotion4j.audio.features.AudioTooShortException;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.FFmpegMediaDecoder;
import io.github.emotion4j.core.MediaClip;
import io.github.emotion4j.core.MediaDecoder;
import io.github.emotion4j.core.MediaRequest;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.dataset.LabelledClip;
import io.github.emotion4j.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the audio of a data set's clips and computes what a trainer needs from each, in parallel, keeping the
 * data set's order. Clips without audio or too short for the features are left out (counted, logged and
 * reported to the listener); a file that cannot be decoded stops the loading with its {@link EmotionException}.
 * Stateless; thread-safe.
 */
final class TrainingClips {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingClips.class);
    private static final MediaDecoder DECODER = new FFmpegMediaDecoder();

    /** One clip's label and features. */
    record Item<T>(LabelledClip clip, T value) {
    }

    private TrainingClips() {
    }

    /**
     * @param extractor the features of a decoded clip, or empty when it has nothing to give (no audio); may throw
     *     {@link AudioTooShortException}
     * @throws EmotionException when a file cannot be decoded, or when no clip gives features
     */
    static <T> List<Item<T>> load(Dataset data, Function<MediaClip, Optional<T>> extractor, int threads,
            TrainingListener listener) throws EmotionException {
        String stage = "features of " + data.name();
        long total = data.size();
        listener.stageStarted(stage, total);
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread thread = new Thread(r, "emotion4j-features");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Optional<T>>> futures = new ArrayList<>();
        try {
            for (LabelledClip clip : data.clips()) {
                futures.add(pool.submit(() -> {
                    Optional<T> value = extract(clip, extractor, listener, stage);
                    listener.progress(stage, done.incrementAndGet(), total, Double.NaN);
                    return value;
                }));
            }
            List<Item<T>> items = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                Optional<T> value = futures.get(i).get();
                if (value.isPresent()) {
                    items.add(new Item<>(data.clips().get(i), value.get()));
                }
            }
            int skipped = data.size() - items.size();
            if (skipped > 0) {
                listener.note(stage, skipped + " of " + data.size() + " clips have no usable audio and were left out");
            }
            if (items.isEmpty()) {
                throw new EmotionException("no clip of " + data.name() + " has usable audio (" + data.size() + " clips)");
            }
            listener.stageFinished(stage);
            return items;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EmotionException emotion) {
                throw emotion;
            }
            throw new EmotionException("computing the features of " + data.name() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmotionException("interrupted while computing the features of " + data.name(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Optional<T> extract(LabelledClip labelled, Function<MediaClip, Optional<T>> extractor,
            TrainingListener listener, String stage) throws EmotionException {
        MediaClip clip = DECODER.decode(labelled.path(), MediaRequest.audio());
        if (clip.audio().isEmpty()) {
            LOG.debug("left out {}: no audio track", labelled.path());
            listener.note(stage, "left out " + labelled.path() + ": no audio track");
            return Optional.empty();
        }
        try {
            return extractor.apply(clip);
        } catch (AudioTooShortException e) {
            LOG.debug("left out {}: {}", labelled.path(), e.getMessage());
            listener.note(stage, "left out " + labelled.path() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
