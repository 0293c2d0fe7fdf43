package dev.samuel.plumbing.streams;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.avro.RegistryUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/** A dead stream thread is replaced, unless threads keep dying; waiting for the schema registry is no death. */
class StreamThreadRestartsTest {

    static final Exception LOST_TRANSACTION = new InvalidTxnStateException("the broker lost the transaction");

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T00:00:00Z"));
    final StreamThreadRestarts restarts = new StreamThreadRestarts("test", now::get, Duration.ofMillis(1));

    @Test
    void aDeadThreadIsReplacedUpToTheLimitWithinTheWindow() {
        for (int i = 0; i < StreamThreadRestarts.MAX_RESTARTS; i++) {
            assertThat(restarts.handle(LOST_TRANSACTION)).as("death %d", i + 1).isEqualTo(REPLACE_THREAD);
            now.set(now.get().plusSeconds(10));
        }
        assertThat(restarts.handle(LOST_TRANSACTION)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void deathsOlderThanTheWindowNoLongerCount() {
        for (int i = 0; i < StreamThreadRestarts.MAX_RESTARTS; i++) {
            restarts.handle(LOST_TRANSACTION);
        }
        now.set(now.get().plus(StreamThreadRestarts.WINDOW).plus(Duration.ofSeconds(1)));
        assertThat(restarts.handle(LOST_TRANSACTION)).isEqualTo(REPLACE_THREAD);
    }

    @Test
    void aRegistryOutageReplacesTheThreadWithoutCounting() {
        var outage = new StreamsException(new RegistryUnavailableException("the schema registry cannot be reached"));
        for (int i = 0; i < 3 * StreamThreadRestarts.MAX_RESTARTS; i++) {
            assertThat(restarts.handle(outage)).as("wait %d", i + 1).isEqualTo(REPLACE_THREAD);
        }
        for (int i = 0; i < StreamThreadRestarts.MAX_RESTARTS; i++) {
            assertThat(restarts.handle(LOST_TRANSACTION)).isEqualTo(REPLACE_THREAD);
        }
        assertThat(restarts.handle(LOST_TRANSACTION)).isEqualTo(SHUTDOWN_CLIENT);
    }
}
