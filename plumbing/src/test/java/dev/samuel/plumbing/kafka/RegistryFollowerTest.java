package dev.samuel.plumbing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.testkit.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** A broker of its own: the shared broker's registry topic belongs to the services tested elsewhere in the JVM. */
class RegistryFollowerTest {

    @Test
    void appliesTheLogSkippingWhatIsNotARegistryRecord() throws Exception {
        try (var broker = EmbeddedKafkaBroker.start()) {
            broker.createTopic(Topics.REGISTRY.name(), 1, Topics.REGISTRY.settings().creationConfigs());
            long specOffset;
            try (var producer = new KafkaProducer<>(broker.clientSettings(), new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), bytes("digits"), bytes("{not json"))).get();
                producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), bytes("digits@x"),
                        bytes("{\"type\": \"nonsense\"}"))).get();
                var spec = new SpecRecord(new ModelSpec("digits", Task.classification(2), Input.of(1),
                        List.of(Layer.dense(2)), null, null, null, null, null, null), 1, Instant.now());
                specOffset = producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), bytes(spec.key()),
                        Topics.REGISTRY.valueSerde().serializer().serialize(Topics.REGISTRY.name(), spec))).get().offset();
            }
            var state = new RegistryState();
            try (var follower = RegistryFollower.start(broker.clientSettings(), "test", state)) {
                assertThat(follower.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
                assertThat(follower.awaitApplied(specOffset, Duration.ofSeconds(5))).isTrue();

                assertThat(state.spec("digits")).isPresent();
                assertThat(follower.skipped()).isEqualTo(2);
                assertThat(follower.position()).isEqualTo(specOffset + 1);
                assertThat(follower.isFollowing()).isTrue();
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
