package dev.samuel.reliability;

import dev.samuel.cli.demo.Concept;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.UnlabelledEvent;
import dev.samuel.contracts.serde.SamuelSerdes;
import dev.samuel.contracts.topic.ModelTopics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A user's producer, streaming labelled examples and unlabelled events at a steady rate on its own thread, and
 * remembering every key the broker acknowledged. It rides out a broker that is down for a while (idempotent,
 * long delivery timeout), so whatever is lost afterwards is lost by the platform, not by this producer.
 */
final class Stream implements AutoCloseable {

    private static final Duration CLOSE = Duration.ofMinutes(1);

    private final ModelTopics topics;
    private final String prefix;
    private final KafkaProducer<String, LabelledExample> labelled;
    private final KafkaProducer<String, UnlabelledEvent> unlabelled;
    private final Concept concept = new Concept(11);
    private final Set<String> examples = ConcurrentHashMap.newKeySet();
    private final Set<String> events = ConcurrentHashMap.newKeySet();
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
}
