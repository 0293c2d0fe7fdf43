package dev.samuel.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryTopicSettingsTest {

    @Test
    void acceptsOneCompactedPartition() {
        assertThat(RegistryTopicSettings.problems(1, "compact")).isEmpty();
        assertThat(RegistryTopicSettings.configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void namesEveryProblemOfAnUnusableTopic() {
        assertThat(RegistryTopicSettings.problems(3, "delete"))
                .satisfiesExactly(
                        p -> assertThat(p).contains("samuel.registry has 3 partitions"),
                        p -> assertThat(p).contains("cleanup.policy=delete").contains("needs cleanup.policy=compact"));
        assertThat(RegistryTopicSettings.problems(1, "compact,delete")).hasSize(1);
    }
}
