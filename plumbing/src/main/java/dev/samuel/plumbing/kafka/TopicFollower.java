package dev.samuel.plumbing.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows topics from their beginning, on its own thread, for as long as the service runs: the one way the
 * platform rebuilds state from a topic (the registry, jobs, datasets). It has no group and commits nothing.
 * Topics can be added while it runs, and are picked up at once; a topic that does not exist yet is waited for.
 *
 * <p>A record the handler cannot apply is skipped, counted and logged, and following goes on. A topic it may not
 * read is logged and tried again every second while the others are followed. A failure it cannot survive (the
 * consumer's, such as a refused login) ends the thread; {@link #isFollowing()} then says so, for the service's
 * health check.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String name;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final SkippingApplier applier;
    private final PendingTopics pending = new PendingTopics();
    private final ConcurrentLinkedQueue<Map<TopicPartition, Long>> startsAt = new ConcurrentLinkedQueue<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final Set<String> denied = new HashSet<>();
    private final FollowerProgress progress = new FollowerProgress();
    private final Thread thread;
    private volatile boolean closing;
    private volatile Throwable failure;

    /** @param name the thread's name and the consumer's client id */
    public TopicFollower(String name, Map<String, Object> kafka, RecordHandler handler) {
        this.name = name;
        this.consumer = new KafkaConsumer<>(FollowerSettings.consumer(kafka, name), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.applier = new SkippingApplier(name, handler);
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Follows these topics from their beginning; thread-safe, and a topic followed already is left as it is. */
    public TopicFollower follow(Collection<String> topics) {
        pending.add(topics);
        return this;
    }

    /** Follows these partitions from these offsets (where an earlier read ended). */
    public TopicFollower followFrom(Map<TopicPartition, Long> offsets) {
        startsAt.add(Map.copyOf(offsets));
        return this;
    }

    public TopicFollower start() {
        thread.start();
        return this;
    }

    public String name() {
        return name;
    }

    /** Whether it has read every topic it followed from the start up to the end the topic had then. */
    public boolean isCaughtUp() {
        return progress.isCaughtUp();
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return progress.awaitCaughtUp(timeout);
    }

    /** Alive and not failed: it still applies every new record. */
    public boolean isFollowing() {
        return thread.isAlive() && failure == null && !closing;
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Records the handler could not apply, logged and skipped. */
    public long skipped() {
        return applier.skipped();
    }

    /** The offset of the next record to apply from the partition; -1 before it is followed. */
    public long position(TopicPartition partition) {
        return progress.position(partition);
    }

    /** Waits until the record at {@code offset} of the partition is applied; false when {@code timeout} passed first. */
    public boolean awaitApplied(TopicPartition partition, long offset, Duration timeout) throws InterruptedException {
        return progress.awaitPast(partition, offset, timeout, this::isFollowing);
    }

    public FollowerStatus status() {
        return new FollowerStatus(name, isFollowing(), isCaughtUp(), skipped(),
                failure().map(Throwable::toString).orElse(null));
    }

    private void run() {
        try {
            while (!closing) {
                try {
                    step();
                } catch (WakeupException e) {
                    // close() woke the consumer up: the loop ends.
                }
            }
        } catch (InterruptedException | InterruptException e) {
            // The service is stopping.
        } catch (Throwable e) {
            failure = e;
            LOG.error("{} stopped following {}", name, assigned, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            progress.stopped();
        }
    }

    private void step() throws InterruptedException {
        assignNew();
        if (assigned.isEmpty()) {
            // A consumer without partitions refuses to poll: wait for a topic to follow.
            progress.check(pending.isEmpty());
            pending.await(POLL);
            return;
        }
        try {
            for (var record : consumer.poll(POLL)) {
                applier.apply(record);
            }
        } catch (TopicAuthorizationException e) {
            deny(e.unauthorizedTopics());
            return;
        }
        for (var partition : assigned) {
            progress.moved(partition, consumer.position(partition));
        }
        progress.check(pending.isEmpty());
    }

    /** Assigns the partitions asked for since the last look, from the beginning or from the offsets given. */
    private void assignNew() {
        var starts = new HashMap<TopicPartition, Optional<Long>>();
        for (var offsets = startsAt.poll(); offsets != null; offsets = startsAt.poll()) {
            offsets.forEach((partition, offset) -> starts.put(partition, Optional.of(offset)));
        }
        var found = new ArrayList<String>();
        for (var topic : pending.due()) {
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(topic);
            } catch (TopicAuthorizationException e) {
                deny(Set.of(topic));
                continue;
            }
            if (partitions == null || partitions.isEmpty()) {
                pending.missing(topic);
            } else {
                partitions.forEach(p -> starts.put(new TopicPartition(topic, p.partition()), Optional.empty()));
                found.add(topic);
            }
        }
        if (starts.isEmpty()) {
            return;
        }
        var ends = consumer.endOffsets(starts.keySet());
        assigned.addAll(starts.keySet());
        consumer.assign(assigned);
        starts.forEach((partition, offset) -> {
            offset.ifPresentOrElse(o -> consumer.seek(partition, o), () -> consumer.seekToBeginning(Set.of(partition)));
            progress.started(partition, ends.get(partition));
        });
        found.forEach(pending::found);
    }

    /** Stops reading topics it may not read, and looks for them again later: the others must go on. */
    private void deny(Set<String> topics) {
        if (assigned.removeIf(partition -> topics.contains(partition.topic()))) {
            consumer.assign(assigned);
        }
        topics.forEach(pending::denied);
        for (var topic : topics) {
            if (denied.add(topic)) {
                LOG.error("{} may not read {}; it follows the other topics and tries again every {}", name, topic,
                        PendingTopics.LAST_RETRY);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        consumer.wakeup();
        if (thread.isAlive()) {
            thread.join(10_000);
        } else if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
