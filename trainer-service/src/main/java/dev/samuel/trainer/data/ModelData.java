package dev.samuel.trainer.data;

import dev.samuel.contracts.event.RejectReason;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/**
 * What the trainer holds of one model: the latest train and test examples, bounded, how far into each
 * partition it has read, and how many examples it left out because the current spec does not accept them.
 * Written by the follower thread, read by jobs through {@link #snapshot()}.
 */
public final class ModelData {

    private final ExampleWindow train;
    private final ExampleWindow test;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Map<String, Long> dropped = new TreeMap<>();

    ModelData(int capacity) {
        this.train = new ExampleWindow(capacity);
        this.test = new ExampleWindow(capacity);
    }

    synchronized void put(boolean isTest, String id, Held example) {
        (isTest ? test : train).put(id, example);
    }

    synchronized void remove(boolean isTest, String id) {
        (isTest ? test : train).remove(id);
    }

    synchronized void advance(TopicPartition partition, long nextOffset) {
        positions.put(partition, nextOffset);
    }

    synchronized void dropped(RejectReason reason) {
        dropped.merge(reason.code(), 1L, Long::sum);
    }

    /** What is held, without copying it: example counts per split, the offsets read, and what was left out. */
    public synchronized Summary summary() {
        return new Summary(train.size(), test.size(), lineage(positions), Map.copyOf(dropped));
    }

    /**
     * Example counts per split, the offsets read as {@code offset.<topic>-<partition> -> next offset}, and the
     * examples left out by reason ({@code wrong_dimension}, ...) since the trainer started.
     */
    public record Summary(int train, int test, Map<String, String> offsets, Map<String, Long> dropped) {
    }

    /** How many examples of a split are held. */
    public synchronized int size(boolean isTest) {
        return (isTest ? test : train).size();
    }

    /** The sum over a topic's partitions of the next offset to read: how far into the topic the data goes. */
    public synchronized long readUpTo(String topic) {
        return positions.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public synchronized Snapshot snapshot() {
        return snapshot(held -> true);
    }

    /**
     * The examples whose record passes {@code keep} (such as a {@link DataStartFilter}), with the offsets read: the
     * offsets are where the data ends, whatever was left out at its start.
     */
    public synchronized Snapshot snapshot(Predicate<Held> keep) {
        return new Snapshot(new ExampleSet(train.snapshot(keep)), new ExampleSet(test.snapshot(keep)),
                Map.copyOf(positions));
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
