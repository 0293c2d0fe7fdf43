package dev.samuel.inference.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.monitoring.PerformanceRecord;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeSourcesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theNewestExamplesAreTakenByLabelTimeSoALateStragglerDoesNotPullTheStartBack() {
        var sources = new ChangeSources(1000);
        // Labels 0..99 of train/0 are the old concept, 100..149 the new; the task that judged labels 90..99 lagged,
        // so they were written after the first new ones.
        for (int i = 0; i < 90; i++) {
            sources.add(result("m.train", 0, i));
        }
        for (int i = 100; i < 120; i++) {
            sources.add(result("m.train", 0, i));
        }
        for (int i = 90; i < 100; i++) {
            sources.add(result("m.train", 0, i));
        }
        for (int i = 120; i < 150; i++) {
            sources.add(result("m.test", 1, i));
        }

        var start = sources.startOfLast(50);

        assertThat(start.offsets()).isEqualTo(Map.of("m.train/0", 100L, "m.test/1", 120L));
        assertThat(start.timestamp()).isEqualTo(T0.plusSeconds(100));
    }

    @Test
    void moreThanItHoldsStartsAtTheOldestItHolds() {
        var sources = new ChangeSources(10);
        for (int i = 0; i < 30; i++) {
            sources.add(result("m.train", 2, i));
        }

        assertThat(sources.startOfLast(500).offsets()).isEqualTo(Map.of("m.train/2", 20L));
        sources.clear();
        assertThat(sources.startOfLast(5).offsets()).isEmpty();
    }

    /** A judged example whose label, at {@code offset}, was written {@code offset} seconds after T0. */
    private static PerformanceRecord result(String topic, int partition, long offset) {
        return new PerformanceRecord("e" + offset, "m", 1, false, 0.1, true, 0.0, 10L, topic, partition, offset,
                T0.plusSeconds(offset));
    }
}
