package dev.samuel.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BucketWindowTest {

    /**
     * Merged buckets keep the exact sum of squared deviations (the parallel-variance rule), so the window's variance
     * is that of its inputs however they were grouped, before and after the oldest buckets are dropped.
     */
    @Test
    void keepsTheExactVarianceOfItsInputs() {
        double[] values = new SplittableRandom(7).doubles(10_000).map(x -> x * x).toArray();
        BucketWindow window = new BucketWindow(5);
        for (double value : values) {
            window.add(value);
        }

        assertThat(window.variance()).isCloseTo(variance(values), within(1e-12));

        long dropped = 0;
        for (int i = 0; i < 3; i++) {
            long before = window.width();
            window.dropOldest();
            dropped += before - window.width();
        }
        double[] kept = Arrays.copyOfRange(values, (int) dropped, values.length);
        assertThat(window.width()).isEqualTo(kept.length);
        assertThat(window.total()).isCloseTo(Arrays.stream(kept).sum(), within(1e-9));
        assertThat(window.variance()).isCloseTo(variance(kept), within(1e-12));
    }

    /** At most M buckets of each size, largest (oldest) first: the exponential histogram of ADWIN2. */
    @Test
    void holdsAtMostMBucketsOfEachSize() {
        BucketWindow window = new BucketWindow(2);
        for (int i = 0; i < 100; i++) {
            window.add(1);
        }
        List<Long> boundaries = new ArrayList<>(List.of(0L));
        window.anySplitCuts((olderCount, newerCount, olderSum, newerSum) -> boundaries.add(olderCount) && false);
        boundaries.add(window.width());
        List<Long> sizes = new ArrayList<>();
        for (int i = 1; i < boundaries.size(); i++) {
            sizes.add(boundaries.get(i) - boundaries.get(i - 1));
        }

        // 100 inputs in rows of at most two buckets: 32 + 16 + 16 + 8 + 8 + 4 + 4 + 2 + 2 + 1 + 1 + ... = 100.
        assertThat(sizes).hasSize(window.buckets()).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(sizes.stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
        assertThat(sizes).allMatch(size -> Long.bitCount(size) == 1)
                .allMatch(size -> Collections.frequency(sizes, size) <= 2);
    }

    private static double variance(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Arrays.stream(values).map(x -> (x - mean) * (x - mean)).sum() / values.length;
    }
}
