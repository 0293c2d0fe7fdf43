package dev.samuel.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The service's own settings, under {@code samuel.registry}. Kafka clients take {@code kafka.*}. */
@ConfigMapping(prefix = "samuel.registry")
public interface RegistryConfig {

    /** Bearer token that writes must present; required while this instance writes. Reads are open. */
    Optional<String> writeToken();

    Writer writer();

    Artifacts artifacts();

    /** Replication factor of the registry topic when this service creates it: 3 on a production cluster. */
    @WithDefault("1")
    short topicReplicationFactor();

    /** How long start-up may take to read the registry topic to its end before it fails. */
    @WithDefault("60s")
    Duration catchUpTimeout();

    /** How long a committed write may take to be read back before the request fails (503). */
    @WithDefault("30s")
    Duration applyTimeout();

    interface Writer {

        /** False for a read-only replica: it follows the log and serves reads; writes get 503. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The writer identity, the transactional.id of the log producer. Instances sharing it exclude each other:
         * the latest one started fences the others.
         */
        @WithDefault("samuel-registry-writer")
        String id();
    }

    interface Artifacts {

        /** Directory of the content-addressed artifact store. */
        @WithDefault("data/artifacts")
        Path dir();

        /** Larger uploads are refused with 413. Keep quarkus.http.limits.max-body-size above it. */
        @WithDefault("67108864")
        long maxBytes();
    }
}
