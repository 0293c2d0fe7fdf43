package dev.samuel.reliability;

import dev.samuel.cli.demo.Concept;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.UnlabelledEvent;
import dev.samuel.contracts.serde.SamuelSerdes;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.testkit.fuzz.MalformedRecords;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A user's producer, streaming labelled examples and unlabelled events at a steady rate on its own thread, and
 * remembering every key the broker acknowledged. It rides out a broker that is down for a while (idempotent,
 * long delivery timeout), so whatever is lost afterwards is lost by the platform, not by this producer.
 *
 * <p>A careless user too: one malformed example and one malformed event ride along with every ten good ones, and
 * the platform owes each of them a dead letter.
 */
final class Stream implements AutoCloseable {

    private static final Duration CLOSE = Duration.ofMinutes(1);
    private static final int GOOD_PER_BAD = 10;
    // The classifier Platform registers (4 features, 3 classes) and ingest's default samuel.ingest.max-record-bytes.
    private static final int FEATURES = 4;
    private static final int CLASSES = 3;
    private static final int MAX_RECORD_BYTES = 1_048_576;
    // Heavy records are up to a megabyte each: a few keep the big-record paths covered without flooding the broker.
    private static final double HEAVY_SHARE = 0.02;

    private final ModelTopics topics;
    private final String prefix;
    private final KafkaProducer<String, LabelledExample> labelled;
    private final KafkaProducer<String, UnlabelledEvent> unlabelled;
    private final KafkaProducer<String, byte[]> malformed;
    private final MalformedRecords exampleFuzz;
    private final MalformedRecords eventFuzz;
    private final Concept concept = new Concept(11);
    private final Set<String> examples = ConcurrentHashMap.newKeySet();
    private final Set<String> events = ConcurrentHashMap.newKeySet();
    private final Set<String> badExamples = ConcurrentHashMap.newKeySet();
    private final Set<String> badEvents = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tooLarge = new AtomicInteger();
    private final Thread thread;
    private final int perSecond;
    private volatile boolean running = true;
    private volatile Exception failure;

    Stream(Map<String, Object> kafka, ModelTopics topics, String prefix, int perSecond) {
        var config = new HashMap<>(kafka);
        // Ride out a broker restart: wait for metadata and keep retrying for up to three minutes.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000);
        this.topics = topics;
        this.prefix = prefix;
        this.perSecond = perSecond;
        this.labelled = new KafkaProducer<>(config, new StringSerializer(),
                SamuelSerdes.labelled(Encoding.JSON).serializer());
        this.unlabelled = new KafkaProducer<>(config, new StringSerializer(),
                SamuelSerdes.unlabelled(Encoding.JSON).serializer());
        this.malformed = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        // Seeded by the prefix: a failure names its stream, and the same prefix sends the same bad records again.
        this.exampleFuzz = MalformedRecords.labelled(prefix.hashCode(), FEATURES, CLASSES, MAX_RECORD_BYTES)
                .heavyShare(HEAVY_SHARE);
        this.eventFuzz = MalformedRecords.unlabelled(~prefix.hashCode(), FEATURES).heavyShare(HEAVY_SHARE);
        this.thread = new Thread(this::run, "reliability-stream-" + prefix);
    }

    Stream start() {
        thread.start();
        return this;
    }

    private void run() {
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        for (long n = 0; running && failure == null; n++) {
            var sample = concept.next();
            var example = prefix + "-x" + n;
            var event = prefix + "-e" + n;
            labelled.send(new ProducerRecord<>(topics.labelled().name(), example,
                    new LabelledExample(sample.features(), Label.of(sample.label()), null)), (m, e) -> acked(examples, example, e));
            unlabelled.send(new ProducerRecord<>(topics.unlabelled().name(), event,
                    new UnlabelledEvent(sample.features())), (m, e) -> acked(events, event, e));
            if (n % GOOD_PER_BAD == GOOD_PER_BAD - 1) {
                sendMalformed(topics.labelled().name(), prefix + "-bx" + n / GOOD_PER_BAD, exampleFuzz, badExamples);
                sendMalformed(topics.unlabelled().name(), prefix + "-be" + n / GOOD_PER_BAD, eventFuzz, badEvents);
            }
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void sendMalformed(String topic, String key, MalformedRecords fuzz, Set<String> keys) {
        var sample = fuzz.malformed();
        malformed.send(new ProducerRecord<>(topic, null, key, sample.value(), sample.headers()), (m, e) -> {
            if (e instanceof RecordTooLargeException) {
                // Over the producer's max.request.size (1 MiB, like the broker's limit): it never left this process,
                // so the platform owes it nothing. Ingest's own 1 MiB limit is thus out of reach of a default client.
                tooLarge.incrementAndGet();
            } else {
                acked(keys, key, e);
            }
        });
    }

    private void acked(Set<String> keys, String key, Exception error) {
        if (error != null) {
            failure = error;
        } else {
            keys.add(key);
        }
    }

    /** Stops sending and waits until every record sent is acknowledged. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        // Bounded: a producer that cannot deliver within the timeout fails the test here instead of hanging it.
        labelled.close(CLOSE);
        unlabelled.close(CLOSE);
        malformed.close(CLOSE);
        if (failure != null) {
            throw new IllegalStateException("the producer lost records: " + failure.getMessage(), failure);
        }
    }

    Set<String> examples() {
        return Set.copyOf(examples);
    }

    Set<String> events() {
        return Set.copyOf(events);
    }

    /** Keys of the malformed labelled examples the broker acknowledged. */
    Set<String> badExamples() {
        return Set.copyOf(badExamples);
    }

    /** Keys of the malformed unlabelled events the broker acknowledged. */
    Set<String> badEvents() {
        return Set.copyOf(badEvents);
    }

    /** Malformed records the producer refused to send, being larger than a request may be. */
    int tooLarge() {
        return tooLarge.get();
    }
}
