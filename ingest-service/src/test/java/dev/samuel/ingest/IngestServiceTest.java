package dev.samuel.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.samuel.contracts.event.DeadLetter;
import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.RejectReason;
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
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    @Test
    void exposesConsumerLagAndStreamsState() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"))
                .body(containsString("kafka_stream_alive_stream_threads"));
    }

    @Test
    void reportsHealthAndDescribesItself() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
        given().get("/q/openapi").then().statusCode(200);
    }

    private static void send(org.apache.kafka.clients.producer.Producer<byte[], byte[]> producer, ModelTopics topics,
                             String key, byte[] value) {
        producer.send(new ProducerRecord<>(topics.labelled().name(), key.getBytes(StandardCharsets.UTF_8), value));
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
