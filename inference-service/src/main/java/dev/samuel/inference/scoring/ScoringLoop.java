package dev.samuel.inference.scoring;

import dev.samuel.inference.swap.Champions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
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
        var transactions = new ScoringTransactions(consumer, producer, scorer, settings.commitInterval());
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
            var records = consumer.poll(transactions.nextPollTimeout(settings.pollTimeout()));
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

    static void pause(long millis) {
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
