package dev.samuel.inference.app;

import dev.samuel.contracts.avro.AvroRecords;
import dev.samuel.contracts.avro.SchemaRegistryClient;
import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.inference.judge.Judge;
import dev.samuel.inference.judge.JudgeTopology;
import dev.samuel.inference.metrics.InferenceMetrics;
import dev.samuel.inference.model.ModelLoader;
import dev.samuel.inference.scoring.LoopSettings;
import dev.samuel.inference.scoring.OutputTopics;
import dev.samuel.inference.scoring.PollScorer;
import dev.samuel.inference.scoring.ScoringLoop;
import dev.samuel.inference.swap.Champions;
import dev.samuel.inference.swap.SwapCoordinator;
import dev.samuel.inference.swap.SwapStatus;
import dev.samuel.plumbing.http.Backoff;
import dev.samuel.plumbing.kafka.RegistryFollower;
import dev.samuel.plumbing.registry.RegistryClient;
import dev.samuel.plumbing.streams.StreamThreadRestarts;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole service without Quarkus: the registry follower, the swap coordinator and the scoring loop over
 * one set of champions. Quarkus starts one of these; tests and the crash test's child process start their own.
 * Closing stops the loop first (its open transaction is aborted by the producer's close), then the rest.
 */
public final class InferenceRuntime implements AutoCloseable {

    /** Everything the runtime needs that is not a Kafka consumer or producer setting. */
    public record Options(String registryUrl, Duration artifactTimeout, int ortThreads, int topicPartitions,
                          short replicationFactor, Judge.Options judge, Optional<String> schemaRegistry) {

        /** The judge with its defaults, its state under the temporary directory; no schema registry. */
        public Options(String registryUrl, Duration artifactTimeout, int ortThreads, int topicPartitions,
                       short replicationFactor) {
            this(registryUrl, artifactTimeout, ortThreads, topicPartitions, replicationFactor, null, Optional.empty());
        }
    }

    private final Champions champions = new Champions();
    private final SwapStatus status = new SwapStatus();
    private final RegistryState registry = new RegistryState();
    private final InferenceMetrics metrics;
    private final OutputTopics outputTopics;
    private final SwapCoordinator swaps;
    private final ScoringLoop loop;
    private final RegistryFollower follower;
    private final Judge judge;

    private InferenceRuntime(LoopSettings kafka, Options options, MeterRegistry meters) {
        this.metrics = new InferenceMetrics(meters, champions);
        this.outputTopics = new OutputTopics(kafka, options.topicPartitions(), options.replicationFactor());
        this.swaps = new SwapCoordinator(registry, new RegistryClient(URI.create(options.registryUrl()), null,
                Backoff.NONE, options.artifactTimeout()),
                new ModelLoader(options.ortThreads()), champions, status, metrics, outputTopics::ensure);
        var started = new AtomicReference<RegistryFollower>();
        swaps.start(() -> started.get() != null && started.get().isCaughtUp());
        registry.addListener(swaps::onRecord);
        this.follower = RegistryFollower.start(kafka.common(),
                kafka.instanceId(), registry);
        started.set(follower);
        // One schema cache for both readers. The scoring loop does not wait for a registry: its poll is aborted and
        // read again, which costs no rebalance; the judge's stream thread waits, as a rebalance would cost more.
        var schemas = options.schemaRegistry().map(SchemaRegistryClient::new);
        var scoring = schemas.map(registry -> AvroRecords.codec(registry, Duration.ZERO)).orElse(Codec.WITHOUT_REGISTRY);
        this.loop = new ScoringLoop(kafka, champions, new PollScorer(champions, metrics, scoring), meters).start();
        var judging = schemas.map(registry -> AvroRecords.codec(registry, StreamThreadRestarts.REGISTRY_PATIENCE))
                .orElse(Codec.WITHOUT_REGISTRY);
        this.judge = Judge.start(kafka.common(), judgeOptions(kafka, options), judging, registry, champions, meters);
    }

    private static Judge.Options judgeOptions(LoopSettings kafka, Options options) {
        if (options.judge() != null) {
            return options.judge();
        }
        // The judge's application id follows the scoring loop's group, so tests that name their group get their own.
        return new Judge.Options(kafka.groupId() + "-judge", kafka.instanceId(),
                Path.of(System.getProperty("java.io.tmpdir"), "samuel-judge"), options.replicationFactor(),
                JudgeTopology.Settings.DEFAULT, Judge.DEFAULT_COMMIT_INTERVAL);
    }

    public static InferenceRuntime start(LoopSettings kafka, Options options, MeterRegistry meters) {
        return new InferenceRuntime(kafka, options, meters);
    }

    public Champions champions() {
        return champions;
    }

    public SwapStatus status() {
        return status;
    }

    public RegistryState registry() {
        return registry;
    }

    public InferenceMetrics metrics() {
        return metrics;
    }

    /** Caught up with the registry log and polling: the first champions are being loaded or served. */
    public boolean isReady() {
        return follower.isCaughtUp() && follower.isFollowing() && loop.isRunning() && judge.isRunning();
    }

    @Override
    public void close() throws Exception {
        judge.close();
        loop.close();
        follower.close();
        swaps.close();
        outputTopics.close();
        champions.clear();
    }
}
