package dev.samuel.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Kafka client settings (security.protocol, sasl.*, ssl.*) for services run against a broker the stack did not
 * start. They go to a file of the run directory, readable by the user only (a JAAS line holds a password), that
 * each service loads as extra configuration: the registry, the trainer and inference read them as {@code kafka.*},
 * ingest as {@code kafka-streams.*}. Never on a command line, where any user could read them.
 */
final class KafkaClientConfig {

    private KafkaClientConfig() {
    }

    static void write(Path file, Map<String, String> settings) {
        var properties = new Properties();
        settings.forEach((key, value) -> {
            properties.setProperty("kafka." + key, value);
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
