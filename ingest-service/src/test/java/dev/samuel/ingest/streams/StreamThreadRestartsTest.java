package dev.samuel.ingest.streams;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.junit.jupiter.api.Test;

/** A dead stream thread is replaced, unless threads keep dying. */
class StreamThreadRestartsTest {

    static final Exception LOST_TRANSACTION = new InvalidTxnStateException("the broker lost the transaction");

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T00:00:00Z"));
    final StreamThreadRestarts restarts = new StreamThreadRestarts(now::get);

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
}
