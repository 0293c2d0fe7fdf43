package dev.samuel.contracts.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How a topic of one {@link TopicRole} is laid out when the platform creates it.
 *
 * @param partitions    partitions to create it with, unless its creator is configured otherwise
 * @param cleanupPolicy {@code cleanup.policy}; empty leaves the cluster's default
 * @param configs       other topic configs
 * @param checked       whether an existing topic must have exactly this layout: a service that cannot work on
 *                      another one refuses to start, naming what to change
 * @param why           why the layout matters, for the message of a refused start
 */
public record TopicSettings(int partitions, Optional<String> cleanupPolicy, Map<String, String> configs,
                            boolean checked, String why) {

    public TopicSettings {
        configs = Map.copyOf(configs);
    }

    /** Compacted: the latest record of each key lives on, so the topic is the state of its keys. */
    static TopicSettings compacted(int partitions, String why) {
        return new TopicSettings(partitions, Optional.of(TopicConfig.CLEANUP_POLICY_COMPACT), Map.of(), false, why);
    }

    /** The cluster's retention: a stream of records whose age decides how long they stay. */
    static TopicSettings stream(int partitions, String why) {
        return new TopicSettings(partitions, Optional.empty(), Map.of(), false, why);
    }

    TopicSettings strictly() {
        return new TopicSettings(partitions, cleanupPolicy, configs, true, why);
    }

    /** The topic configs to create it with, the cleanup policy included. */
    public Map<String, String> creationConfigs() {
        var all = new HashMap<>(configs);
        cleanupPolicy.ifPresent(policy -> all.put(TopicConfig.CLEANUP_POLICY_CONFIG, policy));
        return Map.copyOf(all);
    }

    /**
     * What keeps an existing topic {@code name} from being used; always empty unless the settings are
     * {@link #checked()}. Each problem says how to fix it.
     */
    public List<String> problems(String name, int actualPartitions, String actualCleanupPolicy) {
        if (!checked) {
            return List.of();
        }
        var problems = new ArrayList<String>();
        if (actualPartitions != partitions) {
            problems.add(name + " has " + actualPartitions + " partitions; it needs exactly " + partitions + " ("
                    + why + ")");
        }
        cleanupPolicy.filter(policy -> !policy.equals(actualCleanupPolicy)).ifPresent(policy -> problems.add(
                name + " has " + TopicConfig.CLEANUP_POLICY_CONFIG + "=" + actualCleanupPolicy + "; it needs "
                        + TopicConfig.CLEANUP_POLICY_CONFIG + "=" + policy + " (" + why + "; fix: kafka-configs.sh"
                        + " --alter --entity-type topics --entity-name " + name + " --add-config "
                        + TopicConfig.CLEANUP_POLICY_CONFIG + "=" + policy + ")"));
        return List.copyOf(problems);
    }
}
