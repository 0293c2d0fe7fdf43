package dev.samuel.inference.support;

import dev.samuel.contracts.event.BinaryCodec;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.UnlabelledEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Produces unlabelled events {@code e-<i>} with features in [-1, 1]; odd ones in the binary encoding. */
public final class Events implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final int features;
    private final Random random = new Random(11);

    public Events(String bootstrap, String topic, int features) {
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 5,
                "batch.size", 262144), new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.features = features;
    }

    public Future<RecordMetadata> send(int i) {
        var values = new float[features];
        for (int f = 0; f < features; f++) {
            values[f] = random.nextFloat() * 2 - 1;
        }
        var event = UnlabelledEvent.of(values);
        var headers = new RecordHeaders();
        byte[] value;
        if (i % 2 == 1) {
            headers.add(Encoding.HEADER, Encoding.F32LE.headerValue());
            value = BinaryCodec.write(event);
        } else {
            value = JsonWriter.write(event);
        }
        return producer.send(new ProducerRecord<>(topic, null, key(i), value, headers));
    }

    public Future<RecordMetadata> sendRaw(String key, byte[] value, String encoding) {
        var headers = new RecordHeaders();
        if (encoding != null) {
            headers.add(Encoding.HEADER, encoding.getBytes(StandardCharsets.UTF_8));
        }
        return producer.send(new ProducerRecord<>(topic, null, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value, headers));
    }

    /** Any value with any headers, e.g. a header without a value. */
    public Future<RecordMetadata> sendRaw(byte[] key, byte[] value, Headers headers) {
        return producer.send(new ProducerRecord<>(topic, null, key, value, headers));
    }

    public void flush() {
        producer.flush();
    }

    /**
     * Events 0 to {@code count - 1} in bursts of a thousand, {@code pause} apart, so that a test can act on the
     * service (kill it, start another instance) while the stream is still coming.
     */
    public void sendSlowly(int count, Duration pause) {
        for (int i = 0; i < count; i++) {
            send(i);
            if (i % 1000 == 999) {
                flush();
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while producing", e);
                }
            }
        }
        flush();
    }

    public static byte[] key(int i) {
        return ("e-" + i).getBytes(StandardCharsets.UTF_8);
    }

    public static int index(String id) {
        return Integer.parseInt(id.substring(2));
    }

    @Override
    public void close() {
        producer.close();
    }
}
