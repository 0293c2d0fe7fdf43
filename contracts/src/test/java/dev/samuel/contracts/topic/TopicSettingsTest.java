package dev.samuel.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicSettingsTest {

    @Test
    void everyTopicOfAModelHasItsRoleAndItsSettings() {
        var topics = Topics.of("digits");

        assertThat(topics.all()).extracting(Topic::role).containsExactly(TopicRole.LABELLED, TopicRole.TRAIN,
                TopicRole.TEST, TopicRole.UNLABELLED, TopicRole.PREDICTIONS, TopicRole.REJECTED, TopicRole.PERFORMANCE);
        assertThat(topics.train().settings().creationConfigs()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.test().settings().creationConfigs()).containsEntry("cleanup.policy", "compact");
        // Streams keep the cluster's retention: no cleanup policy of their own.
        assertThat(topics.labelled().settings().creationConfigs()).isEmpty();
        assertThat(topics.rejected().settings().partitions()).isEqualTo(3);
        assertThat(Topics.JOBS.settings().creationConfigs()).containsEntry("cleanup.policy", "compact");
        // Its partitions spread the models over up to 12 trainers.
        assertThat(Topics.JOBS.settings().partitions()).isEqualTo(12);
        // All of a model's judged examples reach one drift watch.
        assertThat(topics.performance().settings().partitions()).isEqualTo(1);
        assertThat(Topics.DRIFT.settings().partitions()).isEqualTo(1);
    }

    @Test
    void theRegistryTopicIsOneCompactedPartitionAndChecked() {
        var registry = Topics.REGISTRY.settings();

        assertThat(registry.partitions()).isEqualTo(1);
        assertThat(registry.creationConfigs()).containsExactlyEntriesOf(java.util.Map.of("cleanup.policy", "compact"));
        assertThat(registry.checked()).isTrue();
        assertThat(registry.problems("samuel.registry", 1, "compact")).isEmpty();
    }

    @Test
    void namesEveryProblemOfAnUnusableRegistryTopic() {
        var registry = Topics.REGISTRY.settings();

        assertThat(registry.problems("samuel.registry", 3, "delete"))
                .satisfiesExactly(
                        p -> assertThat(p).contains("samuel.registry has 3 partitions").contains("exactly 1"),
                        p -> assertThat(p).contains("cleanup.policy=delete").contains("needs cleanup.policy=compact")
                                .contains("kafka-configs.sh --alter"));
        assertThat(registry.problems("samuel.registry", 1, "compact,delete")).hasSize(1);
    }

    @Test
    void anUncheckedTopicIsTakenAsItIs() {
        assertThat(TopicRole.TRAIN.settings().problems("digits.train", 12, "delete")).isEmpty();
    }
}
