package dev.samuel.plumbing.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
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
    private final FollowerProgress progress = new FollowerProgress();
    private final FollowedPartitions partitions;
    private final Thread thread;
    private volatile boolean closing;
    private volatile Throwable failure;

    /** @param name the thread's name and the consumer's client id */
    public TopicFollower(String name, Map<String, Object> kafka, RecordHandler handler) {
        this.name = name;
        this.consumer = new KafkaConsumer<>(FollowerSettings.consumer(kafka, name), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.applier = new SkippingApplier(name, handler);
        this.partitions = new FollowedPartitions(name, consumer, progress);
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Follows these topics from their beginning; thread-safe, and a topic followed already is left as it is. */
    public TopicFollower follow(Collection<String> topics) {
        partitions.follow(topics);
        return this;
    }

    /**
     * Stops following these topics and forgets how far it read them: following them again reads them from their
     * beginning. A record of theirs polled already may still be applied.
     */
    public TopicFollower unfollow(Collection<String> topics) {
        partitions.unfollow(topics);
        return this;
    }

    /** Follows these partitions from these offsets (where an earlier read ended). */
    public TopicFollower followFrom(Map<TopicPartition, Long> offsets) {
        partitions.followFrom(offsets);
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

    /**
     * Waits until these topics, followed already, are read up to the end they had when following them began: what a
     * reader of one topic's state needs, where the follower as a whole may wait for other topics to appear.
     */
    public boolean awaitCaughtUpOn(Collection<String> topics, Duration timeout) throws InterruptedException {
        return progress.awaitCaughtUpOn(topics, timeout);
    }

    /**
     * Records (offsets) still to read before every followed partition reaches the end it had when following it began:
     * how far a follower that is rebuilding state from its topics has to go; 0 once it has, until a topic is followed
     * anew.
     */
    public long recordsToCatchUp() {
        return progress.toCatchUp();
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
            LOG.error("{} stopped following {}", name, partitions.assigned(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            progress.stopped();
        }
    }

    private void step() throws InterruptedException {
        partitions.assignNew();
        var assigned = partitions.assigned();
        if (assigned.isEmpty()) {
            // A consumer without partitions refuses to poll: wait for a topic to follow.
            progress.check(partitions.pending().isEmpty());
            partitions.pending().await(POLL);
            return;
        }
        try {
            for (var record : consumer.poll(POLL)) {
                applier.apply(record);
            }
        } catch (TopicAuthorizationException e) {
            partitions.deny(e.unauthorizedTopics());
            return;
        }
        for (var partition : assigned) {
            progress.moved(partition, consumer.position(partition));
        }
        progress.check(partitions.pending().isEmpty());
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        consumer.wakeup();
        partitions.pending().wake();
        if (thread.isAlive()) {
            thread.join(10_000);
        } else if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
