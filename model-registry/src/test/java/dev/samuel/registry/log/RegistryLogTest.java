package dev.samuel.registry.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.registry.AliasRecord;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.registry.TestModels;
import dev.samuel.registry.domain.Change;
import dev.samuel.registry.domain.RegistryException;
import dev.samuel.testkit.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry log on a broker of its own per test: restarts, fencing, replicas and the topic check. */
class RegistryLogTest {

    static final String MODEL = "digits";

    EmbeddedKafkaBroker broker;

    @TempDir
    Path artifacts;

    @BeforeEach
    void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void restartRebuildsExactlyTheSameStateFromTheTopic() throws Exception {
        Map<String, ?> before;
        try (var node = RegistryNode.writer(broker, artifacts)) {
            buildHistory(node);
            before = node.state().snapshot();
        }
        assertThat(before).as("spec, versions, champion, alias moves").hasSize(1 + 3 + 1 + 4);

        try (var restarted = RegistryNode.writer(broker, artifacts)) {
            assertThat(restarted.state().snapshot()).isEqualTo(before);
            assertThat(restarted.registry.register(MODEL, TestModels.gemm(4, 3, 9), Map.of(), Map.of(), Optional.empty()).version())
                    .as("versions are never reused after a restart").isEqualTo(4);
        }
    }

    @Test
    void aSecondWriterFencesTheFirst() throws Exception {
        try (var first = RegistryNode.writer(broker, artifacts)) {
            first.registry.putSpec(TestModels.spec(MODEL, 4, 3));
            assertThat(register(first, 1).version()).isEqualTo(1);

            try (var second = RegistryNode.writer(broker, artifacts)) {
                assertThatThrownBy(() -> register(first, 2)).isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE))
                        .hasMessageContaining("another instance started with writer identity '" + RegistryNode.WRITER + "'");
                assertThat(first.log.role()).isEqualTo("fenced");
                assertThat(register(second, 3).version()).isEqualTo(2);
            }
        }
        try (var reader = RegistryNode.replica(broker, artifacts)) {
            assertThat(reader.state().versions(MODEL)).extracting(VersionRecord::version).containsExactly(1, 2);
        }
    }

    @Test
    void aWriterFencedBetweenDecisionAndCommitWritesNothing() throws Exception {
        try (var first = RegistryNode.writer(broker, artifacts)) {
            first.registry.putSpec(TestModels.spec(MODEL, 4, 3));
            var successor = new RegistryNode[1];
            var writer = first.log.writer().orElseThrow();

            assertThatThrownBy(() -> writer.write(state -> {
                successor[0] = openQuietly();
                var record = new AliasRecord(MODEL, "interleaved", 1, java.time.Instant.now(), "must never land");
                return Change.of(record, record);
            })).isInstanceOf(RegistryException.class).hasMessageContaining("fenced");

            try (var second = successor[0]) {
                assertThat(register(second, 1).version()).isEqualTo(1);
                assertThat(second.state().alias(MODEL, "interleaved")).isEmpty();
            }
        }
    }

    @Test
    void aReplicaFollowsTheWriterAndRefusesWrites() throws Exception {
        try (var writer = RegistryNode.writer(broker, artifacts); var replica = RegistryNode.replica(broker, artifacts)) {
            buildHistory(writer);
            long end = writer.log.follower().position();
            assertThat(replica.log.follower().awaitApplied(end - 1, Duration.ofSeconds(10))).isTrue();
            assertThat(replica.state().snapshot()).isEqualTo(writer.state().snapshot());
            assertThat(replica.log.role()).isEqualTo("read-only");
            assertThatThrownBy(() -> replica.registry.putSpec(TestModels.spec("other", 4, 3)))
                    .hasMessageContaining("read-only replica");
        }
    }

    @Test
    void aTopicThatIsNotCompactedStopsStartUp() {
        broker.createTopic(Topics.REGISTRY.name(), 1,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));

        assertThatThrownBy(() -> RegistryNode.writer(broker, artifacts))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The model registry refuses to start")
                .hasMessageContaining("samuel.registry has cleanup.policy=delete")
                .hasMessageContaining("needs cleanup.policy=compact");
    }

    @Test
    void createsTheTopicCompactedWithOnePartition() throws Exception {
        try (var node = RegistryNode.writer(broker, artifacts); var admin = broker.admin()) {
            var topic = admin.describeTopics(java.util.List.of(Topics.REGISTRY.name())).allTopicNames().get()
                    .get(Topics.REGISTRY.name());
            assertThat(topic.partitions()).hasSize(1);
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.REGISTRY.name());
            assertThat(admin.describeConfigs(java.util.List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
    }

    /** A spec updated once, three versions, champion moved 1 -> 2, challenger set to 3 and deleted. */
    private void buildHistory(RegistryNode node) {
        var registry = node.registry;
        registry.putSpec(TestModels.spec(MODEL, 4, 3));
        registry.putSpec(ModelSpecs.parse("""
                {"name": "digits", "task": {"type": "classification", "classes": 3}, "input": {"features": 4},
                 "layers": [{"dense": 3}], "training": {"epochs": 5}}"""));
        for (int seed = 1; seed <= 3; seed++) {
            register(node, seed);
        }
        registry.setAlias(MODEL, AliasRecord.CHAMPION, 1, "first");
        registry.setAlias(MODEL, AliasRecord.CHAMPION, 2, "better");
        registry.setAlias(MODEL, AliasRecord.CHALLENGER, 3, null);
        registry.deleteAlias(MODEL, AliasRecord.CHALLENGER, "lost");
    }

    private static VersionRecord register(RegistryNode node, int seed) {
        return node.registry.register(MODEL, TestModels.gemm(4, 3, seed), Map.of("test_loss", 1.0 / seed),
                Map.of("job", "job-" + seed), Optional.empty());
    }

    private RegistryNode openQuietly() {
        try {
            return RegistryNode.writer(broker, artifacts);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
