package io.github.emotion4j.examples.cli;

import io.github.emotion4j.core.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A text progress bar for training on the command line: redraws one line per stage with {@code \r}, prints
 * epoch results and notes on lines of their own. Thread-safe.
 */
final class ProgressBar implements TrainingListener {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private long startNanos;
    private long lastDrawNanos;

    ProgressBar(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void stageStarted(String stage, long totalSteps) {
        startNanos = System.nanoTime();
        out.println(stage + (totalSteps > 0 ? " (" + totalSteps + " steps)" : ""));
        out.flush();
    }

    @Override
    public synchronized void progress(String stage, long step, long totalSteps, double loss) {
        long now = System.nanoTime();
        if (step < totalSteps && now - lastDrawNanos < 200_000_000L) {
            return;
        }
        lastDrawNanos = now;
        double fraction = totalSteps > 0 ? Math.min(1, step / (double) totalSteps) : 0;
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (now - startNanos) / 1e9;
        String eta = fraction > 0 ? String.format(Locale.ROOT, "eta %.0fs", elapsed * (1 - fraction) / fraction) : "";
        String lossText = Double.isNaN(loss) ? "" : String.format(Locale.ROOT, "loss %.4f ", loss);
        out.print(String.format(Locale.ROOT, "\r  [%s%s] %3.0f%% %d/%d %s%s   ", "#".repeat(filled),
                " ".repeat(WIDTH - filled), 100 * fraction, step, totalSteps, lossText, eta));
        out.flush();
    }

    @Override
    public synchronized void epochFinished(String stage, int epoch, double trainLoss, double validationAccuracy) {
        out.println(String.format(Locale.ROOT, "\r  epoch %d: train loss %.4f%s", epoch, trainLoss,
                Double.isNaN(validationAccuracy) ? "" : String.format(Locale.ROOT, ", validation accuracy %.2f %%", 100 * validationAccuracy)));
        out.flush();
    }

    @Override
    public synchronized void note(String stage, String message) {
        out.println("\r  " + message);
        out.flush();
    }

    @Override
    public synchronized void stageFinished(String stage) {
        out.println(String.format(Locale.ROOT, "\r  %s done in %.1f s", stage, (System.nanoTime() - startNanos) / 1e9));
        out.flush();
    }
}
