package io.github.emotion4j.audio.model;

import io.github.emotion4j.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/** Records what a trainer reports. Thread-safe. */
final class RecordingListener implements TrainingListener {

    record Epoch(String stage, int epoch, double trainLoss, double validationAccuracy) {
    }

    record Progress(String stage, long step, long total, double loss) {
    }

    final List<String> started = new ArrayList<>();
    final List<String> finished = new ArrayList<>();
    final List<Epoch> epochs = new ArrayList<>();
    final List<Progress> progress = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    @Override
    public synchronized void stageStarted(String stage, long totalSteps) {
        started.add(stage);
    }

    @Override
    public synchronized void progress(String stage, long step, long totalSteps, double loss) {
        progress.add(new Progress(stage, step, totalSteps, loss));
    }

    @Override
    public synchronized void epochFinished(String stage, int epoch, double trainLoss, double validationAccuracy) {
        epochs.add(new Epoch(stage, epoch, trainLoss, validationAccuracy));
    }

    @Override
    public synchronized void note(String stage, String message) {
        notes.add(stage + ": " + message);
    }

    @Override
    public synchronized void stageFinished(String stage) {
        finished.add(stage);
    }

    synchronized List<Epoch> epochsOf(String stagePrefix) {
        return epochs.stream().filter(e -> e.stage().startsWith(stagePrefix)).toList();
    }

    synchronized List<Progress> progressOf(String stagePrefix) {
        return progress.stream().filter(p -> p.stage().startsWith(stagePrefix)).toList();
    }
}
