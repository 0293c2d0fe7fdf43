package dev.samuel.ingest.streams;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * What Kafka Streams does with a stream thread that died: a new thread takes over its tasks. Kafka's default shuts
 * the whole client down, and ingest would stay up doing nothing: after a broker's crash a commit can find its
 * transaction gone ({@code InvalidTxnStateException}), and one such commit stopped ingest for good. Exactly-once
 * makes the replacement safe: the new thread's producer fences the old one, whose open transaction is aborted, and
 * the tasks go on from their last committed offsets. A failure that keeps coming back is no passing fault: past
 * {@value #MAX_RESTARTS} restarts within {@link #WINDOW}, the client shuts down and the health check says so.
 */
@ApplicationScoped
public class StreamThreadRestarts implements StreamsUncaughtExceptionHandler {

    static final int MAX_RESTARTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(StreamThreadRestarts.class);

    private final Deque<Instant> restarts = new ArrayDeque<>();
    private final InstantSource clock;

    public StreamThreadRestarts() {
        this(InstantSource.system());
    }

    StreamThreadRestarts(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        var now = clock.instant();
        while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(WINDOW))) {
            restarts.removeFirst();
        }
        if (restarts.size() >= MAX_RESTARTS) {
            LOG.errorf(exception, "A stream thread died for the %d. time within %s: shutting ingest's streams down",
                    MAX_RESTARTS + 1, WINDOW);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        restarts.addLast(now);
        LOG.warnf(exception, "A stream thread died; a new one takes over its tasks");
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
