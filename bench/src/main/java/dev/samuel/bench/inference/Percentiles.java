package dev.samuel.bench.inference;

import java.util.List;

/** p50 and p99 of some millisecond samples (nearest rank). */
record Percentiles(long p50, long p99) {

    static Percentiles of(List<Long> samples) {
        if (samples.isEmpty()) {
            return new Percentiles(-1, -1);
        }
        var sorted = samples.stream().sorted().toList();
        return new Percentiles(rank(sorted, 0.50), rank(sorted, 0.99));
    }

    private static long rank(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
