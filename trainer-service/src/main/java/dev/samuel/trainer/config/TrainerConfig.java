package dev.samuel.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The trainer's own settings, under {@code samuel.trainer}. */
@ConfigMapping(prefix = "samuel.trainer")
public interface TrainerConfig {

    /** The model-registry's REST API, where versions are published and champions promoted. */
    @WithDefault("http://localhost:8082")
    URI registryUrl();

    /** The bearer token that asking for a job over REST needs; none: every request is refused. */
    Optional<String> writeToken();

    /** The registry's bearer token for writes. */
    String registryToken();

    /**
     * The Confluent-compatible schema registry Avro examples are read through (for example
     * {@code http://registry:8080/apis/ccompat/v7}); without one, an Avro example is left out as {@code unknown_encoding}.
     */
    Optional<String> schemaRegistry();

    /**
     * A name for this trainer that outlives its restarts (a pod's name, say): its static member id in the trainers'
     * group, so a trainer that crashed and came back takes its models back at once rather than after the group's
     * session timeout. Unset: a new random name at each start. Two running trainers must not share one.
     */
    Optional<String> instance();

    /** Examples kept per model and split (the most recent ones): bounds the trainer's memory. */
    @WithDefault("100000")
    int datasetCapacity();

    /** How often the {@code retrainEvery} policies are checked. */
    @WithDefault("5s")
    Duration retrainCheck();

    /** How long start-up waits to read {@code samuel.registry} to its end. */
    @WithDefault("60s")
    Duration catchUpTimeout();

    /** Attempts of a registry call that fails for a passing reason (restart, 5xx, timeout): 0.5 s, 1 s, 2 s, ... apart. */
    @WithDefault("8")
    int registryAttempts();
}
