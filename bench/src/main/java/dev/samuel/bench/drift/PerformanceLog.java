package dev.samuel.bench.drift;

import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import dev.samuel.contracts.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the platform said, in order: every judged example of the model's performance topic and every event of
 * {@code samuel.drift}, read committed, from the beginning. The benchmark's figures are computed from these alone.
 */
final class PerformanceLog implements AutoCloseable {

    private final String performanceTopic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread = new Thread(this::run, "bench-drift-log");
    private final List<PerformanceRecord> results = new ArrayList<>();
    private final List<DriftEvent> drifts = new ArrayList<>();
    private final Map<Integer, Integer> perVersion = new HashMap<>();
    private volatile Throwable failure;
    private long latestEvent = -1;

    PerformanceLog(Map<String, Object> kafka, String performanceTopic) {
        var config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.performanceTopic = performanceTopic;
        thread.setDaemon(true);
        thread.start();
    }

    synchronized List<PerformanceRecord> results() {
        return List.copyOf(results);
    }

    synchronized List<DriftEvent> drifts() {
        return List.copyOf(drifts);
    }

    synchronized int newestVersion() {
        return perVersion.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    synchronized int judged(int version) {
        return perVersion.getOrDefault(version, 0);
    }

    /** The accuracy of a version's last {@code window} judged examples; NaN with fewer. */
    synchronized double recentAccuracy(int version, int window) {
        int seen = 0;
        int correct = 0;
        for (int i = results.size() - 1; i >= 0 && seen < window; i--) {
            var result = results.get(i);
            if (result.version() == version) {
                seen++;
                correct += Boolean.TRUE.equals(result.correct()) ? 1 : 0;
            }
        }
        return seen < window ? Double.NaN : correct / (double) seen;
    }

    /** The newest event whose label the judge has judged: how far behind the stream it is. */
    synchronized long latestEvent() {
        return latestEvent;
    }

    void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("reading the platform's outputs failed", failure);
        }
    }

    private void run() {
        try {
            var drift = new TopicPartition(Topics.DRIFT.name(), 0);
            var performance = new TopicPartition(performanceTopic, 0);
            while (!consumer.listTopics(Duration.ofSeconds(5)).containsKey(performanceTopic)) {
                Thread.sleep(200);
            }
            consumer.assign(List.of(drift, performance));
            consumer.seekToBeginning(List.of(drift, performance));
            while (true) {
                consumer.poll(Duration.ofMillis(100)).forEach(this::add);
            }
        } catch (WakeupException | InterruptedException stopping) {
            // closed
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private synchronized void add(ConsumerRecord<byte[], byte[]> record) {
        try {
            if (record.topic().equals(performanceTopic)) {
                var result = Json.MAPPER.readValue(record.value(), PerformanceRecord.class);
                results.add(result);
                latestEvent = Math.max(latestEvent, DriftFigures.eventIndex(result));
                perVersion.merge(result.version(), 1, Integer::sum);
            } else {
                drifts.add(Json.MAPPER.readValue(record.value(), DriftEvent.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(5000);
        consumer.close();
    }
}
