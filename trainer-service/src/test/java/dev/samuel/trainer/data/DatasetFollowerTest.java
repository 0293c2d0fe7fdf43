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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithKafka
class DatasetFollowerTest {

    @TempDir
    Path stores;

    static final ModelSpec SPEC = new ModelSpec("follow", Task.classification(2), Input.of(2),
            List.of(Layer.dense(2)), null, null, null, null, null, null);

    @Test
    void readsBothSplitsFromTheBeginningWithRelabelsAndDeletions(KafkaBroker broker) throws Exception {
        var topics = Topics.of(SPEC);
        broker.createTopic(topics.train().name(), 2);
        try (var producer = producer(broker)) {
            send(producer, topics.train(), "a", LabelledExample.of(new float[] {1, 1}, 0));
            send(producer, topics.train(), "b", LabelledExample.of(new float[] {2, 2}, 1));
            send(producer, topics.train(), "a", LabelledExample.of(new float[] {1, 1}, 1));
            send(producer, topics.train(), "wrong-size", LabelledExample.of(new float[] {1, 2, 3}, 1));
            producer.send(new ProducerRecord<>(topics.train().name(), "b", null)).get();
        }
        var drops = new CopyOnWriteArrayList<String>();
        try (var follower = new DatasetFollower(broker.clientSettings(), "test", store("test"),
                (model, reason) -> drops.add(model + ":" + reason.code())).start()) {
            // Followed after the start: the follower runs without any model first, as a new trainer does.
            Thread.sleep(300);
            follower.follow(SPEC);
            awaitTrue(() -> follower.data("follow").map(d -> d.snapshot().offsets().values().stream()
                    .mapToLong(Long::longValue).sum() == 5).orElse(false));
            assertThat(follower.data("follow").orElseThrow().snapshot().train().examples())
                    .singleElement().satisfies(e -> assertThat(e.classIndex()).isEqualTo(1));
            // The example the spec does not accept is left out, counted, and shown in the dataset's summary.
            assertThat(drops).containsExactly("follow:wrong_dimension");
            assertThat(follower.data("follow").orElseThrow().summary().dropped()).containsExactly(
                    Map.entry("wrong_dimension", 1L));

            // The test topic did not exist at first: ingest creates it when the spec appears.
            broker.createTopic(topics.test().name(), 1);
            try (var producer = producer(broker)) {
                send(producer, topics.test(), "h", LabelledExample.of(new float[] {3, 3}, 0));
            }
            awaitTrue(() -> follower.data("follow").orElseThrow().snapshot().test().size() == 1);
            var snapshot = follower.data("follow").orElseThrow().snapshot();
            assertThat(snapshot.lineage()).containsEntry("offset." + topics.test().name() + "-0", "1");
            assertThat(follower.status().following()).isTrue();
        }
    }

    @Test
    void aNewModelsFirstExampleIsInItsDataWithinTwoSeconds(KafkaBroker broker) throws Exception {
        var other = spec("follow-other-");
        var spec = spec("follow-new-");
        broker.createTopic(Topics.of(other).train().name(), 1);
        try (var producer = producer(broker)) {
            send(producer, Topics.of(other).train(), "o", LabelledExample.of(new float[] {1, 1}, 0));
        }
        try (var follower = new DatasetFollower(broker.clientSettings(), "new", store("new"), (model, reason) -> {
        }).start()) {
            // Another model's data is being read: the follower polls when the new spec arrives.
            follower.follow(other);
            awaitTrue(() -> follower.data(other.name()).orElseThrow().size(false) == 1);

            long specRead = System.nanoTime();
            follower.follow(spec);
            // As ingest does when the spec appears: it creates the topics, then routes the first example.
            broker.createTopic(Topics.of(spec).train().name(), 1);
            try (var producer = producer(broker)) {
                send(producer, Topics.of(spec).train(), "first", LabelledExample.of(new float[] {1, 2}, 1));
            }
            awaitTrue(() -> follower.data(spec.name()).orElseThrow().size(false) == 1);

            var read = Duration.ofNanos(System.nanoTime() - specRead);
            System.out.printf("A new model's first example was read %d ms after its spec%n", read.toMillis());
            assertThat(read).isLessThan(Duration.ofSeconds(2));
        }
    }

    /** A job right after a restart must see all the data there is, not what the follower has read so far. */
    @Test
    void aModelsDataIsAwaitedUntilReadToWhereItsTopicsEnded(KafkaBroker broker) throws Exception {
        var spec = spec("follow-restart-");
        var topics = Topics.of(spec);
        broker.createTopic(topics.train().name(), 3);
        broker.createTopic(topics.test().name(), 1);
        try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), SamuelSerdes.labelled(Encoding.JSON).serializer())) {
            for (int i = 0; i < 3000; i++) {
                producer.send(new ProducerRecord<>(i % 4 == 0 ? topics.test().name() : topics.train().name(), "e" + i,
                        LabelledExample.of(new float[] {i, -i}, i % 2)));
            }
            producer.flush();
        }
        try (var follower = new DatasetFollower(broker.clientSettings(), "restart", store("restart"), (model, reason) -> {
        }).start()) {
            follower.follow(spec);

            assertThat(follower.awaitRead(spec, Duration.ofSeconds(30))).isTrue();
            var data = follower.data(spec.name()).orElseThrow();
            assertThat(data.size(false)).isEqualTo(2250);
            assertThat(data.size(true)).isEqualTo(750);
            assertThat(follower.recordsToRead()).isZero();
            assertThat(follower.store().usedBytes()).isEqualTo(data.bytes()).isPositive();

            // A spec whose input changed reads every example anew by it: none has three features.
            var wider = new ModelSpec(spec.name(), spec.task(), Input.of(3), spec.layers(), null, null, null, null,
                    null, null);
            follower.follow(wider);
            assertThat(follower.awaitRead(wider, Duration.ofSeconds(30))).isTrue();
            var reread = follower.data(spec.name()).orElseThrow();
            assertThat(reread.size(false) + reread.size(true)).isZero();
            assertThat(reread.summary().dropped()).containsEntry("wrong_dimension", 3000L);
            assertThat(follower.store().usedBytes()).isZero();

            // A model no longer followed (moved or deleted) leaves nothing behind.
            follower.follow(spec);
            assertThat(follower.awaitRead(spec, Duration.ofSeconds(30))).isTrue();
            assertThat(follower.store().usedBytes()).isPositive();
            follower.forget(spec.name());
            assertThat(follower.data(spec.name())).isEmpty();
            assertThat(follower.store().usedBytes()).isZero();
            assertThat(Files.list(follower.store().directory()).map(Path::getFileName).map(Path::toString))
                    .containsExactly("lock");

            var missing = spec("follow-missing-");
            follower.follow(missing);
            assertThat(follower.awaitRead(missing, Duration.ofMillis(500))).as("topics that do not exist").isFalse();
        }
    }

    private static ModelSpec spec(String prefix) {
        return new ModelSpec(prefix + UUID.randomUUID().toString().substring(0, 8), Task.classification(2),
                Input.of(2), List.of(Layer.dense(2)), null, null, null, null, null, null);
    }

    private static KafkaProducer<String, LabelledExample> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(),
                SamuelSerdes.labelled(Encoding.JSON).serializer());
    }

    private static void send(KafkaProducer<String, LabelledExample> producer, Topic<String, LabelledExample> topic,
                             String key, LabelledExample example) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key, example)).get();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private DatasetStore store(String name) {
        return DatasetStore.open(stores, name, Long.MAX_VALUE);
    }
}
