package dev.samuel.plumbing.kafka;

import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows the registry topic from its beginning into a {@link RegistryState}, on its own thread, for as long as
 * the service runs. It is caught up once it has read to the end the topic had when it started. A record that is
 * not a registry record (not JSON of a known type, or without a key) is logged, counted and skipped: it is not
 * state, and the log keeps it for inspection.
 */
public final class RegistryFollower implements AutoCloseable {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.REGISTRY.name(), 0);

    private final TopicFollower follower;

    private RegistryFollower(TopicFollower follower) {
        this.follower = follower;
    }

    /** @param instance names this instance's follower in broker logs and client metrics */
    public static RegistryFollower start(Map<String, Object> kafka, String instance, RegistryState state) {
        var follower = new TopicFollower("samuel-registry-follower-" + instance, kafka,
                RecordHandler.decoding(Topics.REGISTRY, state::apply));
        return new RegistryFollower(follower.follow(List.of(Topics.REGISTRY.name())).start());
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    public boolean isCaughtUp() {
        return follower.isCaughtUp();
    }

    /** Alive and not failed: it still applies every new change. */
    public boolean isFollowing() {
        return follower.isFollowing();
    }

    /** The offset of the next record to apply. */
    public long position() {
        return Math.max(0, follower.position(PARTITION));
    }

    /** Records that could not be read as registry records, logged and skipped. */
    public long skipped() {
        return follower.skipped();
    }

    /** Waits until the record at {@code offset} is applied; false when {@code timeout} passed first. */
    public boolean awaitApplied(long offset, Duration timeout) throws InterruptedException {
        return follower.awaitApplied(PARTITION, offset, timeout);
    }

    public FollowerStatus status() {
        return follower.status();
    }

    @Override
    public void close() throws InterruptedException {
        follower.close();
    }
}
