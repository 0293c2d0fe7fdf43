package dev.samuel.trainer.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
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

    /**
     * Where the trainer keeps the examples of the models it owns, on disk (a directory of its own below this one,
     * removed when it stops): they are read anew from the topics at every start. Local disk, not shared.
     */
    @WithDefault("${java.io.tmpdir}/samuel-trainer-store")
    Path storeDir();

    /**
     * The disk the stored examples may take in all ({@code 20G}, {@code 500M}): an example past it is refused, counted
     * and shown in the model's dataset, and a job of that model fails saying so rather than train on part of its data.
     */
    @WithDefault("20G")
    MemorySize storeBudget();

    /** How often the {@code retrainEvery} policies are checked. */
    @WithDefault("5s")
    Duration retrainCheck();

    /** How long start-up waits to read {@code samuel.registry} to its end. */
    @WithDefault("60s")
    Duration catchUpTimeout();

    /**
     * Attempts of a registry call that fails for a passing reason (restart, 5xx, timeout): 0.5 s, 1 s, 2 s, then 4 s
     * apart (about a minute at the default), so a registry back from an outage is called again within 4 s.
     */
    @WithDefault("18")
    int registryAttempts();
}
