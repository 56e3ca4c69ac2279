package io.github.emotion4j.fusion;

import io.github.emotion4j.core.BranchResult;
import io.github.emotion4j.core.Emotion;
import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.core.dataset.LabelledClip;
import io.github.emotion4j.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every branch's prediction on every clip of a labelled set, computed once: what a weight search scores its
 * grid points with, and what per-branch reports are made of. A clip that could not be decoded counts as
 * abstained by every branch (so it counts as an error for every weighting). Immutable and thread-safe.
 */
public final class PredictionTable {

    private final List<String> branches;
    private final List<Path> clips;
    private final List<Emotion> truth;
    private final List<List<BranchResult>> results;

    /**
     * @param branches branch names, in order
     * @param clips the clips, in order
     * @param truth the true class of each clip
     * @param results {@code results.get(b).get(c)} is branch {@code b}'s result on clip {@code c}
     */
    public PredictionTable(List<String> branches, List<Path> clips, List<Emotion> truth, List<List<BranchResult>> results) {
        this.branches = List.copyOf(branches);
        this.clips = List.copyOf(clips);
        this.truth = List.copyOf(truth);
        if (clips.size() != truth.size()) {
            throw new IllegalArgumentException(clips.size() + " clips but " + truth.size() + " labels");
        }
        if (results.size() != branches.size()) {
            throw new IllegalArgumentException(branches.size() + " branches but " + results.size() + " result lists");
        }
        List<List<BranchResult>> copy = new ArrayList<>();
        for (int b = 0; b < results.size(); b++) {
            if (results.get(b).size() != clips.size()) {
                throw new IllegalArgumentException("branch '" + branches.get(b) + "' has " + results.get(b).size()
                        + " results for " + clips.size() + " clips");
            }
            results.get(b).forEach(r -> Objects.requireNonNull(r, "result"));
            copy.add(List.copyOf(results.get(b)));
        }
        this.results = List.copyOf(copy);
    }

    /**
     * Runs every branch of {@code recognizer} on every clip of {@code data} (each clip decoded once) and records
     * the results. A clip that cannot be decoded is recorded as abstained by all branches with the error as the
     * reason; a failing branch stops the collection.
     */
    public static PredictionTable collect(EmotionRecognizer recognizer, Dataset data, TrainingListener listener)
            throws EmotionException {
        String stage = "predicting " + data.size() + " clips";
        listener.stageStarted(stage, data.size());
        List<String> names = recognizer.branchNames();
        List<List<BranchResult>> results = new ArrayList<>();
        names.forEach(n -> results.add(new ArrayList<>()));
        int done = 0;
        for (LabelledClip clip : data.clips()) {
            Map<String, BranchResult> byBranch;
            try {
                byBranch = recognizer.branchResults(clip.path());
            } catch (io.github.emotion4j.core.MediaDecodeException e) {
                byBranch = new LinkedHashMap<>();
                for (String name : names) {
                    byBranch.put(name, BranchResult.abstain("undecodable: " + e.getMessage()));
                }
            }
            for (int b = 0; b < names.size(); b++) {
                results.get(b).add(byBranch.get(names.get(b)));
            }
            listener.progress(stage, ++done, data.size(), Double.NaN);
        }
        listener.stageFinished(stage);
        return new PredictionTable(names, data.clips().stream().map(LabelledClip::path).toList(), data.labels(), results);
    }

    /** The branch names, in order. */
    public List<String> branches() {
        return branches;
    }

    /** The clips, in order. */
    public List<Path> clips() {
        return clips;
    }

    /** The true class of each clip. */
    public List<Emotion> truth() {
        return truth;
    }

    /** The number of clips. */
    public int size() {
        return clips.size();
    }

    /** Branch {@code branch}'s result on clip {@code clip}. */
    public BranchResult result(int branch, int clip) {
        return results.get(branch).get(clip);
    }

    /** One branch's results, in clip order. */
    public List<BranchResult> results(String branch) {
        int index = branches.indexOf(branch);
        if (index < 0) {
            throw new IllegalArgumentException("no branch '" + branch + "' in " + branches);
        }
        return results.get(index);
    }

    /** Every branch's result on one clip, in branch order. */
    public List<BranchResult> clipResults(int clip) {
        List<BranchResult> row = new ArrayList<>();
        for (List<BranchResult> branch : results) {
            row.add(branch.get(clip));
        }
        return row;
    }
}
