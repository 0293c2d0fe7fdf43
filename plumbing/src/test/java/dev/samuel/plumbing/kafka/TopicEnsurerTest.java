package dev.samuel.plumbing.kafka;

import static dev.samuel.plumbing.kafka.TopicFollowerTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.topic.Topics;
import dev.samuel.testkit.EmbeddedKafkaBroker;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.WithKafka;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

@WithKafka
class TopicEnsurerTest {

    @Test
    void createsMissingTopicsWithTheSettingsOfTheirRole(KafkaBroker broker) throws Exception {
        var topics = Topics.of(unique("model"));
        try (var admin = broker.admin()) {
            var ensurer = new TopicEnsurer(admin, Optional.empty());

            ensurer.ensure(List.of(topics.labelled(), topics.train()));
            ensurer.ensure(List.of(topics.rejected()), OptionalInt.of(2));

            assertThat(partitions(admin, topics.labelled().name())).isEqualTo(3);
            assertThat(cleanupPolicy(admin, topics.labelled().name())).isEqualTo("delete");
            assertThat(partitions(admin, topics.train().name())).isEqualTo(3);
            assertThat(cleanupPolicy(admin, topics.train().name())).isEqualTo("compact");
            assertThat(partitions(admin, topics.rejected().name())).isEqualTo(2);
        }
    }

    @Test
    void takesATopicThatExistsAsItIs(KafkaBroker broker) throws Exception {
        var topics = Topics.of(unique("model"));
        broker.createTopic(topics.train().name(), 1);
        try (var admin = broker.admin()) {
            new TopicEnsurer(admin, Optional.of((short) 1)).ensure(List.of(topics.train(), topics.test()));

            assertThat(partitions(admin, topics.train().name())).isEqualTo(1);
            assertThat(partitions(admin, topics.test().name())).isEqualTo(3);
        }
    }

    /** A broker of its own: the registry topic of the shared broker is the services' under test elsewhere. */
    @Test
    void createsTheRegistryTopicAndRefusesOneThatWouldLoseState() throws Exception {
        try (var broker = EmbeddedKafkaBroker.start(); var admin = broker.admin()) {
            var ensurer = new TopicEnsurer(admin, Optional.of((short) 1));
            ensurer.ensure(List.of(Topics.REGISTRY));
            assertThat(partitions(admin, Topics.REGISTRY.name())).isEqualTo(1);
            assertThat(cleanupPolicy(admin, Topics.REGISTRY.name())).isEqualTo("compact");

            admin.deleteTopics(List.of(Topics.REGISTRY.name())).all().get();
            awaitGone(admin, Topics.REGISTRY.name());
            broker.createTopic(Topics.REGISTRY.name(), 2, Map.of("cleanup.policy", "delete"));

            assertThatThrownBy(() -> ensurer.ensure(List.of(Topics.REGISTRY)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("samuel.registry has 2 partitions")
                    .hasMessageContaining("samuel.registry has cleanup.policy=delete")
                    .hasMessageContaining("needs cleanup.policy=compact");
        }
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value();
    }

    private static void awaitGone(Admin admin, String topic) throws Exception {
        while (admin.listTopics().names().get().contains(topic)) {
            Thread.sleep(50);
        }
    }
}
