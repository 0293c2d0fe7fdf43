package dev.samuel.trainer.data;

import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.event.ResolvedExample;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * What the trainer holds of one model: its train and test examples, on disk ({@link SplitStore}), how far into each
 * partition it has read, how many examples it left out because the current spec does not accept them, and how many
 * the disk budget refused. Written by the follower thread, read by jobs through {@link #snapshot()}.
 */
public final class ModelData {

    private final SplitStore train;
    private final SplitStore test;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Map<String, Long> dropped = new TreeMap<>();

    ModelData(SplitStore train, SplitStore test) {
        this.train = train;
        this.test = test;
    }

    void put(boolean isTest, long id, ResolvedExample example, int partition, long offset, long timestamp) {
        (isTest ? test : train).put(id, example, partition, offset, timestamp);
    }

    void remove(boolean isTest, long id) {
        (isTest ? test : train).remove(id);
    }

    synchronized void advance(TopicPartition partition, long nextOffset) {
        positions.put(partition, nextOffset);
    }

    synchronized void dropped(RejectReason reason) {
        dropped.merge(reason.code(), 1L, Long::sum);
    }

    /** Removes the model's files: it is no longer followed. */
    void delete() {
        train.delete();
        test.delete();
    }

    /** What is held, without copying it: example counts per split, the offsets read, and what was left out. */
    public synchronized Summary summary() {
        return new Summary(train.size(), test.size(), lineage(positions), Map.copyOf(dropped), refused());
    }

    /**
     * Example counts per split, the offsets read as {@code offset.<topic>-<partition> -> next offset}, the
     * examples left out by reason ({@code wrong_dimension}, ...) since the trainer started, and the examples the
     * trainer's disk budget refused to store ({@code samuel.trainer.store-budget}).
     */
    public record Summary(int train, int test, Map<String, String> offsets, Map<String, Long> dropped,
                          long refusedByBudget) {
    }

    /** Examples of either split the disk budget refused: a job on what is left would train on part of the data. */
    public long refused() {
        return train.refused() + test.refused();
    }

    /** Bytes the model's files take, retired rows included. */
    public long bytes() {
        return train.bytes() + test.bytes();
    }

    /** How many examples of a split are held. */
    public int size(boolean isTest) {
        return (isTest ? test : train).size();
    }

    /** The sum over a topic's partitions of the next offset to read: how far into the topic the data goes. */
    public synchronized long readUpTo(String topic) {
        return positions.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public Snapshot snapshot() {
        return snapshot(RecordFilter.ALL);
    }

    /**
     * The examples whose record {@code keep} keeps (such as a {@link DataStartFilter}), with the offsets read: the
     * offsets are where the data ends, whatever was left out at its start.
     */
    public synchronized Snapshot snapshot(RecordFilter keep) {
        return new Snapshot(train.snapshot(keep), test.snapshot(keep), Map.copyOf(positions));
    }

    /** The data a job trains and evaluates on, and the offsets it was read up to (its lineage). */
    public record Snapshot(ExampleSet train, ExampleSet test, Map<TopicPartition, Long> offsets) {

        /** Offsets as {@code offset.<topic>-<partition> -> next offset}, for the version's lineage. */
        public Map<String, String> lineage() {
            return ModelData.lineage(offsets);
        }
    }

    private static final String OFFSET = "offset.";

    private static Map<String, String> lineage(Map<TopicPartition, Long> offsets) {
        var lineage = new HashMap<String, String>();
        offsets.forEach((partition, offset) -> lineage.put(OFFSET + partition, Long.toString(offset)));
        return lineage;
    }

    /** The sum of a topic's offsets in a job's lineage: where its data ended. */
    public static long readUpTo(Map<String, String> lineage, String topic) {
        var prefix = OFFSET + topic + "-";
        return lineage.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().substring(prefix.length()).matches("\\d+"))
                .mapToLong(e -> Long.parseLong(e.getValue())).sum();
    }
}
