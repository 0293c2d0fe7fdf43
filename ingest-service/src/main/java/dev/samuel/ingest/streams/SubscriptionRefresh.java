package dev.samuel.ingest.streams;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * Lets the topology pick up a new labelled topic at once. A pattern subscription only matches topics created since
 * the consumer's last metadata refresh ({@code metadata.max.age.ms}, 10 s here, 5 minutes by default), so a new
 * model's first examples waited that long, plus the rebalance. When a model's topics exist, {@link #request()}
 * makes each stream thread's consumer rejoin its group at its next poll: a rejoining consumer with a pattern
 * subscription refreshes its metadata first, so the new topic is in the assignment that follows.
 *
 * <p>The clients are Kafka Streams' defaults otherwise. Quarkus hands Streams this supplier because it is a bean.
 * It serves the classic group protocol, Streams' default; the streams protocol (KIP-1071) has no patterns.
 */
@ApplicationScoped
public class SubscriptionRefresh implements KafkaClientSupplier {

    private final AtomicLong requests = new AtomicLong();

    /** Asks every stream thread to rejoin its group, once, at its next poll. */
    public void request() {
        requests.incrementAndGet();
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return new RefreshingConsumer(config, requests);
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A stream thread's main consumer. The rejoin is asked for on the consumer's own thread, in its poll: a
     * consumer may not be touched from another thread.
     */
    static final class RefreshingConsumer extends KafkaConsumer<byte[], byte[]> {

        private final AtomicLong requests;
        private long served;

        RefreshingConsumer(Map<String, Object> config, AtomicLong requests) {
            super(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            this.requests = requests;
            this.served = requests.get();
        }

        @Override
        public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            long asked = requests.get();
            if (asked != served) {
                served = asked;
                enforceRebalance("a model was registered: its labelled topic may be new");
            }
            return super.poll(timeout);
        }
    }
}
