package dev.samuel.plumbing.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a follower has read: the position of every partition, and whether it has reached the end each
 * partition had when following it began. Written by the follower's thread, awaited by others.
 */
final class FollowerProgress {

    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> ends = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Object monitor = new Object();

    /** Following the partition began when it ended at {@code end}; its position is known after the next poll. */
    void started(TopicPartition partition, long end) {
        ends.put(partition, end);
    }

    /**
     * The topics are to be dropped: no wait for them counts them read until they are followed again and read to
     * their new end (their positions stay until {@link #forget} drops them with the assignment).
     */
    void unfollowed(Collection<String> topics) {
        synchronized (monitor) {
            ends.keySet().removeIf(partition -> topics.contains(partition.topic()));
        }
    }

    /** The topics are no longer followed: following them again starts anew. */
    void forget(Collection<String> topics) {
        synchronized (monitor) {
            positions.keySet().removeIf(partition -> topics.contains(partition.topic()));
            ends.keySet().removeIf(partition -> topics.contains(partition.topic()));
        }
    }

    void moved(TopicPartition partition, long position) {
        synchronized (monitor) {
            positions.put(partition, position);
            monitor.notifyAll();
        }
    }

    /** Counts as caught up once, when nothing is waiting to be followed and every start-time end is read. */
    void check(boolean nothingPending) {
        if (nothingPending && ends.entrySet().stream().allMatch(e -> position(e.getKey()) >= e.getValue())) {
            caughtUp.countDown();
        }
    }

    /** Wakes those waiting for a position: the follower stopped. */
    void stopped() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until every partition of the topics is read to the end it had when following it began; false on timeout.
     * A topic not found yet has no partitions to read, so it is not caught up.
     */
    boolean awaitCaughtUpOn(Collection<String> topics, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!caughtUpOn(topics)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.min(left, 100));
            }
        }
        return true;
    }

    private boolean caughtUpOn(Collection<String> topics) {
        for (var topic : topics) {
            var partitions = ends.keySet().stream().filter(partition -> partition.topic().equals(topic)).toList();
            if (partitions.isEmpty() || partitions.stream().anyMatch(p -> position(p) < ends.get(p))) {
                return false;
            }
        }
        return true;
    }

    /** Records still to read before every followed partition reaches the end it had when following it began. */
    long toCatchUp() {
        long left = 0;
        for (var end : ends.entrySet()) {
            left += Math.max(0, end.getValue() - Math.max(0, position(end.getKey())));
        }
        return left;
    }

    /** The offset of the next record to read from the partition; -1 before it is followed. */
    long position(TopicPartition partition) {
        return positions.getOrDefault(partition, -1L);
    }

    Map<TopicPartition, Long> positions() {
        return Map.copyOf(positions);
    }

    /** Waits until the partition's position is past {@code offset}; false on timeout or when {@code alive} fails. */
    boolean awaitPast(TopicPartition partition, long offset, Duration timeout, BooleanSupplier alive)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (position(partition) <= offset && alive.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                monitor.wait(left);
            }
        }
        return position(partition) > offset;
    }
}
