package dev.samuel.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.job.JobRecord;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleWindowTest {

    @Test
    void keepsTheMostRecentExamplesUpToItsCapacity() {
        var window = new ExampleWindow(3);
        for (int i = 0; i < 5; i++) {
            window.put("id-" + i, held(i));
        }

        assertThat(window.size()).isEqualTo(3);
        assertThat(window.snapshot()).extracting(e -> e.features()[0]).containsExactly(2f, 3f, 4f);
    }

    @Test
    void aResentIdIsARelabelThatCountsAsNewest() {
        var window = new ExampleWindow(3);
        window.put("a", held(1));
        window.put("b", held(2));
        window.put("a", held(9));
        window.put("c", held(3));
        window.put("d", held(4));

        assertThat(window.snapshot()).extracting(e -> e.features()[0]).containsExactly(9f, 3f, 4f);
    }

    @Test
    void aTombstoneRemovesTheExample() {
        var window = new ExampleWindow(3);
        window.put("a", held(1));
        window.remove("a");

        assertThat(window.size()).isZero();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new ExampleWindow(0)).hasMessageContaining("capacity must be > 0");
    }

    /**
     * A job's data start: partition 0 of the train topic from offset 2 on, partition 1 whole (a key of another topic
     * lists it), and every partition not listed from the timestamp on.
     */
    @Test
    void aDataStartKeepsTheExamplesAtOrAfterItsOffsetsAndElsewhereItsTimestamp() {
        var window = new ExampleWindow(20);
        long t0 = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli();
        for (int offset = 0; offset < 4; offset++) {
            window.put("p0-" + offset, new Held(example(offset), "m.train", 0, offset, t0 + offset));
            window.put("p1-" + offset, new Held(example(10 + offset), "m.train", 1, offset, t0 + offset));
            window.put("p2-" + offset, new Held(example(20 + offset), "m.train", 2, offset, t0 + offset));
        }
        var start = new JobRecord.DataStart(Map.of("m.train/0", 2L, "m.train/1", 0L, "m.labelled/2", 3L),
                Instant.ofEpochMilli(t0 + 3));

        assertThat(window.snapshot(DataStartFilter.of(start))).extracting(e -> e.features()[0])
                .containsExactly(10f, 11f, 2f, 12f, 3f, 13f, 23f);
        assertThat(window.snapshot(DataStartFilter.of(new JobRecord.DataStart(Map.of("m.train/2", 1L), null))))
                .extracting(e -> e.features()[0]).containsExactly(0f, 10f, 1f, 11f, 21f, 2f, 12f, 22f, 3f, 13f, 23f);
        assertThat(window.snapshot()).hasSize(12);
    }

    @Test
    void aDataStartKeyMustNameATopicAndAPartition() {
        for (var key : new String[] {"m.train", "m.train/", "/0", "m.train/x", "m.train/-1"}) {
            assertThatThrownBy(() -> DataStartFilter.of(new JobRecord.DataStart(Map.of(key, 0L), null)))
                    .hasMessage("dataFrom.offsets key '" + key + "' is not <topic>/<partition>");
        }
    }

    static Held held(float value) {
        return new Held(example(value), "m.train", 0, (long) value, 0L);
    }

    static ResolvedExample example(float value) {
        return new ResolvedExample(new float[] {value}, new float[] {0}, 1f);
    }
}
