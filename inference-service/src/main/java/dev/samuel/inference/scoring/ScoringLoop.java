package dev.samuel.inference.scoring;

import dev.samuel.inference.swap.Champions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The exactly-once consume-score-produce loop: one transaction per poll holds the poll's predictions, its dead
 * letters and its input offsets, committed together or not at all. A failed poll is aborted and its partitions
 * rewound to the first polled record (the committed offset), so it is scored again. An error the producer
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
        long generation = -1;
        Map<String, String> routes = Map.of();
        while (running) {
            if (generation != champions.generation()) {
                generation = champions.generation();
                routes = champions.routes();
                subscribe(consumer, routes);
            }
            if (routes.isEmpty()) {
                pause(settings.pollTimeout().toMillis());
                continue;
            }
            var records = consumer.poll(settings.pollTimeout());
            if (!records.isEmpty()) {
                transact(consumer, producer, records, routes);
            }
        }
    }

    private static void subscribe(KafkaConsumer<byte[], byte[]> consumer, Map<String, String> routes) {
        if (routes.isEmpty()) {
            consumer.unsubscribe();
        } else if (!consumer.subscription().equals(routes.keySet())) {
            consumer.subscribe(List.copyOf(routes.keySet()));
            LOG.info("Scoring {}", routes.keySet());
        }
    }

    private void transact(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer,
                          ConsumerRecords<byte[], byte[]> records, Map<String, String> routes) throws Exception {
        producer.beginTransaction();
        try {
            var outcome = scorer.score(records, routes, producer);
            if (!outcome.offsets().isEmpty()) {
                producer.sendOffsetsToTransaction(outcome.offsets(), consumer.groupMetadata());
            }
            producer.commitTransaction();
            scorer.committed();
            rewind(consumer, records, outcome.unserved());
        } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                 | AuthorizationException | UnsupportedVersionException fatal) {
            scorer.aborted();
            throw fatal;
        } catch (Exception e) {
            LOG.warn("Scoring a poll of {} events failed; aborting and scoring it again", records.count(), e);
            scorer.aborted();
            producer.abortTransaction();
            rewind(consumer, records, List.copyOf(records.partitions()));
            if (!(e instanceof KafkaException)) {
                pause(1000);
            }
        }
    }

    private static void rewind(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records,
                               List<TopicPartition> partitions) {
        var firsts = new HashMap<TopicPartition, Long>();
        partitions.forEach(p -> firsts.put(p, records.records(p).get(0).offset()));
        firsts.forEach(consumer::seek);
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
