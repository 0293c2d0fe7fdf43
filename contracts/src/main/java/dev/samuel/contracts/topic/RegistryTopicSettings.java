package dev.samuel.contracts.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How {@link Topics#REGISTRY} must be laid out. One partition, so every reader sees every change in one
 * order; compacted and nothing else, so the latest record of each key lives forever (with {@code delete}
 * as well, old specs and versions would expire and the registry state with them).
 */
public final class RegistryTopicSettings {

    public static final int PARTITIONS = 1;
    public static final String CLEANUP_POLICY = TopicConfig.CLEANUP_POLICY_COMPACT;

    private RegistryTopicSettings() {
    }

    /** Topic configs to create the registry topic with. */
    public static Map<String, String> configs() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, CLEANUP_POLICY);
    }

    /** What is wrong with an existing registry topic; empty when it can be used. */
    public static List<String> problems(int partitions, String cleanupPolicy) {
        var problems = new ArrayList<String>();
        if (partitions != PARTITIONS) {
            problems.add(Topics.REGISTRY.name() + " has " + partitions + " partitions; the registry needs exactly "
                    + PARTITIONS + " so that every change is read in one order");
        }
        if (!CLEANUP_POLICY.equals(cleanupPolicy)) {
            problems.add(Topics.REGISTRY.name() + " has " + TopicConfig.CLEANUP_POLICY_CONFIG + "=" + cleanupPolicy
                    + "; the registry needs " + TopicConfig.CLEANUP_POLICY_CONFIG + "=" + CLEANUP_POLICY
                    + " or specs and versions would expire with the log (fix: kafka-configs.sh --alter"
                    + " --entity-type topics --entity-name " + Topics.REGISTRY.name() + " --add-config "
                    + TopicConfig.CLEANUP_POLICY_CONFIG + "=" + CLEANUP_POLICY + ")");
        }
        return List.copyOf(problems);
    }
}
