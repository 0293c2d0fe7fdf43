package dev.samuel.plumbing.streams;

import dev.samuel.contracts.avro.RegistryUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kafka Streams does with a stream thread that died: a new thread takes over its tasks. Kafka's default shuts
 * the whole client down, and the service would stay up doing nothing: after a broker's crash a commit can find its
 * transaction gone ({@code InvalidTxnStateException}), and one such commit stopped ingest for good. Exactly-once
 * makes the replacement safe: the new thread's producer fences the old one, whose open transaction is aborted, and
 * the tasks go on from their last committed offsets. A failure that keeps coming back is no passing fault: past
 * {@value #MAX_RESTARTS} restarts within {@link #WINDOW}, the client shuts down and the health check says so.
 * A schema registry that does not answer is not the stream's fault and does not count: a stream's reader waits for it
 * up to {@link #REGISTRY_PATIENCE} where it reads the record, then the thread dies, is replaced after
 * {@link #REGISTRY_WAIT} and tries the record again (its partitions come back after the group's session timeout),
 * for as long as the registry is away.
 */
public final class StreamThreadRestarts implements StreamsUncaughtExceptionHandler {

    public static final int MAX_RESTARTS = 5;
    public static final Duration WINDOW = Duration.ofMinutes(5);
    public static final Duration REGISTRY_WAIT = Duration.ofSeconds(1);
    /**
     * How long a stream thread's reader waits for the registry before its thread gives up: well below Kafka Streams'
     * max.poll.interval.ms (5 minutes), so the thread keeps its partitions. Past the transaction timeout the open
     * transaction is aborted, and the thread goes on from the last commit, as exactly-once recovers from any abort.
     */
    public static final Duration REGISTRY_PATIENCE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadRestarts.class);

    private final String client;
    private final InstantSource clock;
    private final Duration registryWait;
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private long registryWaits;

    /** {@code client}: which streams client this is, for the logs ("ingest", "judge"). */
    public StreamThreadRestarts(String client) {
        this(client, InstantSource.system(), REGISTRY_WAIT);
    }

    StreamThreadRestarts(String client, InstantSource clock, Duration registryWait) {
        this.client = client;
        this.clock = clock;
        this.registryWait = registryWait;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        if (causedBy(exception, RegistryUnavailableException.class)) {
            return waitForRegistry(exception);
        }
        return count(exception);
    }

    private synchronized StreamThreadExceptionResponse count(Throwable exception) {
        var now = clock.instant();
        while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(WINDOW))) {
            restarts.removeFirst();
        }
        if (restarts.size() >= MAX_RESTARTS) {
            LOG.error("A stream thread of {} died for the {}. time within {}: shutting its streams down", client,
                    MAX_RESTARTS + 1, WINDOW, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        restarts.addLast(now);
        LOG.warn("A stream thread of {} died; a new one takes over its tasks", client, exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    // Runs on the dying thread, so the wait delays only its replacement; once a minute is enough to log it.
    private StreamThreadExceptionResponse waitForRegistry(Throwable exception) {
        long waits;
        synchronized (this) {
            waits = registryWaits++;
        }
        if (waits % 60 == 0) {
            LOG.warn("{} waits for the schema registry (record not processed, retried every {}): {}", client,
                    registryWait, exception.getMessage());
        }
        try {
            Thread.sleep(registryWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
