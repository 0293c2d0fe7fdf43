package dev.samuel.inference.judge;

import java.util.ArrayDeque;

/**
 * The realised accuracy and loss of one version over its latest judged examples: the last {@code size} of them, or
 * those of the last {@code span} milliseconds (by label time). Sums are kept as the window slides, so a reading is
 * constant time.
 */
final class RealisedWindow {

    private record Entry(long time, double loss, double correct) {
    }

    private final int size;
    private final long span;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private double lossSum;
    private double correctSum;

    private RealisedWindow(int size, long span) {
        this.size = size;
        this.span = span;
    }

    static RealisedWindow ofExamples(int size) {
        return new RealisedWindow(size, Long.MAX_VALUE);
    }

    static RealisedWindow ofMillis(long span) {
        return new RealisedWindow(Integer.MAX_VALUE, span);
    }

    /** @param correct 1 or 0 for a classifier's hit; NaN for a regression, which has no accuracy */
    void add(long time, double loss, double correct) {
        entries.addLast(new Entry(time, loss, correct));
        lossSum += loss;
        correctSum += correct;
        while (entries.size() > size || time - entries.peekFirst().time() > span) {
            var gone = entries.removeFirst();
            lossSum -= gone.loss();
            correctSum -= gone.correct();
        }
    }

    double accuracy() {
        return entries.isEmpty() ? Double.NaN : correctSum / entries.size();
    }

    double loss() {
        return entries.isEmpty() ? Double.NaN : lossSum / entries.size();
    }

    int count() {
        return entries.size();
    }
}
