package dev.samuel.plumbing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.WithKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

@WithKafka
class TopicFollowerTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    final List<String> applied = new CopyOnWriteArrayList<>();

    @Test
    void readsFromTheBeginningCatchesUpAndSkipsWhatItCannotApply(KafkaBroker broker) throws Exception {
        var topic = unique("follow");
        broker.createTopic(topic, 2);
        send(broker, topic, "a", "1", "b", "malformed", "c", "3");
        try (var follower = new TopicFollower(unique("follower"), broker.clientSettings(), this::apply)) {
            follower.follow(List.of(topic)).start();

            assertThat(follower.awaitCaughtUp(PATIENCE)).isTrue();
            assertThat(applied).containsExactlyInAnyOrder("a=1", "c=3");
            assertThat(follower.skipped()).isEqualTo(1);

            send(broker, topic, "d", "malformed", "e", "5");
            await(() -> applied.contains("e=5"));
            assertThat(follower.skipped()).isEqualTo(2);
            assertThat(follower.isFollowing()).isTrue();
            assertThat(follower.status()).satisfies(status -> {
                assertThat(status.following()).isTrue();
                assertThat(status.caughtUp()).isTrue();
                assertThat(status.failure()).isNull();
            });
        }
    }

    @Test
    void picksUpATopicCreatedAfterItWasAskedForAtOnce(KafkaBroker broker) throws Exception {
        var topic = unique("later");
        try (var follower = new TopicFollower(unique("follower"), broker.clientSettings(), this::apply)) {
            follower.follow(List.of(topic)).start();
            Thread.sleep(1500);

            broker.createTopic(topic, 1);
            long created = System.nanoTime();
            send(broker, topic, "x", "1");
            await(() -> applied.contains("x=1"));

            // Its creator is at work when a topic is missing: it is looked for again within moments.
            assertThat(Duration.ofNanos(System.nanoTime() - created)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void goesOnFromGivenOffsetsAndSaysWhenARecordIsApplied(KafkaBroker broker) throws Exception {
        var topic = unique("from");
        broker.createTopic(topic, 1);
        send(broker, topic, "old", "1", "new", "2");
        var partition = new TopicPartition(topic, 0);
        try (var follower = new TopicFollower(unique("follower"), broker.clientSettings(), this::apply)) {
            follower.followFrom(Map.of(partition, 1L)).start();

            assertThat(follower.awaitApplied(partition, 1, PATIENCE)).isTrue();
            assertThat(applied).containsExactly("new=2");
            assertThat(follower.position(partition)).isEqualTo(2);
        }
    }

    @Test
    void anUnfollowedTopicIsNoLongerReadAndIsReadAnewWhenFollowedAgain(KafkaBroker broker) throws Exception {
        var dropped = unique("dropped");
        var kept = unique("kept");
        broker.createTopic(dropped, 2);
        broker.createTopic(kept, 1);
        send(broker, dropped, "a", "1");
        try (var follower = new TopicFollower(unique("follower"), broker.clientSettings(), this::apply)) {
            follower.follow(List.of(dropped, kept)).start();
            await(() -> applied.contains("a=1"));

            follower.unfollow(List.of(dropped));
            await(() -> follower.position(new TopicPartition(dropped, 0)) == -1);
            send(broker, dropped, "b", "2");
            send(broker, kept, "k", "1");
            await(() -> applied.contains("k=1"));
            assertThat(applied).doesNotContain("b=2");

            follower.follow(List.of(dropped));
            assertThat(follower.awaitCaughtUpOn(List.of(dropped), PATIENCE)).isTrue();
            assertThat(applied.subList(0, 2)).containsExactly("a=1", "k=1");
            assertThat(applied.subList(2, applied.size())).containsExactlyInAnyOrder("a=1", "b=2");
        }
    }

    @Test
    void aFailureItCannotSurviveStopsItAndSaysWhy(KafkaBroker broker) throws Exception {
        var topic = unique("fatal");
        broker.createTopic(topic, 1);
        send(broker, topic, "a", "1");
        // An Error is not about one record (out of memory, a broken class path): following cannot go on.
        RecordHandler failing = record -> {
            throw new LinkageError("a class went missing");
        };
        try (var follower = new TopicFollower(unique("follower"), broker.clientSettings(), failing)) {
            follower.follow(List.of(topic)).start();

            await(() -> !follower.isFollowing());
            assertThat(follower.failure()).get().asString().contains("a class went missing");
            assertThat(follower.status().following()).isFalse();
            assertThat(follower.status().failure()).contains("LinkageError");
            assertThat(follower.awaitApplied(new TopicPartition(topic, 0), 0, Duration.ofSeconds(1))).isFalse();
        }
    }

    @Test
    void aClosedFollowerIsNoLongerFollowing(KafkaBroker broker) throws Exception {
        var follower = new TopicFollower(unique("follower"), broker.clientSettings(), this::apply).start();
        assertThat(follower.isFollowing()).isTrue();

        follower.close();

        assertThat(follower.isFollowing()).isFalse();
        assertThat(follower.failure()).isEmpty();
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        var value = new String(record.value(), StandardCharsets.UTF_8);
        if (value.equals("malformed")) {
            throw new IllegalArgumentException("not a number: " + value);
        }
        applied.add(new String(record.key(), StandardCharsets.UTF_8) + "=" + value);
    }

    static void send(KafkaBroker broker, String topic, String... keysAndValues) throws Exception {
        try (var producer = broker.bytesProducer()) {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                producer.send(new ProducerRecord<>(topic, bytes(keysAndValues[i]), bytes(keysAndValues[i + 1]))).get();
            }
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String unique(String prefix) {
        return "plumbing-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + PATIENCE).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
