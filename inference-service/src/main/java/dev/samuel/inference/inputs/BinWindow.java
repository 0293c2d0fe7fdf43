package dev.samuel.inference.inputs;

import dev.samuel.contracts.monitoring.InputSummary;
import java.util.Arrays;

/**
 * The bins of the last {@code size} scored events, per feature, by the served version's {@link InputSummary}: a ring
 * of bin indices (a byte per feature and event: at most 10 bins) beside the counts per feature and bin, so an event
 * slides in and the oldest out in O(features), and the PSI is read from the counts at any moment.
 */
final class BinWindow {

    private final InputSummary summary;
    private final int size;
    private final int width;
    private final byte[] ring;
    private final long[] timestamps;
    private final int[][] counts;
    private int next;
    private int filled;

    BinWindow(InputSummary summary, int size) {
        this.summary = summary;
        this.size = size;
        this.width = summary.features().size();
        this.ring = new byte[size * width];
        this.timestamps = new long[size];
        this.counts = new int[width][];
        for (int f = 0; f < width; f++) {
            counts[f] = new int[summary.features().get(f).bins()];
        }
    }

    /** One scored event's features (as many as the summary has) and its timestamp. */
    void add(float[] features, long timestamp) {
        int at = next * width;
        boolean full = isFull();
        for (int f = 0; f < width; f++) {
            int bin = summary.features().get(f).bin(features[f]);
            if (full) {
                counts[f][ring[at + f]]--;
            }
            ring[at + f] = (byte) bin;
            counts[f][bin]++;
        }
        timestamps[next] = timestamp;
        next = (next + 1) % size;
        filled = Math.min(size, filled + 1);
    }

    boolean isFull() {
        return filled == size;
    }

    /** The timestamp of the oldest event in the window. */
    long firstTimestamp() {
        return timestamps[isFull() ? next : 0];
    }

    /** Each feature's PSI over the events in the window, against the summary. */
    double[] psi() {
        return summary.psi(counts, filled);
    }

    /** Forgets every event: the window fills again from the next one. */
    void clear() {
        for (var perFeature : counts) {
            Arrays.fill(perFeature, 0);
        }
        next = 0;
        filled = 0;
    }
}
