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
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends a model's labelled examples and unlabelled events, keyed by id, each encoded by a {@link RowEncoder}: the
 * platform's JSON or f32le, or Avro records of a registered schema. Sends are asynchronous; {@link #flush()} waits
 * for them and fails if any failed, so nothing is lost silently.
 */
public final class EventProducer implements AutoCloseable {

    /** How a row becomes the value of a record on {@code topic}; it may announce its encoding in {@code headers}. */
    @FunctionalInterface
    public interface RowEncoder {
        byte[] encode(String topic, Row row, Headers headers);
    }

    private final ModelTopics topics;
    private final RowEncoder encoder;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public EventProducer(Map<String, Object> kafka, ModelTopics topics, Encoding encoding) {
        this(kafka, topics, encoder(encoding));
    }

    public EventProducer(Map<String, Object> kafka, ModelTopics topics, RowEncoder encoder) {
        this.topics = topics;
        this.encoder = encoder;
        this.producer = new KafkaProducer<>(settings(kafka), new StringSerializer(), new ByteArraySerializer());
    }

    /** The platform's own formats, written by their serdes, which announce f32le in the header. */
    public static RowEncoder encoder(Encoding encoding) {
        var labelled = SamuelSerdes.labelled(encoding).serializer();
        var unlabelled = SamuelSerdes.unlabelled(encoding).serializer();
        return (topic, row, headers) -> row.labelled() ? labelled.serialize(topic, headers, row.example())
                : unlabelled.serialize(topic, headers, row.event());
    }

    private static Map<String, Object> settings(Map<String, Object> kafka) {
        var config = new HashMap<>(kafka);
        // Batches of many examples: far higher throughput for a bulk load, at 20 ms of latency.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        return config;
    }

    /** A labelled row to the model's labelled topic, an unlabelled one to its unlabelled topic. */
    public void send(Row row) {
        var topic = (row.labelled() ? topics.labelled() : topics.unlabelled()).name();
        var headers = new RecordHeaders();
        var value = encoder.encode(topic, row, headers);
        producer.send(new ProducerRecord<>(topic, null, row.id(), value, headers), this::acknowledge);
    }

    public void send(String id, LabelledExample example) {
        send(new Row(id, example.features(), example.label(), example.weight()));
    }

    public void send(String id, UnlabelledEvent event) {
        send(new Row(id, event.features(), null, null));
    }

    private void acknowledge(Object metadata, Exception error) {
        if (error != null) {
            failure.compareAndSet(null, error);
        }
    }

    public void flush() {
        producer.flush();
        var error = failure.get();
        if (error != null) {
            throw new IllegalStateException("Kafka refused records: " + error.getMessage(), error);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
