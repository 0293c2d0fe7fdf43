package dev.samuel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A broker of its own (not the shared one), so closing it can be checked. */
class EmbeddedKafkaBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static EmbeddedKafkaBroker broker;
    private static long startMillis;

    @BeforeAll
    static void start() {
        long t0 = System.nanoTime();
        broker = EmbeddedKafkaBroker.start();
        startMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("EmbeddedKafkaBroker.start() took " + startMillis + " ms");
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void startsOnLoopbackQuickly() {
        assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
        // Generous bound for a loaded 2-core CI machine; typically about 2 s.
        assertThat(startMillis).isLessThan(30_000);
    }

    @Test
    void createsTopicWithPartitionsAndConfigs() throws Exception {
        broker.createTopic("created", 3, Map.of("cleanup.policy", "compact"));
        broker.createTopic("created", 3, Map.of()); // idempotent for shared brokers
        try (Admin admin = broker.admin()) {
            TopicDescription d = admin.describeTopics(Set.of("created")).allTopicNames().get().get("created");
            assertThat(d.partitions()).hasSize(3);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "created");
            String policy = admin.describeConfigs(Set.of(resource)).all().get().get(resource).get("cleanup.policy").value();
            assertThat(policy).isEqualTo("compact");
        }
    }

    @Test
    void producesAndConsumesInAGroup() {
        broker.createTopic("plain", 2);
        try (KafkaProducer<String, String> producer = broker.producer()) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("plain", "k" + i, "v" + i));
            }
            producer.flush();
        }
        try (KafkaConsumer<String, String> consumer = broker.consumer("group-plain")) {
            consumer.subscribe(List.of("plain"));
            int seen = 0;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (seen < 10 && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                seen += records.count();
            }
            assertThat(seen).isEqualTo(10);
            consumer.commitSync();
        }
    }

    @Test
    void readCommittedSeesCommittedTransactionsOnly() {
        broker.createTopic("tx", 1);
        try (KafkaProducer<String, String> producer = broker.transactionalProducer("tx-test")) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx", "a", "committed-1"));
            producer.send(new ProducerRecord<>("tx", "b", "committed-2"));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx", "c", "aborted"));
            producer.flush(); // on the log, then aborted: read_committed must skip it
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx", "d", "committed-3"));
            producer.commitTransaction();
        }
        List<ConsumerRecord<String, String>> records = broker.drain("tx", 3, TIMEOUT);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed-1", "committed-2", "committed-3");
    }

    @Test
    void drainFailsWhenTooFewRecordsArrive() {
        broker.createTopic("sparse", 1);
        assertThatThrownBy(() -> broker.drain("sparse", 1, Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void closeStopsTheBrokerAndDeletesItsData() {
        EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start();
        Path dir = second.dataDir();
        assertThat(dir).exists();
        assertThat(second.bootstrapServers()).isNotEqualTo(broker.bootstrapServers());
        second.close();
        second.close(); // idempotent
        assertThat(Files.exists(dir)).isFalse();
    }
}
