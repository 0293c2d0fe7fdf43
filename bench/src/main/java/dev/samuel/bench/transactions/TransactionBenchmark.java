package dev.samuel.bench.transactions;

import dev.samuel.plumbing.kafka.TransactionalProducers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code bench/run transactions}: what a transaction costs when it begins as soon as the previous one committed, as the
 * scoring loop's and the copy loop's do under load. Each is a consume-produce loop's transaction: 20 records of 200
 * bytes to a 3-partition topic, the input offsets, the commit. With Kafka's retry backoff (100 ms, the baseline) and with
 * the platform's ({@link TransactionalProducers}), alternating in rounds so that both see the same machine.
 * Arguments: bootstrap servers, transactions per round and setting.
 */
public final class TransactionBenchmark {

    static final int ROUNDS = 3;
    static final int RECORDS = 20;
    static final long STALL_MS = 60;

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int perRound = Integer.parseInt(args[1]);
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("in", 1, (short) 1), new NewTopic("out", 3, (short) 1)))
                    .all().get();
        }
        var kafkaDefault = new ArrayList<Long>();
        var platform = new ArrayList<Long>();
        try (var consumer = consumer(bootstrap)) {
            for (int round = 0; round < ROUNDS; round++) {
                kafkaDefault.addAll(run(bootstrap, consumer, "default-" + round, Map.of(), perRound));
                platform.addAll(run(bootstrap, consumer, "platform-" + round, TransactionalProducers.settings(),
                        perRound));
            }
        }
        var before = Summary.of(kafkaDefault);
        var after = Summary.of(platform);
        System.out.printf("Kafka's default retry backoff: %s%nthe platform's (%d ms): %s%n", before,
                TransactionalProducers.RETRY_BACKOFF_MS, after);
        System.out.printf("RESULT default_p50_ms=%.1f default_p90_ms=%.1f default_p99_ms=%.1f default_stalled=%d "
                        + "platform_p50_ms=%.1f platform_p90_ms=%.1f platform_p99_ms=%.1f platform_stalled=%d%n",
                before.p50(), before.p90(), before.p99(), before.stalled(), after.p50(), after.p90(), after.p99(),
                after.stalled());
    }

    /** Begin, send, send the offsets, commit, and at once the next: each transaction's duration, in ns. */
    private static List<Long> run(String bootstrap, KafkaConsumer<byte[], byte[]> consumer, String id,
                                  Map<String, Object> settings, int transactions) {
        var config = new HashMap<String, Object>(Map.of("bootstrap.servers", bootstrap, "transactional.id", id,
                "linger.ms", 5));
        config.putAll(settings);
        var durations = new ArrayList<Long>(transactions);
        byte[] value = new byte[200];
        var offsets = Map.of(new TopicPartition("in", 0), new OffsetAndMetadata(0));
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            for (int t = 0; t < transactions; t++) {
                long start = System.nanoTime();
                producer.beginTransaction();
                for (int r = 0; r < RECORDS; r++) {
                    producer.send(new ProducerRecord<>("out", ("key-" + r).getBytes(), value));
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
                durations.add(System.nanoTime() - start);
            }
        }
        return durations;
    }

    /** A member of the group whose offsets the transactions commit. */
    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "group.id",
                "bench-transactions", "enable.auto.commit", false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of("in"));
        consumer.poll(Duration.ofSeconds(5));
        return consumer;
    }

    record Summary(double p50, double p90, double p99, long stalled, int count) {

        static Summary of(List<Long> nanos) {
            var sorted = nanos.stream().sorted().toList();
            long stalled = sorted.stream().filter(ns -> ns > STALL_MS * 1_000_000).count();
            return new Summary(ms(sorted, 0.5), ms(sorted, 0.9), ms(sorted, 0.99), stalled, sorted.size());
        }

        private static double ms(List<Long> sorted, double quantile) {
            return sorted.get((int) Math.min(sorted.size() - 1, quantile * sorted.size())) / 1e6;
        }

        @Override
        public String toString() {
            return String.format("%d transactions, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, %d over %d ms", count, p50,
                    p90, p99, stalled, STALL_MS);
        }
    }
}
