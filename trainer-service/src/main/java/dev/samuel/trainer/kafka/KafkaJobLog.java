package dev.samuel.trainer.kafka;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.kafka.RecordHandler;
import dev.samuel.plumbing.kafka.TopicReader;
import dev.samuel.trainer.jobs.JobLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** Job records on {@code samuel.jobs}, keyed by job id: the topic is compacted, the latest record is the status. */
public final class KafkaJobLog implements JobLog, AutoCloseable {

    private final KafkaProducer<String, JobRecord> producer;

    public KafkaJobLog(Map<String, Object> kafka) {
        var config = new HashMap<>(kafka);
        // A job's status must survive a broker failure once published.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Status updates are few and someone may be waiting on each: send at once.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(config, Topics.JOBS.keySerde().serializer(),
                Topics.JOBS.valueSerde().serializer());
    }

    @Override
    public void publish(JobRecord job) {
        try {
            producer.send(new ProducerRecord<>(Topics.JOBS.name(), job.id(), job)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish job " + job.id() + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing job " + job.id(), e);
        }
    }

    /** The jobs on the topic and the offsets the reading ended at, where following it goes on. */
    public record Existing(List<JobRecord> jobs, Map<TopicPartition, Long> end) {
    }

    /**
     * The latest record of every job on the topic, read to its end: what a restarted trainer takes over. A record
     * that is not a job is skipped.
     */
    public static Existing readAll(Map<String, Object> kafka, String instance, Duration timeout) {
        var latest = new LinkedHashMap<String, JobRecord>();
        var read = TopicReader.readToEnd("samuel-trainer-job-log-" + instance, kafka, List.of(Topics.JOBS.name()),
                RecordHandler.decoding(Topics.JOBS, (id, job) -> {
                    if (job == null) {
                        latest.remove(id);
                    } else {
                        latest.put(id, job);
                    }
                }), timeout);
        return new Existing(new ArrayList<>(latest.values()), read.positions());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
