package dev.samuel.bench.inference;

import dev.samuel.contracts.event.JsonReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic as a read_committed user, from the beginning, on its own thread: counts records, times them
 * from the first seen to the last, and for predictions records the latency (arrival minus the event's
 * timestamp, which predictions keep) and when each version was first seen.
 */
public final class Observer implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final boolean predictions;
    private final Thread thread;
    private final Map<Integer, Long> firstSeenMillis = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private volatile boolean running = true;
    private volatile long seen;
    private volatile long firstNanos;
    private volatile long lastNanos;

    public Observer(String bootstrap, String topic, boolean predictions) {
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed",
                "max.partition.fetch.bytes", 8 << 20, "fetch.max.bytes", 64 << 20, "fetch.max.wait.ms", 10),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.predictions = predictions;
        var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "observer-" + topic);
        thread.start();
    }

    private void run() {
        while (running) {
            var records = consumer.poll(Duration.ofMillis(20));
            long now = System.currentTimeMillis();
            for (var record : records) {
                if (predictions) {
                    int version = JsonReader.readPrediction(record.value()).version();
                    firstSeenMillis.putIfAbsent(version, now);
                    synchronized (latencies) {
                        latencies.add(now - record.timestamp());
                    }
                }
            }
            if (!records.isEmpty()) {
                if (firstNanos == 0) {
                    firstNanos = System.nanoTime();
                }
                lastNanos = System.nanoTime();
                seen += records.count();
            }
        }
    }

    /** Waits for {@code expected} records in all; returns records per second from the first seen to the last. */
    public double await(long expected, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (seen < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + seen + " of " + expected + " records arrived");
            }
            Thread.sleep(10);
        }
        return seen / ((lastNanos - firstNanos) / 1e9);
    }

    public long seen() {
        return seen;
    }

    Long firstSeen(int version) {
        return firstSeenMillis.get(version);
    }

    /** Latencies recorded since the last call, and forgets them. */
    List<Long> takeLatencies() {
        synchronized (latencies) {
            var taken = new ArrayList<>(latencies);
            latencies.clear();
            return taken;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
        consumer.close();
    }
}
