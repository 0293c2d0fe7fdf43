package dev.samuel.inference.support;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group has committed on a topic, as the broker says. */
public final class GroupProgress {

    private GroupProgress() {
    }

    /**
     * Waits until {@code group} has committed every partition of {@code topic} up to its end (the marker closing a
     * partition's last transaction aside): everything on it was processed, and its results committed.
     */
    public static void awaitConsumed(String bootstrap, String group, String topic, int partitions, Duration patience)
            throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long deadline = System.nanoTime() + patience.toNanos();
            long behind = -1;
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                        .entrySet().stream().filter(e -> e.getValue() != null && e.getKey().topic().equals(topic))
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                if (committed.size() == partitions) {
                    behind = behind(admin, committed);
                    if (behind == 0) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
            throw new AssertionError(group + " did not consume all of " + topic + " in " + patience
                    + (behind < 0 ? ": it committed no offset on some partition" : ": " + behind + " records behind"));
        }
    }

    /** Records a group has not committed past, by its committed offsets; a partition's last transaction marker aside. */
    public static long behind(Admin admin, Map<TopicPartition, Long> committed) throws Exception {
        var ends = admin.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        return committed.entrySet().stream()
                .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue() - 1)).sum();
    }
}
