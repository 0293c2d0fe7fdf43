package dev.samuel.registry.log;

import dev.samuel.registry.domain.ChangeWriter;
import dev.samuel.contracts.registry.RegistryFollower;
import dev.samuel.contracts.registry.RegistryState;
import java.time.Duration;
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
        try (var admin = Admin.create(settings.kafka())) {
            RegistryTopicGuard.ensure(admin, settings.replicationFactor());
        }
        var producer = settings.writerId().map(id -> RegistryWriter.fencingProducer(settings.kafka(), id));
        var follower = RegistryFollower.start(settings.kafka(), UUID.randomUUID().toString(), state);
        var writer = producer.map(p -> new RegistryWriter(p, settings.writerId().get(), follower, state,
                settings.applyTimeout()));
        var log = new RegistryLog(state, follower, writer);
        if (!follower.awaitCaughtUp(settings.catchUpTimeout())) {
            log.close();
            throw new IllegalStateException("The model registry could not read " + dev.samuel.contracts.topic.Topics
                    .REGISTRY.name() + " to its end within " + settings.catchUpTimeout()
                    + " (samuel.registry.catch-up-timeout)");
        }
        return log;
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
