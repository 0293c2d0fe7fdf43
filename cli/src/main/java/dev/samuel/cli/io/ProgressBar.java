package dev.samuel.cli.io;

import java.io.PrintStream;

/**
 * A one-line progress bar redrawn in place on a terminal (at most ten times a second); elsewhere, a line every
 * tenth of the way, so logs stay readable.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean showRate;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();
    private long lastDraw;
    private long lastDecile = -1;

    /** {@code showRate}: whether to show items per second, which means something for records, not for epochs. */
    public ProgressBar(PrintStream out, String label, long total, boolean showRate) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.showRate = showRate;
    }

    public void update(long done, String detail) {
        long now = System.nanoTime();
        long decile = done * 10 / total;
        if (terminal && now - lastDraw > 100_000_000L) {
            lastDraw = now;
            out.print("\r" + line(done, detail));
        } else if (!terminal && decile != lastDecile) {
            lastDecile = decile;
            out.println(line(done, detail));
        }
    }

    /** Draws the final state and returns the rate per second. */
    public double finish(long done, String detail) {
        out.print((terminal ? "\r" : "") + line(done, detail) + System.lineSeparator());
        return rate(done);
    }

    private String line(long done, String detail) {
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        return String.format("%s [%s%s] %3d%% %,d/%,d %s%s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.min(100, done * 100 / total), done, total, showRate ? String.format("%,.0f/s ", rate(done)) : "",
                detail);
    }

    private double rate(long done) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        return done / seconds;
    }
}
