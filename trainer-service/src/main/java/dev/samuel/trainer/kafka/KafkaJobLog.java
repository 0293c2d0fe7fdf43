package dev.samuel.trainer.kafka;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.trainer.jobs.JobLog;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Job records to {@code samuel.jobs}, keyed by job id: the topic is compacted, the latest record is the status. The
 * {@link JobBoard} reads them back.
 */
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
        send(job);
    }

    /** Publishes the job's record and says where it went, once it is durable. */
    public RecordMetadata send(JobRecord job) {
        try {
            return producer.send(new ProducerRecord<>(Topics.JOBS.name(), job.id(), job)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish job " + job.id() + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing job " + job.id(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
