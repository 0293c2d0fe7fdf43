package dev.samuel.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.job.JobRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitStoreTest {

    @TempDir
    Path root;

    DatasetStore store;

    @BeforeEach
    void open() {
        store = DatasetStore.open(root, "test", 1 << 30);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aResentIdIsARelabelThatCountsAsNewestAndATombstoneRemovesTheExample() {
        var split = store.split("m", "train", "m.train");
        put(split, "a", 1);
        put(split, "b", 2);
        put(split, "a", 9);
        put(split, "c", 3);
        split.remove(id("b"));
        split.remove(id("never-sent"));

        assertThat(split.size()).isEqualTo(2);
        assertThat(values(split.snapshot(RecordFilter.ALL))).containsExactly(9f, 3f);
    }

    @Test
    void rowsComeBackAsTheyWereWrittenWithTextMissingValuesAndWideRows() {
        var split = store.split("m", "train", "m.train");
        var categorical = new ResolvedExample(new float[] {Float.NaN, -2.5f}, new String[] {"größe", ""},
                new float[] {0.25f, 7f}, 0.5f);
        var wide = new ResolvedExample(new float[300_000], new float[] {3}, 1f);
        wide.features()[299_999] = 42f;
        split.put(id("text"), categorical, 0, 0, 0);
        split.put(id("wide"), wide, 0, 1, 0);
        put(split, "after", 5);

        var read = split.snapshot(RecordFilter.ALL).examples();

        assertThat(read.get(0).features()).containsExactly(Float.NaN, -2.5f);
        assertThat(read.get(0).categories()).containsExactly("größe", "");
        assertThat(read.get(0).target()).containsExactly(0.25f, 7f);
        assertThat(read.get(0).weight()).isEqualTo(0.5f);
        assertThat(read.get(1).features()).hasSize(300_000).endsWith(42f);
        assertThat(read.get(1).classIndex()).isEqualTo(3);
        assertThat(read.get(2).features()).containsExactly(5f);
        assertThat(read.get(2).categories()).isEmpty();
    }

    /** An epoch's buffer is read straight into columns: the same rows as read one by one, in the order asked for. */
    @Test
    void rowsReadIntoColumnsAreTheRowsAskedForInTheirOrder() {
        var split = store.split("m", "train", "m.train");
        for (int i = 0; i < 10; i++) {
            split.put(id("id-" + i), new ResolvedExample(new float[] {i, -i}, new String[] {"c" + i},
                    new float[] {i % 3}, 1f + i), 0, i, 0);
        }
        var seen = new java.util.ArrayList<Float>();

        split.snapshot(RecordFilter.ALL).forEachShuffledBuffer(1, 10, 10, buffer -> {
            assertThat(buffer.rows()).isEqualTo(10);
            assertThat(buffer.featureWidth()).isEqualTo(2);
            for (int row = 0; row < 10; row++) {
                float value = buffer.features()[2 * row];
                assertThat(buffer.features()[2 * row + 1]).isEqualTo(-value);
                assertThat(buffer.categories()[row]).isEqualTo("c" + (int) value);
                assertThat(buffer.targets()[row]).isEqualTo(value % 3);
                assertThat(buffer.weights()[row]).isEqualTo(1f + value);
                seen.add(value);
            }
        });
        assertThat(seen).containsExactlyInAnyOrder(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f)
                .isNotEqualTo(List.of(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f));
    }

    @Test
    void aSnapshotReadsItsOwnRowsWhileMoreAreWritten() {
        var split = store.split("m", "train", "m.train");
        for (int i = 0; i < 5_000; i++) {
            put(split, "id-" + i, i);
        }
        var before = split.snapshot(RecordFilter.ALL);
        for (int i = 0; i < 5_000; i++) {
            put(split, "id-" + i, -1 - i);
        }

        assertThat(before.size()).isEqualTo(5_000);
        assertThat(values(before)).startsWith(0f, 1f, 2f).endsWith(4_999f);
        assertThat(values(split.snapshot(RecordFilter.ALL))).startsWith(-1f, -2f).endsWith(-5_000f);
    }

    /** A job stopped mid-read (its thread interrupted) must not close the file the follower goes on writing. */
    @Test
    void anInterruptedReaderLeavesTheSplitWritable() {
        var split = store.split("m", "train", "m.train");
        put(split, "a", 1);
        var snapshot = split.snapshot(RecordFilter.ALL);

        Thread.currentThread().interrupt();
        try {
            assertThat(values(snapshot)).containsExactly(1f);
        } finally {
            Thread.interrupted();
        }
        put(split, "b", 2);
        assertThat(values(split.snapshot(RecordFilter.ALL))).containsExactly(1f, 2f);
    }

    /**
     * A job's data start: partition 0 of the train topic from offset 2 on, partition 1 whole (a key of another topic
     * lists it), and every partition not listed from the timestamp on.
     */
    @Test
    void aDataStartKeepsTheExamplesAtOrAfterItsOffsetsAndElsewhereItsTimestamp() {
        var split = store.split("m", "train", "m.train");
        long t0 = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli();
        for (int offset = 0; offset < 4; offset++) {
            split.put(id("p0-" + offset), example(offset), 0, offset, t0 + offset);
            split.put(id("p1-" + offset), example(10 + offset), 1, offset, t0 + offset);
            split.put(id("p2-" + offset), example(20 + offset), 2, offset, t0 + offset);
        }
        var start = new JobRecord.DataStart(Map.of("m.train/0", 2L, "m.train/1", 0L, "m.labelled/2", 3L),
                Instant.ofEpochMilli(t0 + 3));

        assertThat(values(split.snapshot(DataStartFilter.of(start)))).containsExactly(10f, 11f, 2f, 12f, 3f, 13f, 23f);
        assertThat(values(split.snapshot(DataStartFilter.of(new JobRecord.DataStart(Map.of("m.train/2", 1L), null)))))
                .containsExactly(0f, 10f, 1f, 11f, 21f, 2f, 12f, 22f, 3f, 13f, 23f);
        assertThat(split.snapshot(RecordFilter.ALL).size()).isEqualTo(12);
    }

    @Test
    void aDataStartKeyMustNameATopicAndAPartition() {
        for (var key : new String[] {"m.train", "m.train/", "/0", "m.train/x", "m.train/-1"}) {
            assertThatThrownBy(() -> DataStartFilter.of(new JobRecord.DataStart(Map.of(key, 0L), null)))
                    .hasMessage("dataFrom.offsets key '" + key + "' is not <topic>/<partition>");
        }
    }

    @Test
    void theBudgetRefusesWhatWouldPassItAndADeletedSplitGivesItsBytesBack() {
        int row = RowCodec.size(example(0));
        try (var small = DatasetStore.open(root, "small", 3L * row)) {
            var train = small.split("m", "train", "m.train");
            var test = small.split("m", "test", "m.test");
            put(train, "a", 1);
            put(train, "b", 2);
            put(test, "c", 3);
            put(test, "d", 4);
            put(train, "a", 5);

            assertThat(train.refused() + test.refused()).isEqualTo(2);
            // A refused relabel retires the old label rather than keep it.
            assertThat(values(train.snapshot(RecordFilter.ALL))).containsExactly(2f);
            assertThat(small.usedBytes()).isEqualTo(3L * row);

            train.delete();
            assertThat(small.usedBytes()).isEqualTo(row);
            assertThatThrownBy(() -> train.snapshot(RecordFilter.ALL))
                    .hasMessage("the examples of m.train were removed from this trainer: it no longer owns the model,"
                            + " or the model was deleted");
            put(test, "e", 6);
            assertThat(values(test.snapshot(RecordFilter.ALL))).containsExactly(3f, 6f);
        }
    }

    @Test
    void aStoreLeftByATrainerThatDiedIsRemovedAndALiveOneKeptAndClosingRemovesItsOwn() throws Exception {
        var dead = Files.createDirectory(root.resolve("dead-1"));
        Files.writeString(dead.resolve("lock"), "");
        Files.write(dead.resolve("m.1.train"), new byte[1000]);
        var other = Files.createDirectory(root.resolve("not-a-store"));

        var second = DatasetStore.open(root, "second", 1000);
        assertThat(dead).doesNotExist();
        assertThat(other).exists();
        assertThat(store.directory()).exists();
        assertThat(second.directory()).exists().isNotEqualTo(store.directory());
        second.close();
        assertThat(second.directory()).doesNotExist();
        assertThat(Files.list(root).map(Path::getFileName).map(Path::toString).toList())
                .containsExactlyInAnyOrder(store.directory().getFileName().toString(), "not-a-store");
    }

    @Test
    void manyIdsStayApartThroughGrowthAndRemoval() {
        var index = new IdIndex();
        for (int i = 0; i < 100_000; i++) {
            assertThat(index.put(id("id-" + i), i)).isEqualTo(-1);
        }
        for (int i = 0; i < 100_000; i += 2) {
            assertThat(index.remove(id("id-" + i))).isEqualTo(i);
        }
        for (int i = 0; i < 100_000; i++) {
            assertThat(index.put(id("id-" + i), 200_000 + i)).isEqualTo(i % 2 == 0 ? -1 : i);
        }
    }

    static void put(SplitStore split, String id, float value) {
        split.put(id(id), example(value), 0, (long) value, 0L);
    }

    static long id(String id) {
        return IdIndex.hash(id.getBytes(StandardCharsets.UTF_8));
    }

    static ResolvedExample example(float value) {
        return new ResolvedExample(new float[] {value}, new float[] {0}, 1f);
    }

    static List<Float> values(ExampleSet set) {
        return set.examples().stream().map(e -> e.features()[0]).toList();
    }
}
