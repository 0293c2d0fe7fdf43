package dev.samuel.trainer.kafka;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.kafka.FollowerStatus;
import dev.samuel.plumbing.kafka.TopicFollower;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Every job on {@code samuel.jobs}, as its latest record, followed from the topic's beginning by every trainer: what
 * any trainer answers about any job, and where the trainer that takes a model over finds its jobs. A record that is
 * not a job (anyone may write to the topic) is skipped and counted.
 *
 * <p>A job's records share its key and so its partition, in order. Should the topic's partitions have been added to
 * while a job ran, its later records land in another partition; the later record by timestamp wins then.
 */
public final class JobBoard implements AutoCloseable {

    private record Entry(JobRecord job, int partition, long offset, long timestamp) {

        boolean isBefore(Entry other) {
            return partition == other.partition ? offset < other.offset : timestamp <= other.timestamp;
        }
    }

    private final Map<String, Entry> latest = new ConcurrentHashMap<>();
    private final TopicFollower follower;
    private final Consumer<JobRecord> changed;

    /**
     * @param instance names this trainer's follower in broker logs and client metrics
     * @param changed  told of each job's new latest record, on the follower's thread
     */
    public JobBoard(Map<String, Object> kafka, String instance, Consumer<JobRecord> changed) {
        this.changed = changed;
        this.follower = new TopicFollower("samuel-trainer-jobs-" + instance, kafka, this::apply)
                .follow(List.of(Topics.JOBS.name()));
    }

    public JobBoard start() {
        follower.start();
        return this;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    /** Waits until every record before these end offsets is applied: false when {@code timeout} passed first. */
    public boolean awaitRead(Map<TopicPartition, Long> ends, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (var end : ends.entrySet()) {
            var left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (end.getValue() > 0 && !follower.awaitApplied(end.getKey(), end.getValue() - 1, left)) {
                return false;
            }
        }
        return true;
    }

    public Optional<JobRecord> job(String id) {
        return Optional.ofNullable(latest.get(id)).map(Entry::job);
    }

    /** The jobs of a model, oldest request first. */
    public List<JobRecord> jobs(String model) {
        return latest.values().stream().map(Entry::job).filter(job -> job.model().equals(model))
                .sorted(Comparator.comparing(JobRecord::requestedAt)).toList();
    }

    /** The models that have jobs. */
    public Set<String> models() {
        return latest.values().stream().map(entry -> entry.job().model()).collect(Collectors.toSet());
    }

    public FollowerStatus status() {
        return follower.status();
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("it has no key");
        }
        var id = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            latest.remove(id);
            return;
        }
        var job = Topics.JOBS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        var entry = new Entry(job, record.partition(), record.offset(), record.timestamp());
        var kept = latest.merge(id, entry, (old, now) -> old.isBefore(now) ? now : old);
        if (kept == entry) {
            changed.accept(job);
        }
    }

    @Override
    public void close() throws InterruptedException {
        follower.close();
    }
}
