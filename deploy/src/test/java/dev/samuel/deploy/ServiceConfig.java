package dev.samuel.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What configuration a service reads, from its own files: the keys of {@code application.properties} (with the
 * environment variables their values name, as in {@code ${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}}) and the keys
 * of the README's configuration table. {@code ServiceConfigTest} checks the README's {@code samuel.*} keys against
 * the service's {@code @ConfigMapping}, so a table that drifted from the code fails there.
 *
 * @param keys property keys, without profile prefixes
 * @param envReferences environment variables named in property values
 * @param readmeDefaults README keys and the default the table gives (the first code span of the cell, or "")
 */
record ServiceConfig(String service, Map<String, String> properties, Set<String> keys, Set<String> envReferences,
        Map<String, String> readmeDefaults) {

    /** Variables of the base image's run-java.sh (heap sizing, JVM options): the image reads them, not Quarkus. */
    static final Set<String> IMAGE_ENVIRONMENT = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO",
            "JAVA_INITIAL_MEM_RATIO", "JAVA_MAX_INITIAL_MEM", "JAVA_APP_JAR", "JAVA_DEBUG", "JAVA_DEBUG_PORT",
            "LANGUAGE");

    // Every "${NAME" opening, so a default that names another variable (${A:${B:}}) counts both.
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)[:}]");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    static ServiceConfig of(String service) {
        var properties = properties(Repo.path(service + "/src/main/resources/application.properties"));
        var keys = new TreeSet<String>();
        var envReferences = new TreeSet<String>();
        properties.forEach((key, value) -> {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
            ENV_REFERENCE.matcher(value).results().forEach(m -> envReferences.add(m.group(1)));
        });
        var readme = readmeTable(Repo.read(service + "/README.md"));
        readme.keySet().stream().filter(k -> ENV_NAME.matcher(k).matches()).forEach(envReferences::add);
        readme.keySet().stream().filter(k -> !ENV_NAME.matcher(k).matches()).forEach(keys::add);
        return new ServiceConfig(service, properties, keys, envReferences, readme);
    }

    /** The port the service listens on in production: {@code quarkus.http.port} of application.properties. */
    int httpPort() {
        return Integer.parseInt(properties.get("quarkus.http.port"));
    }

    /**
     * Whether an environment variable reaches this service's configuration: it is named in a property value, it is
     * the environment form of a key the service reads (Quarkus: upper case, every other character '_'), or it is a
     * Kafka setting one of the service's Quarkus extensions takes ({@link KafkaClientSettings}).
     */
    boolean reads(String envName) {
        return envReferences.contains(envName) || keys.stream().anyMatch(key -> envForm(key).equals(envName))
                || usesDefaultKafka() && KafkaClientSettings.isClientVariable(envName)
                || KafkaClientSettings.QUARKUS.entrySet().stream()
                        .anyMatch(property -> property.getValue().equals(envName) && configures(property.getKey()));
    }

    /**
     * Whether the service reads a key that need not be in its application.properties: a property of a Quarkus
     * extension it configures, or a Kafka client setting under the prefix its Kafka extension hands on to every
     * client it makes ({@code kafka.} for the registry, trainer and inference, {@code kafka-streams.} for ingest).
     */
    boolean declares(String key) {
        if (properties.containsKey(key) || KafkaClientSettings.QUARKUS.containsKey(key) && configures(key)) {
            return true;
        }
        if (key.startsWith("kafka.") && usesDefaultKafka()) {
            return KafkaClientSettings.isClientSetting(key.substring("kafka.".length()));
        }
        if (key.startsWith("kafka-streams.") && configures("quarkus.kafka-streams.application-id")) {
            return KafkaClientSettings.isClientSetting(key.substring("kafka-streams.".length()));
        }
        return false;
    }

    /** Quarkus' default Kafka configuration ("default-kafka-broker"), which gets every kafka.* key. */
    boolean usesDefaultKafka() {
        return properties.containsKey("kafka.bootstrap.servers");
    }

    /** The service sets a key of the extension that declares this property (quarkus.kafka-streams.*, say). */
    private boolean configures(String quarkusProperty) {
        var end = quarkusProperty.indexOf('.', "quarkus.".length());
        var root = end < 0 ? quarkusProperty : quarkusProperty.substring(0, end + 1);
        return properties.keySet().stream().map(key -> key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key)
                .anyMatch(key -> key.startsWith(root));
    }

    /** Every environment variable this service reads, for failure messages. */
    Set<String> environment() {
        var names = Stream.concat(envReferences.stream(), keys.stream().map(ServiceConfig::envForm))
                .collect(Collectors.toCollection(TreeSet::new));
        if (usesDefaultKafka()) {
            names.add("KAFKA_<any Kafka client setting>");
        }
        return names;
    }

    static String envForm(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Map<String, String> properties(Path file) {
        try {
            var properties = new Properties();
            properties.load(new StringReader(Files.readString(file)));
            var map = new LinkedHashMap<String, String>();
            properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of the table under "## Configuration": every code span of the first cell is a key or a variable.
     * A span starting with '.' abbreviates a sibling of the previous key ({@code `...s3.access-key`, `.secret-key`}).
     */
    static Map<String, String> readmeTable(String readme) {
        var start = readme.indexOf("\n## Configuration");
        if (start < 0) {
            throw new IllegalStateException("README has no '## Configuration' section");
        }
        var end = readme.indexOf("\n## ", start + 1);
        var section = readme.substring(start, end < 0 ? readme.length() : end);
        var table = new LinkedHashMap<String, String>();
        section.lines().filter(line -> line.startsWith("|")).skip(2).forEach(line -> {
            var cells = line.split("\\|");
            var defaultValue = CODE.matcher(cells[2]).results().map(m -> m.group(1)).findFirst().orElse("");
            String previous = null;
            for (var span : CODE.matcher(cells[1]).results().map(m -> m.group(1)).toList()) {
                var key = span.startsWith(".") && previous != null
                        ? previous.substring(0, previous.lastIndexOf('.')) + span
                        : span;
                table.put(key, defaultValue);
                previous = key;
            }
        });
        if (table.isEmpty()) {
            throw new IllegalStateException("README's configuration table has no keys");
        }
        return table;
    }
}
