package dev.samuel.deploy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KEDA's {@code keda.sh/v1alpha1} ScaledObject, as far as this base uses it: no model of it is published on
 * Maven Central, so these records hold the fields of KEDA's CRD that matter here (read strictly, so a misspelt
 * field fails), and {@link #problems()} what KEDA needs of them, plus a lag threshold this base always sets.
 */
record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    static final String API_VERSION = "keda.sh/v1alpha1";

    /** The Kafka scaler's parameters (KEDA docs, "Apache Kafka" scaler), so a misspelt one is caught too. */
    static final Set<String> KAFKA_METADATA = Set.of("bootstrapServers", "consumerGroup", "topic", "lagThreshold",
            "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers", "excludePersistentLag",
            "scaleToZeroOnInvalidOffset", "limitToPartitionsWithLag", "ensureEvenDistributionOfPartitions",
            "partitionLimitation", "version", "sasl", "tls", "unsafeSsl");

    /** The values KEDA accepts for the Kafka scaler's login parameters, in metadata or a TriggerAuthentication. */
    static final Map<String, Set<String>> KAFKA_VALUES = Map.of(
            "sasl", Set.of("none", "plaintext", "scram_sha256", "scram_sha512", "gssapi", "oauthbearer"),
            "tls", Set.of("enable", "disable"));

    record Spec(ScaleTargetRef scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount,
            Integer idleReplicaCount, Integer pollingInterval, Integer cooldownPeriod, Integer initialCooldownPeriod,
            List<Trigger> triggers) {
    }

    record ScaleTargetRef(String apiVersion, String kind, String name, String envSourceContainerName) {
    }

    record Trigger(String type, String name, String metricType, Boolean useCachedMetrics,
            Map<String, String> metadata, AuthenticationRef authenticationRef) {
    }

    record AuthenticationRef(String name, String kind) {
    }

    List<String> problems() {
        var problems = new java.util.ArrayList<String>();
        if (metadata == null || metadata.getName() == null) {
            problems.add("metadata.name is required");
        }
        if (spec == null) {
            return List.of("spec is required");
        }
        if (spec.scaleTargetRef() == null || spec.scaleTargetRef().name() == null) {
            problems.add("spec.scaleTargetRef.name is required");
        }
        if (spec.triggers() == null || spec.triggers().isEmpty()) {
            problems.add("spec.triggers needs at least one trigger");
        } else {
            for (var trigger : spec.triggers()) {
                if (trigger.type() == null || trigger.metadata() == null) {
                    problems.add("every trigger needs a type and metadata");
                } else if (trigger.type().equals("kafka")) {
                    kafkaProblems(trigger.metadata(), problems);
                }
            }
        }
        var min = spec.minReplicaCount() == null ? 0 : spec.minReplicaCount();
        var max = spec.maxReplicaCount() == null ? 100 : spec.maxReplicaCount();
        if (min > max) {
            problems.add("minReplicaCount " + min + " exceeds maxReplicaCount " + max);
        }
        return problems;
    }

    private static void kafkaProblems(Map<String, String> metadata, List<String> problems) {
        for (var required : List.of("bootstrapServers", "consumerGroup", "lagThreshold")) {
            if (!metadata.containsKey(required)) {
                problems.add("kafka trigger needs " + required);
            }
        }
        metadata.keySet().stream().filter(key -> !KAFKA_METADATA.contains(key))
                .forEach(key -> problems.add("kafka trigger has no parameter '" + key + "'"));
        KAFKA_VALUES.forEach((key, values) -> {
            if (metadata.containsKey(key) && !values.contains(metadata.get(key))) {
                problems.add("kafka trigger's " + key + " must be one of " + values + ", not '" + metadata.get(key) + "'");
            }
        });
    }
}
