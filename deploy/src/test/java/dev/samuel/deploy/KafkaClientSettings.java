package dev.samuel.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka settings a service takes although its own files never name them: how a service logs in is configuration
 * (README.md, "Kafka security"). Two sources, each read from the library itself so a misspelt name fails:
 * the Java client's settings (kafka-clients' config definitions), which Quarkus hands on from every {@code kafka.*}
 * key, and the {@code quarkus.*} properties an extension declares (its config model, for Kafka Streams).
 */
final class KafkaClientSettings {

    /** Every setting of the Java producer, consumer and admin client: security.protocol, sasl.jaas.config, ... */
    static final Set<String> CLIENT = clientSettings();

    /**
     * The properties of the Quarkus extensions on this module's test classpath (quarkus-kafka-streams), each with
     * the environment variable Quarkus maps to it, as their config models (META-INF/quarkus-config-doc) list them.
     */
    static final Map<String, String> QUARKUS = quarkusProperties();

    private static final String CONFIG_MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";

    private KafkaClientSettings() {
    }

    /** A client setting, or a family of them written {@code sasl.*} as the READMEs do. */
    static boolean isClientSetting(String name) {
        if (name.endsWith(".*")) {
            var prefix = name.substring(0, name.length() - 1);
            return CLIENT.stream().anyMatch(setting -> setting.startsWith(prefix));
        }
        return CLIENT.contains(name);
    }

    /**
     * The client setting a variable names for a service that uses Quarkus' default Kafka configuration: Quarkus
     * takes every property starting with "kafka", drops that prefix, lower-cases it and turns '_' into '.', so
     * {@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config} (quarkus-kafka-client, KafkaRuntimeConfigProducer).
     */
    static boolean isClientVariable(String envName) {
        return envName.startsWith("KAFKA_")
                && CLIENT.contains(envName.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    private static Set<String> clientSettings() {
        var names = new TreeSet<String>();
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return Collections.unmodifiableSet(names);
    }

    private static Map<String, String> quarkusProperties() {
        var properties = new HashMap<String, String>();
        try {
            var models = KafkaClientSettings.class.getClassLoader().getResources(CONFIG_MODEL);
            while (models.hasMoreElements()) {
                try (var in = models.nextElement().openStream()) {
                    collect(new ObjectMapper().readTree(in), properties);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (properties.isEmpty()) {
            throw new IllegalStateException("no Quarkus config model (" + CONFIG_MODEL + ") on the test classpath");
        }
        return Collections.unmodifiableMap(properties);
    }

    /** Every {"property": ..., "environmentVariable": ...} pair of the model, at any depth. */
    private static void collect(JsonNode node, Map<String, String> properties) {
        if (node.has("property") && node.has("environmentVariable")) {
            properties.put(node.get("property").asText(), node.get("environmentVariable").asText());
        }
        node.forEach(child -> collect(child, properties));
    }
}
