package dev.samuel.cli.io;

import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.UnlabelledEvent;
import dev.samuel.contracts.serde.SamuelSerdes;
import dev.samuel.contracts.topic.ModelTopics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends a model's labelled examples and unlabelled events, keyed by id, in the chosen encoding. Sends are
 * asynchronous; {@link #flush()} waits for them and fails if any failed, so nothing is lost silently.
 */
public final class EventProducer implements AutoCloseable {

    private final ModelTopics topics;
    private final KafkaProducer<String, LabelledExample> labelled;
    private final KafkaProducer<String, UnlabelledEvent> unlabelled;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public EventProducer(Map<String, Object> kafka, ModelTopics topics, Encoding encoding) {
        this.topics = topics;
        var config = settings(kafka);
        this.labelled = new KafkaProducer<>(config, new StringSerializer(),
                SamuelSerdes.labelled(encoding).serializer());
        this.unlabelled = new KafkaProducer<>(config, new StringSerializer(),
                SamuelSerdes.unlabelled(encoding).serializer());
    }

    private static Map<String, Object> settings(Map<String, Object> kafka) {
        var config = new HashMap<>(kafka);
        // Batches of many examples: far higher throughput for a bulk load, at 20 ms of latency.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        return config;
    }

    public void send(Row row) {
        if (row.labelled()) {
            send(row.id(), row.example());
        } else {
            send(row.id(), row.event());
        }
    }

    public void send(String id, LabelledExample example) {
        labelled.send(new ProducerRecord<>(topics.labelled().name(), id, example), this::acknowledge);
    }

    public void send(String id, UnlabelledEvent event) {
        unlabelled.send(new ProducerRecord<>(topics.unlabelled().name(), id, event), this::acknowledge);
    }

    private void acknowledge(Object metadata, Exception error) {
        if (error != null) {
            failure.compareAndSet(null, error);
        }
    }

    public void flush() {
        labelled.flush();
        unlabelled.flush();
        var error = failure.get();
        if (error != null) {
            throw new IllegalStateException("Kafka refused records: " + error.getMessage(), error);
        }
    }

    @Override
    public void close() {
        labelled.close();
        unlabelled.close();
    }
}
