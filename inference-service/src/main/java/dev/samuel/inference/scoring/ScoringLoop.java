package dev.samuel.inference.scoring;

import dev.samuel.inference.swap.Champions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exactly-once consume-score-produce loop: a transaction holds its polls' predictions, dead letters and input
 * offsets, committed together or not at all, every {@link LoopSettings#commitInterval()} (the trade-off between
 * latency and throughput: docs/design.md, "Commit cadence"). A failed transaction is aborted and its partitions
 * rewound to their first polled record (the committed offset), so it is scored again. An error the producer
 * cannot recover from (fenced, out of sequence) replaces both clients; the group's committed offsets then say
 * where to resume. Subscribes to the unlabelled topics of the models being served.
 */
public final class ScoringLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringLoop.class);

    private final LoopSettings settings;
    private final Champions champions;
    private final PollScorer scorer;
    private final Thread thread;
    private volatile boolean running = true;
    private final MeterRegistry meters;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean polling;

    public ScoringLoop(LoopSettings settings, Champions champions, PollScorer scorer, MeterRegistry meters) {
        this.settings = settings;
        this.champions = champions;
        this.scorer = scorer;
        this.meters = meters;
        this.thread = new Thread(this::run, "samuel-inference-scoring");
    }

    public ScoringLoop start() {
        thread.start();
        return this;
    }

    /** Alive and connected: the readiness check. */
    public boolean isRunning() {
        return thread.isAlive() && polling;
    }

    private void run() {
        while (running) {
            try (var consumer = new KafkaConsumer<>(settings.consumer(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
                 var producer = new KafkaProducer<>(settings.producer(), new ByteArraySerializer(),
                         new ByteArraySerializer());
                 // The consumer's lag (kafka_consumer_fetch_manager_records_lag_max) and fetch rates, on /q/metrics.
                 var clientMetrics = new KafkaClientMetrics(consumer)) {
                clientMetrics.bindTo(meters);
                this.consumer = consumer;
                producer.initTransactions();
                polling = true;
                loop(consumer, producer);
            } catch (WakeupException stopping) {
                return;
            } catch (Exception e) {
                polling = false;
                LOG.error("Scoring clients failed; replacing them, resuming from the committed offsets", e);
                pause(1000);
            }
        }
    }

    private void loop(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer) throws Exception {
        var transactions = new Transactions(consumer, producer);
        long generation = -1;
        Map<String, String> routes = Map.of();
        while (running) {
            if (generation != champions.generation()) {
                generation = champions.generation();
                routes = champions.routes();
                transactions.commit();
                subscribe(consumer, routes, transactions);
            }
            if (routes.isEmpty()) {
                pause(settings.pollTimeout().toMillis());
                continue;
            }
            var records = consumer.poll(transactions.nextPollTimeout());
            if (!records.isEmpty()) {
                transactions.score(records, routes);
            }
            if (records.isEmpty() || transactions.due()) {
                transactions.commit();
            }
        }
        transactions.commit();
    }

    private static void subscribe(KafkaConsumer<byte[], byte[]> consumer, Map<String, String> routes,
                                  ConsumerRebalanceListener listener) {
        if (routes.isEmpty()) {
            consumer.unsubscribe();
        } else if (!consumer.subscription().equals(routes.keySet())) {
            consumer.subscribe(List.copyOf(routes.keySet()), listener);
            LOG.info("Scoring {}", routes.keySet());
        }
    }

    /**
     * The clients' transactions: begun by the first scored poll, committed once {@link LoopSettings#commitInterval()}
     * has passed or a poll finds nothing more, and before the group takes a partition away (its offsets must go with
     * the transaction that scored it). A failed transaction is aborted and every poll it held is rewound.
     */
    private final class Transactions implements ConsumerRebalanceListener {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final KafkaProducer<byte[], byte[]> producer;
        private ScoringTransaction open;

        Transactions(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer) {
            this.consumer = consumer;
            this.producer = producer;
        }

        Duration nextPollTimeout() {
            return open == null ? settings.pollTimeout() : open.remaining(settings.commitInterval());
        }

        boolean due() {
            return open != null && open.due(settings.commitInterval());
        }

        void score(ConsumerRecords<byte[], byte[]> records, Map<String, String> routes) throws Exception {
            if (open == null) {
                producer.beginTransaction();
                open = new ScoringTransaction();
            }
            try {
                var outcome = scorer.score(records, routes, producer);
                open.add(records, outcome);
                ScoringTransaction.rewind(consumer, records, outcome.unserved());
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
                pause(1000);
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

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        var current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.join(30_000);
    }
}
