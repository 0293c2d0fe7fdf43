package dev.samuel.contracts.registry;

import dev.samuel.contracts.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the registry topic from its beginning into a {@link RegistryState}, on its own thread, for as
 * long as the service runs. It is caught up once it has read to the end the topic had when it started.
 */
public final class RegistryFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryFollower.class);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.REGISTRY.name(), 0);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final RegistryState state;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicLong skipped = new AtomicLong();
    private final Object progress = new Object();
    private volatile long position;
    private volatile Throwable failure;

    private RegistryFollower(Map<String, Object> config, RegistryState state) {
        this.consumer = new KafkaConsumer<>(config, Topics.REGISTRY.keySerde().deserializer(), new ByteArrayDeserializer());
        this.state = state;
        this.thread = new Thread(this::run, "samuel-registry-follower");
        this.thread.setDaemon(true);
    }

    public static RegistryFollower start(Map<String, Object> kafka, String instance, RegistryState state) {
        var follower = new RegistryFollower(settings(kafka, instance), state);
        follower.thread.start();
        return follower;
    }

    private static Map<String, Object> settings(Map<String, Object> base, String instance) {
        var config = new HashMap<>(base);
        // Names this instance's follower in broker logs and client metrics.
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "samuel-registry-follower-" + instance);
        // Only committed changes are state: an aborted or fenced writer's records are never applied.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The follower assigns the partition itself and always reads from the start: no group, no offsets.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The registry creates its topic with checked settings; a consumer must not create it with others.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return config;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Alive and not failed: it still applies every new change. */
    public boolean isFollowing() {
        return thread.isAlive() && failure == null;
    }

    /** The offset of the next record to apply. */
    public long position() {
        return position;
    }

    /** Records that could not be read as registry records, logged and skipped. */
    public long skipped() {
        return skipped.get();
    }

    /** Waits until the record at {@code offset} is applied; false when {@code timeout} passed first. */
    public boolean awaitApplied(long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (position <= offset && isFollowing()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                progress.wait(left);
            }
        }
        return position > offset;
    }

    private void run() {
        try {
            consumer.assign(List.of(PARTITION));
            consumer.seekToBeginning(List.of(PARTITION));
            // With read_committed this is the last stable offset: everything committed before we started.
            long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
            while (true) {
                consumer.poll(POLL).forEach(this::apply);
                advance(consumer.position(PARTITION));
                if (position >= end) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException closing) {
            // close() woke the consumer up: the service is stopping.
        } catch (Throwable e) {
            failure = e;
            LOG.error("Stopped following {}", Topics.REGISTRY.name(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            advance(position);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            skip(record, "it has no key");
            return;
        }
        try {
            RegistryRecord value = Topics.REGISTRY.valueSerde().deserializer().deserialize(record.topic(), record.value());
            state.apply(record.key(), value);
        } catch (SerializationException e) {
            skip(record, e.getMessage());
        }
    }

    /** One unreadable record must not stop the registry: it is not state, and the log keeps it for inspection. */
    private void skip(ConsumerRecord<String, byte[]> record, String why) {
        skipped.incrementAndGet();
        LOG.error("Skipping unreadable record at offset {} of {} (key {}): {}", record.offset(), record.topic(),
                record.key(), why);
    }

    private void advance(long newPosition) {
        synchronized (progress) {
            position = newPosition;
            progress.notifyAll();
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
