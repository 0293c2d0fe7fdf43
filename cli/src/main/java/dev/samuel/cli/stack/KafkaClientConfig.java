package dev.samuel.cli.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Kafka client settings (security.protocol, sasl.*, ssl.*) for services run against a broker the stack did not
 * start. They go to a file of the run directory, readable by the user only (a JAAS line holds a password), that
 * each service loads as extra configuration: the registry, the trainer and inference read them as {@code kafka.*},
 * ingest as {@code kafka-streams.*}. Never on a command line, where any user could read them.
 */
public final class KafkaClientConfig {

    private static final String SERVICES_PREFIX = "kafka.";

    private KafkaClientConfig() {
    }

    static void write(Path file, Map<String, String> settings) {
        var properties = new Properties();
        settings.forEach((key, value) -> {
            properties.setProperty(SERVICES_PREFIX + key, value);
            properties.setProperty("kafka-streams." + key, value);
        });
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "Kafka client settings of the services, written by the local stack");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka client settings to " + file, e);
        }
    }

    /** The settings {@link #write} put in {@code file}; none when there is no file. */
    static Map<String, String> read(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        var settings = new TreeMap<String, String>();
        load(file).forEach((key, value) -> {
            if (key.startsWith(SERVICES_PREFIX)) {
                settings.put(key.substring(SERVICES_PREFIX.length()), value);
            }
        });
        return settings;
    }

    /** Kafka client properties as a user writes them (security.protocol=SASL_SSL, ...). */
    public static Map<String, String> load(Path file) {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new StackException("cannot read the Kafka client settings " + file + ": " + e.getMessage());
        }
        var settings = new TreeMap<String, String>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        return settings;
    }

    static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of Quarkus' {@code quarkus.config.locations} that adds the file, if there is one. */
    static Optional<String> location(Path file) {
        return Files.exists(file) ? Optional.of(file.toAbsolutePath().toUri().toString()) : Optional.empty();
    }
}
