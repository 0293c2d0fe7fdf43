package dev.samuel.cli.demo;

import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the platform as a user would, through its topics: the model's predictions (by event id) and its judged
 * examples ({@code M.performance}, from their beginning), its jobs on {@code samuel.jobs} and its drift detections
 * on {@code samuel.drift} (from the watch's start). One consumer thread, no consumer group, read_committed. A topic
 * the platform has not made yet (the predictions and performance topics appear when inference first serves the
 * model) is looked for again every second and read from its beginning once it is there.
 */
final class PlatformWatch implements AutoCloseable {

    /** What the watch reads, handed over on its thread in each topic's order. */
    interface Listener {
        void prediction(String id, Prediction prediction);

        void judged(PerformanceRecord result);

        void job(JobRecord job);

        void drift(DriftEvent event);
    }

    private static final Duration POLL = Duration.ofMillis(200);
    private static final long LOOK_AGAIN_NANOS = 1_000_000_000L;

    private final ModelTopics topics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Listener listener;
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Map<String, JobRecord> jobs = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> servedFrom = new ConcurrentHashMap<>();
    private volatile int servedVersion;
    private volatile Throwable failure;

    PlatformWatch(Map<String, Object> kafka, ModelTopics topics, Listener listener) {
        var config = new HashMap<>(kafka);
        // Inference, the judge and the trainer write in transactions: count only what they committed.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A partition whose place is lost starts again from its beginning: nothing of the model is skipped.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.listener = listener;
        this.thread = new Thread(this::run, "samuel-demo-watch");
        this.thread.setDaemon(true);
    }

    /** Starts reading, and returns once the platform topics' ends are known, so nothing after this is missed. */
    void start() throws InterruptedException {
        thread.start();
        if (!positioned.await(30, TimeUnit.SECONDS)) {
            checkHealthy();
            throw new IllegalStateException("could not read the platform's topics within 30 s");
        }
        checkHealthy();
    }

    /** The version of the newest prediction read, 0 before the first. */
    int servedVersion() {
        return servedVersion;
    }

    /** When the watch read each version's first prediction. */
    Map<Integer, Instant> servedFrom() {
        return Map.copyOf(servedFrom);
    }

    Optional<JobRecord> latestJob() {
        return jobs.values().stream().max((a, b) -> a.requestedAt().compareTo(b.requestedAt()));
    }

    Optional<JobRecord> job(String id) {
        return Optional.ofNullable(jobs.get(id));
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
            var platform = Set.of(Topics.JOBS.name(), Topics.DRIFT.name());
            var wanted = List.of(Topics.JOBS.name(), Topics.DRIFT.name(), topics.predictions().name(),
                    topics.performance().name());
            var assigned = new HashSet<String>();
            var partitions = new ArrayList<TopicPartition>();
            boolean first = true;
            long nextLook = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                if (assigned.size() < wanted.size() && System.nanoTime() - nextLook >= 0) {
                    nextLook = System.nanoTime() + LOOK_AGAIN_NANOS;
                    var found = consumer.listTopics(Duration.ofSeconds(5));
                    var fromStart = new ArrayList<TopicPartition>();
                    var fromEnd = new ArrayList<TopicPartition>();
                    for (var topic : wanted) {
                        var infos = found.get(topic);
                        if (assigned.contains(topic) || infos == null || infos.isEmpty()) {
                            continue;
                        }
                        assigned.add(topic);
                        var added = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
                        partitions.addAll(added);
                        // A platform topic there from the start holds other runs' records; one made since, only ours.
                        (first && platform.contains(topic) ? fromEnd : fromStart).addAll(added);
                    }
                    if (!fromStart.isEmpty() || !fromEnd.isEmpty()) {
                        consumer.assign(partitions);
                        // Explicit offsets: seekToBeginning on a topic the consumer's metadata does not know yet
                        // was seen to land at the partitions' ends instead, losing what was written before.
                        consumer.beginningOffsets(fromStart).forEach(consumer::seek);
                        consumer.endOffsets(fromEnd).forEach(consumer::seek);
                    }
                    if (first) {
                        first = false;
                        positioned.countDown();
                    }
                }
                if (partitions.isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                } else {
                    consumer.poll(POLL).forEach(this::handle);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // closed
        } catch (RuntimeException e) {
            failure = e;
            positioned.countDown();
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        String topic = record.topic();
        if (topic.equals(Topics.JOBS.name())) {
            var job = Topics.JOBS.valueSerde().deserializer().deserialize(topic, record.value());
            if (job != null && job.model().equals(topics.model())) {
                jobs.put(job.id(), job);
                listener.job(job);
            }
        } else if (topic.equals(Topics.DRIFT.name())) {
            var event = Topics.DRIFT.valueSerde().deserializer().deserialize(topic, record.value());
            if (event != null && event.model().equals(topics.model())) {
                listener.drift(event);
            }
        } else if (topic.equals(topics.performance().name())) {
            var result = topics.performance().valueSerde().deserializer().deserialize(topic, record.value());
            if (result != null) {
                listener.judged(result);
            }
        } else {
            Prediction prediction = topics.predictions().valueSerde().deserializer()
                    .deserialize(topic, record.headers(), record.value());
            servedFrom.putIfAbsent(prediction.version(), Instant.now());
            servedVersion = prediction.version();
            listener.prediction(record.key(), prediction);
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(5000);
        consumer.close();
    }
}
