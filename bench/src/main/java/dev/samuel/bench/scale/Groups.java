package dev.samuel.bench.scale;

import dev.samuel.inference.support.GroupProgress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/** What the broker says of the service's consumer groups: who holds which partitions, and how far the judge is. */
record Groups(Admin admin, String scoringGroup, String judgeGroup) {

    /** Partitions of {@code topic} each member of the scoring group holds, by client id. */
    Map<String, Integer> holders(String topic) throws Exception {
        var group = admin.describeConsumerGroups(List.of(scoringGroup)).all().get().get(scoringGroup);
        var holders = new HashMap<String, Integer>();
        for (var member : group.members()) {
            int held = (int) member.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(topic))
                    .count();
            if (held > 0) {
                holders.put(member.clientId(), held);
            }
        }
        return holders;
    }

    /** Waits until {@code members} members hold {@code topic}'s {@code partitions} partitions evenly. */
    Map<String, Integer> awaitSpread(String topic, int partitions, int members, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        Map<String, Integer> holders = Map.of();
        while (System.nanoTime() < deadline) {
            holders = holders(topic);
            if (holders.size() == members && holders.values().stream().allMatch(n -> n == partitions / members)) {
                return holders;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(topic + " is held as " + holders + ", not by " + members + " members evenly");
    }

    /**
     * Waits until the judge has committed past everything on {@code predictions} and on its own topics (at most one
     * offset behind: a transaction marker); returns how long that took, or null if not within {@code patience}.
     */
    Duration awaitJudged(String predictions, int partitions, Duration patience) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < patience.toNanos()) {
            var committed = admin.listConsumerGroupOffsets(judgeGroup).partitionsToOffsetAndMetadata().get()
                    .entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            long held = committed.keySet().stream().filter(tp -> tp.topic().equals(predictions)).count();
            if (held == partitions && GroupProgress.behind(admin, committed) == 0) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(500);
        }
        return null;
    }
}
