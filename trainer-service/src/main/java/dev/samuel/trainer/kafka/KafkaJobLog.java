package dev.samuel.trainer.kafka;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.trainer.jobs.JobLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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

    /** The latest record of every job on the topic, read to its end: what a restarted trainer takes over. */
    public static Existing readAll(Map<String, Object> kafka) {
        var config = new HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        var latest = new LinkedHashMap<String, JobRecord>();
        try (var consumer = new KafkaConsumer<>(config, Topics.JOBS.keySerde().deserializer(),
                Topics.JOBS.valueSerde().deserializer())) {
            var partitions = new ArrayList<TopicPartition>();
            consumer.partitionsFor(Topics.JOBS.name())
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
            }
            return new Existing(new ArrayList<>(latest.values()), end);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
