package dev.samuel.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * ADWIN2's window, compressed into an exponential histogram (Bifet and Gavaldà 2007, Section 4; Datar et al. 2002):
 * row {@code i} holds buckets of {@code 2^i} inputs each, at most {@code M} of them, oldest first; when a row would
 * hold {@code M + 1}, its two oldest buckets merge into one of the next row. A window of {@code W} inputs is kept in
 * O(M log(W / M)) buckets, and the splits ADWIN tests are the bucket boundaries.
 *
 * <p>Each bucket keeps its inputs' sum and the sum of their squared deviations from their own mean, merged with
 * the parallel-variance rule (Chan, Golub and LeVeque 1979), as MOA's {@code ADWIN} does, so that the window's
 * variance is exact however the inputs were grouped. Counts are multiplied as doubles: MOA multiplies them as
 * {@code int}s, which overflows once a bucket holds 2^16 inputs or, when the oldest bucket is dropped, once its size
 * times the window's width passes 2^31.
 */
final class BucketWindow {

    /** A split of the window tested by ADWIN: the older part's count and sum, the newer part's count and sum. */
    @FunctionalInterface
    interface SplitTest {
        boolean cuts(long olderCount, long newerCount, double olderSum, double newerSum);
    }

    private final int maxBuckets;
    private final List<Row> rows = new ArrayList<>();
    private long width;
    private double total;
    private double squaredDeviations;

    BucketWindow(int maxBuckets) {
        this.maxBuckets = maxBuckets;
        rows.add(new Row(maxBuckets));
    }

    long width() {
        return width;
    }

    double total() {
        return total;
    }

    /** The window's variance: its squared deviations from its mean, per input. */
    double variance() {
        return width == 0 ? 0 : squaredDeviations / width;
    }

    int buckets() {
        return rows.stream().mapToInt(row -> row.size).sum();
    }

    void add(double value) {
        width++;
        if (width > 1) {
            double fromMean = value - total / (width - 1);
            squaredDeviations += (width - 1) * fromMean * fromMean / width;
        }
        total += value;
        rows.get(0).append(value, 0);
        compress();
    }

    /**
     * Tests the split after every bucket but the newest, oldest first, and says whether one of them cuts: the
     * order of MOA's {@code setInput}, so that both find the same first cut.
     */
    boolean anySplitCuts(SplitTest test) {
        long olderCount = 0;
        long newerCount = width;
        double olderSum = 0;
        double newerSum = total;
        for (int r = rows.size() - 1; r >= 0; r--) {
            Row row = rows.get(r);
            long size = 1L << r;
            for (int k = 0; k < row.size; k++) {
                olderCount += size;
                newerCount -= size;
                olderSum += row.sums[k];
                newerSum -= row.sums[k];
                boolean newest = r == 0 && k == row.size - 1;
                if (newest) {
                    return false;
                }
                if (test.cuts(olderCount, newerCount, olderSum, newerSum)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Drops the oldest bucket: the step by which ADWIN shrinks its window after a cut. */
    void dropOldest() {
        int last = rows.size() - 1;
        Row row = rows.get(last);
        double size = 1L << last;
        double sum = row.sums[0];
        double deviations = row.deviations[0];
        width -= (long) size;
        total -= sum;
        double gap = sum / size - total / width;
        squaredDeviations -= deviations + size * width * gap * gap / (size + width);
        row.removeOldest(1);
        if (row.size == 0 && last > 0) {
            rows.remove(last);
        }
    }

    private void compress() {
        for (int r = 0; r < rows.size() && rows.get(r).size > maxBuckets; r++) {
            if (r + 1 == rows.size()) {
                rows.add(new Row(maxBuckets));
            }
            Row row = rows.get(r);
            double size = 1L << r;
            double gap = row.sums[0] / size - row.sums[1] / size;
            double between = size * size * gap * gap / (size + size);
            rows.get(r + 1).append(row.sums[0] + row.sums[1], row.deviations[0] + row.deviations[1] + between);
            row.removeOldest(2);
        }
    }

    /** The buckets of one size, oldest first. */
    private static final class Row {
        final double[] sums;
        final double[] deviations;
        int size;

        Row(int maxBuckets) {
            sums = new double[maxBuckets + 1];
            deviations = new double[maxBuckets + 1];
        }

        void append(double sum, double squaredDeviations) {
            sums[size] = sum;
            deviations[size] = squaredDeviations;
            size++;
        }

        void removeOldest(int count) {
            System.arraycopy(sums, count, sums, 0, size - count);
            System.arraycopy(deviations, count, deviations, 0, size - count);
            size -= count;
        }
    }
}
