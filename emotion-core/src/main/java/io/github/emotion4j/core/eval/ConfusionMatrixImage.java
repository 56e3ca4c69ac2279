package io.github.emotion4j.core.eval;

import io.github.emotion4j.core.Emotion;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a row-normalised confusion matrix as a PNG: one cell per (truth, prediction), shaded by its percentage
 * and labelled with it, classes by their two-letter abbreviations, title and accuracy/UAR underneath. Works
 * headless. Stateless and thread-safe.
 */
public final class ConfusionMatrixImage {

    private static final int CELL = 64;
    private static final int MARGIN_LEFT = 90;
    private static final int MARGIN_TOP = 70;
    private static final int MARGIN_BOTTOM = 60;

    private ConfusionMatrixImage() {
    }

    /** Renders the image. */
    public static BufferedImage render(Evaluation evaluation, String title) {
        int n = Emotion.COUNT;
        int width = MARGIN_LEFT + n * CELL + 20;
        int height = MARGIN_TOP + n * CELL + MARGIN_BOTTOM;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, 10, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("predicted →", MARGIN_LEFT, 44);
            g.drawString("truth ↓", 10, MARGIN_TOP - 6);
            double[][] percent = evaluation.rowPercentages();
            FontMetrics metrics = g.getFontMetrics();
            for (int j = 0; j < n; j++) {
                String label = Emotion.values()[j].abbreviation();
                g.drawString(label, MARGIN_LEFT + j * CELL + (CELL - metrics.stringWidth(label)) / 2, MARGIN_TOP - 8);
            }
            for (int i = 0; i < n; i++) {
                String label = Emotion.values()[i].abbreviation() + " (" + evaluation.support(Emotion.values()[i]) + ")";
                g.setColor(Color.BLACK);
                g.drawString(label, 10, MARGIN_TOP + i * CELL + CELL / 2 + 5);
                for (int j = 0; j < n; j++) {
                    double p = percent[i][j] / 100.0;
                    int shade = (int) Math.round(255 * (1 - p));
                    g.setColor(i == j ? new Color(shade, shade, 255) : new Color(255, shade, shade));
                    int x = MARGIN_LEFT + j * CELL;
                    int y = MARGIN_TOP + i * CELL;
                    g.fillRect(x, y, CELL, CELL);
                    g.setColor(Color.GRAY);
                    g.setStroke(new BasicStroke(1));
                    g.drawRect(x, y, CELL, CELL);
                    String text = String.format(Locale.ROOT, "%.1f", percent[i][j]);
                    g.setColor(p > 0.55 ? Color.WHITE : Color.BLACK);
                    g.drawString(text, x + (CELL - metrics.stringWidth(text)) / 2, y + CELL / 2 + 5);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "accuracy %.2f %%   UAR %.2f %%   n = %d", 100 * evaluation.accuracy(),
                    100 * evaluation.unweightedAverageRecall(), evaluation.total()), MARGIN_LEFT, height - 25);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes a PNG file. */
    public static void write(Evaluation evaluation, String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        if (!ImageIO.write(render(evaluation, title), "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }
}
