package dev.samuel.registry.log;

import dev.samuel.registry.domain.ChangeWriter;
import dev.samuel.plumbing.kafka.RegistryFollower;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.kafka.TopicEnsurer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/**
 * The registry's state in Kafka: checks the topic, takes the writer role (fencing an older writer with the same
 * identity), then reads the topic to its end. The order matters: once this instance holds the writer identity,
 * no older writer can commit, so the end it reads to is final and its state complete before it allocates.
 */
public final class RegistryLog implements AutoCloseable {

    /** How to open the log; {@code writerId} empty for a read-only replica. */
    public record Settings(Map<String, Object> kafka, Optional<String> writerId, short replicationFactor,
                           Duration catchUpTimeout, Duration applyTimeout) {
    }

    private final RegistryState state;
    private final RegistryFollower follower;
    private final Optional<RegistryWriter> writer;

    private RegistryLog(RegistryState state, RegistryFollower follower, Optional<RegistryWriter> writer) {
        this.state = state;
        this.follower = follower;
        this.writer = writer;
    }

    public static RegistryLog open(Settings settings, RegistryState state) throws InterruptedException {
        ensureTopic(settings);
        var producer = settings.writerId().map(id -> RegistryWriter.fencingProducer(settings.kafka(), id));
        var follower = RegistryFollower.start(settings.kafka(), UUID.randomUUID().toString(), state);
        var writer = producer.map(p -> new RegistryWriter(p, settings.writerId().get(), follower, state,
                settings.applyTimeout()));
        var log = new RegistryLog(state, follower, writer);
        if (!follower.awaitCaughtUp(settings.catchUpTimeout())) {
            log.close();
            throw new IllegalStateException("The model registry could not read " + Topics.REGISTRY.name()
                    + " to its end within " + settings.catchUpTimeout()
                    + " (samuel.registry.catch-up-timeout)");
        }
        return log;
    }

    /** Creates the topic when it is missing; refuses to go on when an existing one would lose state. */
    private static void ensureTopic(Settings settings) {
        try (var admin = Admin.create(settings.kafka())) {
            new TopicEnsurer(admin, Optional.of(settings.replicationFactor())).ensure(List.of(Topics.REGISTRY));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The model registry refuses to start: " + e.getMessage(), e);
        }
    }

    public RegistryState state() {
        return state;
    }

    public RegistryFollower follower() {
        return follower;
    }

    public Optional<ChangeWriter> writer() {
        return writer.map(ChangeWriter.class::cast);
    }

    /** {@code writer}, {@code fenced} or {@code read-only}. */
    public String role() {
        return writer.map(w -> w.isFenced() ? "fenced" : "writer").orElse("read-only");
    }

    @Override
    public void close() throws InterruptedException {
        writer.ifPresent(RegistryWriter::close);
        follower.close();
    }
}
