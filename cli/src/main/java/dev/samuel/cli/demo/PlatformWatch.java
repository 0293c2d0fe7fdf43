package dev.samuel.cli.demo;

import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the platform as a user would, through its topics: the model's predictions, by event id, and its jobs
 * on {@code samuel.jobs}. One consumer thread, no consumer group.
 */
final class PlatformWatch implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ModelTopics topics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final BiConsumer<String, Prediction> onPrediction;
    private final Consumer<JobRecord> onJob;
    private final Thread thread;
    private final Map<String, JobRecord> jobs = new ConcurrentHashMap<>();
    private volatile int servedVersion;
    private volatile Throwable failure;

    PlatformWatch(Map<String, Object> kafka, ModelTopics topics, BiConsumer<String, Prediction> onPrediction,
                  Consumer<JobRecord> onJob) {
        var config = new HashMap<>(kafka);
        // Inference and the trainer write in transactions: count only what they committed.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.onPrediction = onPrediction;
        this.onJob = onJob;
        this.thread = new Thread(this::run, "samuel-demo-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    int servedVersion() {
        return servedVersion;
    }

    Optional<JobRecord> latestJob() {
        return jobs.values().stream().max((a, b) -> a.requestedAt().compareTo(b.requestedAt()));
    }

    List<JobRecord> finishedJobs() {
        return new ArrayList<>(jobs.values().stream().filter(JobRecord::isFinished)
                .sorted((a, b) -> a.requestedAt().compareTo(b.requestedAt())).toList());
    }

    void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("watching the platform failed: " + failure.getMessage(), failure);
        }
    }

    private void run() {
        try {
            // The predictions topic appears when inference first serves the model; the jobs topic is there already.
            var jobsPartitions = partitions(Topics.JOBS.name());
            List<TopicPartition> predictionPartitions = List.of();
            consumer.assign(jobsPartitions);
            consumer.seekToEnd(jobsPartitions);
            while (!Thread.currentThread().isInterrupted()) {
                if (predictionPartitions.isEmpty()) {
                    predictionPartitions = partitions(topics.predictions().name());
                    if (!predictionPartitions.isEmpty()) {
                        var all = new ArrayList<>(jobsPartitions);
                        all.addAll(predictionPartitions);
                        consumer.assign(all);
                        consumer.seekToBeginning(predictionPartitions);
                    }
                }
                consumer.poll(POLL).forEach(this::handle);
            }
        } catch (WakeupException e) {
            // closed
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private List<TopicPartition> partitions(String topic) {
        var infos = consumer.listTopics(Duration.ofSeconds(5)).get(topic);
        return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(Topics.JOBS.name())) {
            var job = Topics.JOBS.valueSerde().deserializer().deserialize(record.topic(), record.value());
            if (job != null && job.model().equals(topics.model())) {
                jobs.put(job.id(), job);
                onJob.accept(job);
            }
            return;
        }
        Prediction prediction = topics.predictions().valueSerde().deserializer()
                .deserialize(record.topic(), record.headers(), record.value());
        servedVersion = prediction.version();
        onPrediction.accept(record.key(), prediction);
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(5000);
        consumer.close();
    }
}
