package dev.samuel.registry.log;

import dev.samuel.contracts.registry.RegistryRecord;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.registry.domain.Change;
import dev.samuel.registry.domain.ChangeWriter;
import dev.samuel.registry.domain.RegistryException;
import dev.samuel.plumbing.kafka.RegistryFollower;
import dev.samuel.contracts.registry.RegistryState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.jboss.logging.Logger;

/**
 * The one writer of the registry log. A change is decided, written in one transaction and awaited until the
 * follower has applied it, all under one lock: the next decision always sees the previous change. Another
 * instance started with the same writer identity fences this one; from then on every write is refused.
 */
public final class RegistryWriter implements ChangeWriter, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RegistryWriter.class);

    private final KafkaProducer<String, RegistryRecord> producer;
    private final String writerId;
    private final RegistryFollower follower;
    private final RegistryState state;
    private final Duration applyTimeout;
    private volatile boolean fenced;

    RegistryWriter(KafkaProducer<String, RegistryRecord> producer, String writerId, RegistryFollower follower,
                   RegistryState state, Duration applyTimeout) {
        this.producer = producer;
        this.writerId = writerId;
        this.follower = follower;
        this.state = state;
        this.applyTimeout = applyTimeout;
    }

    /** A producer with the writer identity, after {@code initTransactions()}: older writers with it are fenced. */
    static KafkaProducer<String, RegistryRecord> fencingProducer(java.util.Map<String, Object> kafka, String writerId) {
        var producer = new KafkaProducer<>(KafkaSettings.writer(kafka, writerId), Topics.REGISTRY.keySerde().serializer(),
                Topics.REGISTRY.valueSerde().serializer());
        try {
            producer.initTransactions();
            return producer;
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    public boolean isFenced() {
        return fenced;
    }

    @Override
    public synchronized <T> T write(Function<RegistryState, Change<T>> decide) {
        if (fenced) {
            throw fencedError();
        }
        var change = decide.apply(state);
        if (change.entries().isEmpty()) {
            return change.result();
        }
        long lastOffset = commit(change);
        awaitApplied(lastOffset);
        return change.result();
    }

    private long commit(Change<?> change) {
        try {
            producer.beginTransaction();
            var sent = new ArrayList<Future<RecordMetadata>>();
            for (var entry : change.entries()) {
                sent.add(producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), entry.key(), entry.value())));
            }
            producer.commitTransaction();
            return sent.get(sent.size() - 1).get().offset();
        } catch (KafkaException | ExecutionException e) {
            if (isFencing(e)) {
                fenced = true;
                LOG.errorf("Fenced: another instance started with writer identity '%s'; this one serves reads only",
                        writerId);
                throw fencedError();
            }
            abort();
            throw new RegistryException(RegistryException.Kind.UNAVAILABLE,
                    "the change could not be written to " + Topics.REGISTRY.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.unavailable("interrupted while writing");
        }
    }

    private void awaitApplied(long offset) {
        try {
            if (!follower.awaitApplied(offset, applyTimeout)) {
                throw RegistryException.unavailable("the change is committed at offset " + offset + " of "
                        + Topics.REGISTRY.name() + " but was not read back within " + applyTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.unavailable("interrupted while waiting for the change to be applied");
        }
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            LOG.warnf("Could not abort the failed transaction: %s", e.getMessage());
        }
    }

    private static boolean isFencing(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private RegistryException fencedError() {
        return RegistryException.unavailable("this instance no longer writes: another instance started with writer"
                + " identity '" + writerId + "' and fenced it; send writes to that instance");
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
