package dev.samuel.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The service's own settings, under {@code samuel.inference}. */
@ConfigMapping(prefix = "samuel.inference")
public interface InferenceConfig {

    /** Base URL of the model-registry; artifacts are read from {@code <url>/models/M/versions/V/artifact}. */
    @WithDefault("http://localhost:8082")
    String registryUrl();

    /**
     * Names this instance: its transactional id is {@code samuel-inference-<instance-id>}, so a restarted
     * instance fences its crashed predecessor and aborts its open transaction at once. Unique per replica,
     * stable across restarts (a StatefulSet pod name).
     */
    @WithDefault("inference-0")
    String instanceId();

    /** Consumer group of the scoring loop; must differ from every Kafka Streams application id. */
    @WithDefault("samuel-inference")
    String groupId();

    /** Most events scored in one transaction (and one ONNX Runtime run per model). */
    @WithDefault("2000")
    int maxPollRecords();

    @WithDefault("100ms")
    Duration pollTimeout();

    /**
     * How long one scoring transaction stays open, taking more polls, before it commits. Predictions become visible at
     * the commit, so this bounds the latency a transaction adds;
     * each commit costs broker round trips, so a longer interval scores more events per second. 0 commits every
     * poll. docs/design.md, "Commit cadence", has the measurements behind the default.
     */
    @WithDefault("20ms")
    Duration commitInterval();

    /** How long a crashed instance's open transaction may hold read_committed readers back at most. */
    @WithDefault("10s")
    Duration transactionTimeout();

    /**
     * The Confluent-compatible schema registry Avro events are read through (for example
     * {@code http://registry:8080/apis/ccompat/v7}); without one, an Avro event is dead-lettered as
     * {@code unknown_encoding}.
     */
    Optional<String> schemaRegistry();

    /** ONNX Runtime intra-op threads per session. */
    @WithDefault("1")
    int ortThreads();

    /** Time allowed to download one artifact. */
    @WithDefault("30s")
    Duration artifactTimeout();

    /** Partitions of the predictions and rejected topics when the unlabelled topic does not exist yet. */
    @WithDefault("3")
    int topicPartitions();

    @WithDefault("1")
    short topicReplicationFactor();

    /** The judge: labels joined to predictions, drift detection (docs/design.md, "Realised performance"). */
    JudgeConfig judge();

    interface JudgeConfig {

        /**
         * Where the join's stores live, one folder per instance below it. Lost with the pod, they are rebuilt from
         * their changelog topics; a volume makes the restart faster.
         */
        @WithDefault("${java.io.tmpdir}/samuel-judge")
        String stateDir();

        /**
         * The topics the judge reads predictions and labels from; a spec that renames one must pick a name this matches.
         * One platform per cluster: a second inference deployment on the same cluster must narrow it to its own
         * models, or both judge them.
         */
        @WithDefault(".+\\.(predictions|train|test)")
        String inputTopics();

        /** The topics the judge's drift watches read the judged examples from. */
        @WithDefault(".+\\.performance")
        String performanceTopics();

        /** Partitions of the join's repartition topic: at most this many instances share the join. */
        @WithDefault("3")
        int partitions();

        /** How often predictions whose label is overdue are counted as expired and forgotten. */
        @WithDefault("10s")
        Duration sweepEvery();

        /** Judged examples per model whose place a drift watch remembers, to start a drift job from. */
        @WithDefault("100000")
        int changeWindow();

        /**
         * How often the judge commits its transaction (Kafka Streams' default under exactly-once): each commit writes
         * the join's store changes, offsets and transaction markers, and a judged example is visible on its
         * performance topic up to this much later. A second instead made no measurable difference to scoring on two
         * cores (bench/RESULTS.md, 2026-12-06).
         */
        @WithDefault("100ms")
        Duration commitInterval();
    }
}
