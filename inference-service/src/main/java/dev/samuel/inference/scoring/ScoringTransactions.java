package dev.samuel.inference.scoring;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring loop's transactions over one pair of clients: begun by the first scored poll, committed once the commit
 * interval ({@link LoopSettings#commitInterval()}) has passed, and before the group takes a partition away (its offsets
 * must go with the transaction that scored it); aborted when the group has lost them. A failed transaction is aborted
 * and every poll it held is rewound, so its events are scored again.
 */
final class ScoringTransactions implements ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringTransactions.class);

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final PollScorer scorer;
    private final Duration interval;
    private OpenTransaction open;

    ScoringTransactions(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, PollScorer scorer,
                        Duration interval) {
        this.consumer = consumer;
        this.producer = producer;
        this.scorer = scorer;
        this.interval = interval;
    }

    /** Until the next poll: the poll timeout with no transaction open, else what is left of the interval. */
    Duration nextPollTimeout(Duration pollTimeout) {
        return open == null ? pollTimeout : open.remaining(interval);
    }

    boolean due() {
        return open != null && open.due(interval);
    }

    void score(ConsumerRecords<byte[], byte[]> records, Map<String, String> routes) throws Exception {
        if (open == null) {
            producer.beginTransaction();
            open = new OpenTransaction();
        }
        try {
            var outcome = scorer.score(records, routes, producer);
            open.add(records, outcome);
            OpenTransaction.rewind(consumer, records, outcome.unserved());
        } catch (Exception e) {
            open.add(records, new PollScorer.Outcome(Map.of(), List.of()));
            fail(e);
        }
    }

    void commit() throws Exception {
        if (open == null) {
            return;
        }
        try {
            if (!open.offsets().isEmpty()) {
                producer.sendOffsetsToTransaction(open.offsets(), consumer.groupMetadata());
            }
            producer.commitTransaction();
            open = null;
            scorer.committed();
        } catch (Exception e) {
            fail(e);
        }
    }

    private void fail(Exception e) throws Exception {
        scorer.aborted();
        var failed = open;
        open = null;
        if (e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException
                || e instanceof OutOfOrderSequenceException || e instanceof AuthorizationException
                || e instanceof UnsupportedVersionException) {
            throw e;
        }
        LOG.warn("A transaction of {} events failed; aborting it and scoring them again", failed.events(), e);
        producer.abortTransaction();
        failed.rewind(consumer);
        if (!(e instanceof KafkaException)) {
            ScoringLoop.pause(1000);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (open != null) {
            LOG.info("Partitions {} leave this instance: committing the open transaction of {} events first",
                    partitions, open.events());
        }
        try {
            commit();
        } catch (Exception e) {
            throw new KafkaException("cannot end the scoring transaction before a rebalance", e);
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // the committed offsets say where to start
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // Another member may own them already: their offsets can no longer be committed, so nothing scored is kept.
        if (open != null) {
            scorer.aborted();
            open = null;
            producer.abortTransaction();
        }
    }
}
