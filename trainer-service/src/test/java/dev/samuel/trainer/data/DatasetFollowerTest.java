package dev.samuel.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.serde.SamuelSerdes;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import dev.samuel.contracts.topic.Topic;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@WithKafka
class DatasetFollowerTest {

    static final ModelSpec SPEC = new ModelSpec("follow", Task.classification(2), Input.of(2),
            List.of(Layer.dense(2)), null, null, null, null, null, null);

    @Test
    void readsBothSplitsFromTheBeginningWithRelabelsAndDeletions(KafkaBroker broker) throws Exception {
        var topics = Topics.of(SPEC);
        broker.createTopic(topics.train().name(), 2);
        var specs = new CopyOnWriteArrayList<ModelSpec>();
        try (var producer = producer(broker)) {
            send(producer, topics.train(), "a", LabelledExample.of(new float[] {1, 1}, 0));
            send(producer, topics.train(), "b", LabelledExample.of(new float[] {2, 2}, 1));
            send(producer, topics.train(), "a", LabelledExample.of(new float[] {1, 1}, 1));
            send(producer, topics.train(), "wrong-size", LabelledExample.of(new float[] {1, 2, 3}, 1));
            producer.send(new ProducerRecord<>(topics.train().name(), "b", null)).get();
        }
        var follower = new DatasetFollower(consumer(broker), () -> List.copyOf(specs), 100);
        var thread = new Thread(follower, "follower");
        thread.start();
        try {
            // Added after the start: the follower runs without any model first, as a new trainer does.
            Thread.sleep(300);
            specs.add(SPEC);
            awaitTrue(() -> follower.data("follow").map(d -> d.snapshot().offsets().values().stream()
                    .mapToLong(Long::longValue).sum() == 5).orElse(false));
            assertThat(follower.data("follow").orElseThrow().snapshot().train().examples())
                    .singleElement().satisfies(e -> assertThat(e.classIndex()).isEqualTo(1));

            // The test topic did not exist at first: ingest creates it with its first example.
            broker.createTopic(topics.test().name(), 1);
            try (var producer = producer(broker)) {
                send(producer, topics.test(), "h", LabelledExample.of(new float[] {3, 3}, 0));
            }
            awaitTrue(() -> follower.data("follow").orElseThrow().snapshot().test().size() == 1);
            var snapshot = follower.data("follow").orElseThrow().snapshot();
            assertThat(snapshot.lineage()).containsEntry("offset." + topics.test().name() + "-0", "1");
        } finally {
            follower.stop();
            thread.join(10_000);
        }
    }

    private static KafkaProducer<String, LabelledExample> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(),
                SamuelSerdes.labelled(Encoding.JSON).serializer());
    }

    private static void send(KafkaProducer<String, LabelledExample> producer, Topic<String, LabelledExample> topic,
                             String key, LabelledExample example) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key, example)).get();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaBroker broker) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "isolation.level", "read_committed", "allow.auto.create.topics", false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
