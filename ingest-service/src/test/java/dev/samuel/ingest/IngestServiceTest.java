package dev.samuel.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.samuel.contracts.event.DeadLetter;
import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import dev.samuel.contracts.split.HoldoutSplit.Split;
import dev.samuel.contracts.split.HoldoutSplit;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.testkit.InjectKafkaBroker;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.TestClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** The packaged service against a real broker: a model registered at run time is ingested, counted and dead-lettered. */
@QuarkusTest
@QuarkusTestResource(IngestTestResource.class)
class IngestServiceTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void ingestsAModelRegisteredAfterStartUp() throws Exception {
        var model = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        var spec = new ModelSpec(model, Task.classification(2), Input.of(2), List.of(Layer.dense(2)), null, null,
                null, null, null, null);
        var topics = Topics.of(spec);
        SpecPublisher.publish(broker.bootstrapServers(), spec);

        int valid = 20;
        try (var producer = broker.bytesProducer()) {
            for (int i = 0; i < valid; i++) {
                send(producer, topics, "example-" + i, JsonWriter.write(LabelledExample.of(new float[] {i, -i}, i % 2)));
            }
            send(producer, topics, "bad-1", "{\"features\": [1], \"label\": 0}".getBytes(StandardCharsets.UTF_8));
        }

        long expectedTest = java.util.stream.IntStream.range(0, valid)
                .filter(i -> HoldoutSplit.of("example-" + i, 0.2) == Split.TEST).count();
        assertThat(drain(topics.test().name(), (int) expectedTest)).hasSize((int) expectedTest);
        assertThat(drain(topics.train().name(), valid - (int) expectedTest)).hasSize(valid - (int) expectedTest);
        var dead = drain(topics.rejected().name(), 1).get(0);
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.REASON)).isEqualTo(RejectReason.WRONG_DIMENSION.code());

        assertCompacted(topics.train().name());
        assertCompacted(topics.test().name());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("samuel_ingest_examples_total{model=\"" + model + "\",split=\"test\"} "
                        + expectedTest + ".0"))
                .body(containsString("samuel_ingest_rejected_total{model=\"" + model + "\",reason=\"wrong_dimension\"} 1.0"));
    }

    /**
     * The spec is the moment a model exists: its topics are created and the topology picks the labelled one up at
     * once, instead of at the next metadata refresh (10 s; the test profile keeps the production setting). A user
     * who runs create and produce in a row has the first example routed within 2 s of the spec.
     */
    @Test
    void routesANewModelsFirstExampleWithinTwoSecondsOfItsSpec() throws Exception {
        var model = "first-" + UUID.randomUUID().toString().substring(0, 8);
        var spec = new SpecRecord(new ModelSpec(model, Task.classification(2), Input.of(2), List.of(Layer.dense(2)),
                null, null, null, null, null, null), 1, Instant.now());
        var topics = Topics.of(spec.spec());
        // The test's own clients are connected first: their start-up is not the service's latency.
        try (var registry = new KafkaProducer<>(broker.clientSettings(), Topics.REGISTRY.keySerde().serializer(),
                Topics.REGISTRY.valueSerde().serializer());
             var examples = broker.bytesProducer();
             var reader = broker.bytesConsumer(null)) {
            registry.partitionsFor(Topics.REGISTRY.name());
            examples.partitionsFor(Topics.REGISTRY.name());
            reader.listTopics();

            registry.send(new ProducerRecord<>(Topics.REGISTRY.name(), spec.key(), spec)).get();
            long specPublished = System.nanoTime();
            send(examples, topics, keyIn(Split.TRAIN), JsonWriter.write(LabelledExample.of(new float[] {1, 2}, 1)));
            examples.flush();
            awaitRecord(reader, topics.train().name());
            var routed = Duration.ofNanos(System.nanoTime() - specPublished);
            System.out.printf("A new model's first example was routed %d ms after its spec%n", routed.toMillis());

            assertThat(routed).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void exposesConsumerLagAndStreamsState() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"))
                .body(containsString("kafka_stream_alive_stream_threads"));
    }

    @Test
    void reportsHealthAndDescribesItself() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("UP"))
                .body(containsString("samuel-ingest-new-models"));
        given().get("/q/openapi").then().statusCode(200);
    }

    private static void send(org.apache.kafka.clients.producer.Producer<byte[], byte[]> producer, ModelTopics topics,
                             String key, byte[] value) {
        producer.send(new ProducerRecord<>(topics.labelled().name(), key.getBytes(StandardCharsets.UTF_8), value));
    }

    private static String keyIn(Split split) {
        for (int i = 0; ; i++) {
            if (HoldoutSplit.of("first-" + i, 0.2) == split) {
                return "first-" + i;
            }
        }
    }

    /** Waits for a record on the topic (read committed), which ingest creates. */
    private static void awaitRecord(Consumer<byte[], byte[]> reader, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        var partitions = new ArrayList<TopicPartition>();
        while (partitions.isEmpty()) {
            assertThat(System.nanoTime()).as(topic + " exists").isLessThan(deadline);
            reader.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            Thread.sleep(10);
        }
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        while (reader.poll(Duration.ofMillis(20)).isEmpty()) {
            assertThat(System.nanoTime()).as("a record on " + topic).isLessThan(deadline);
        }
    }

    private List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> drain(String topic, int count) {
        return TestClients.drain(broker.bootstrapServers(), topic, count, PATIENCE, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private void assertCompacted(String topic) throws Exception {
        try (var admin = broker.admin()) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
    }
}
