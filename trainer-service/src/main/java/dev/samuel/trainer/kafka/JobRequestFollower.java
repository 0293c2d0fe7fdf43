package dev.samuel.trainer.kafka;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.trainer.jobs.JobManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Picks up job requests that others write to {@code samuel.jobs} (the cli, scripts) while the trainer runs.
 * It starts where {@link KafkaJobLog#readAll} ended: what was there before was taken over by
 * {@link JobManager#recover}.
 */
public final class JobRequestFollower implements Runnable, AutoCloseable {

    private final KafkaConsumer<String, JobRecord> consumer;
    private final JobManager jobs;
    private final Map<TopicPartition, Long> from;
    private final Thread thread = new Thread(this, "samuel-trainer-job-requests");

    public JobRequestFollower(Map<String, Object> kafka, Map<TopicPartition, Long> from, JobManager jobs) {
        this.from = Map.copyOf(from);
        var config = new HashMap<>(kafka);
        // No group: every trainer start takes over the whole log itself, so there are no offsets to keep.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // A request counts once its writer committed it.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, Topics.JOBS.keySerde().deserializer(),
                Topics.JOBS.valueSerde().deserializer());
        this.jobs = jobs;
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            while (true) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var job = record.value();
                    if (job != null && job.status() == JobStatus.REQUESTED && !jobs.knows(job.id())) {
                        jobs.adopt(job);
                    }
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll: the service is stopping.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
