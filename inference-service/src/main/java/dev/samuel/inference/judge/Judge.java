package dev.samuel.inference.judge;

import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.inference.swap.Champions;
import dev.samuel.plumbing.kafka.TopicEnsurer;
import dev.samuel.plumbing.kafka.TransactionalProducers;
import dev.samuel.plumbing.streams.StreamThreadRestarts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The served models' realised performance, as a Kafka Streams application inside inference: inference holds the
 * champions that score a label no prediction waited for (docs/design.md, realised performance). Every instance runs
 * it under one application id, so the join's tasks and the models' drift watches spread over the instances.
 */
public final class Judge implements AutoCloseable {

    /** Everything the judge needs besides the cluster's settings. */
    public record Options(String applicationId, String instanceId, Path stateDir, short replicationFactor,
                          JudgeTopology.Settings topology, Duration commitInterval) {
    }

    /** The service's default ({@code samuel.inference.judge.commit-interval}). */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;

    private Judge(KafkaStreams streams, KafkaStreamsMetrics streamsMetrics) {
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
    }

    /** {@code codec}: how labelled examples are read, as the scoring loop reads events. */
    public static Judge start(Map<String, Object> kafka, Options options, Codec codec, RegistryState registry,
                              Champions champions, MeterRegistry meters) {
        ensureOutputs(kafka, options.replicationFactor());
        var models = new ModelIndex(registry);
        var metrics = new JudgeMetrics(meters);
        var topology = JudgeTopology.build(new StreamsBuilder(), options.topology(), codec, models,
                new ChampionPrequential(champions, models), metrics, Clock.systemUTC());
        var streams = new KafkaStreams(topology, properties(kafka, options));
        streams.setUncaughtExceptionHandler(new StreamThreadRestarts("the judge"));
        var streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(meters);
        streams.start();
        return new Judge(streams, streamsMetrics);
    }

    /** Running or rebalancing: not stopped, not failed. */
    public boolean isRunning() {
        return streams.state().isRunningOrRebalancing();
    }

    private static Properties properties(Map<String, Object> kafka, Options options) {
        var config = new HashMap<String, Object>(kafka);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, options.applicationId());
        config.put(StreamsConfig.CLIENT_ID_CONFIG, options.applicationId() + "-" + options.instanceId());
        // A judged example, its place in the join's stores and its input offsets are committed together.
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, options.commitInterval().toMillis());
        TransactionalProducers.settings().forEach((key, value) -> config.put(StreamsConfig.producerPrefix(key), value));
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) options.replicationFactor());
        // One directory per instance: two instances on one machine must not share their stores' lock.
        config.put(StreamsConfig.STATE_DIR_CONFIG, options.stateDir().resolve(options.instanceId()).toString());
        config.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class);
        // A model's predictions topic appears when inference first serves it; until the pattern subscription finds it,
        // its labels can only be judged by the champion. A metadata request every 2 s (default 5 minutes) finds it soon.
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), 2_000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        var properties = new Properties();
        properties.putAll(config);
        return properties;
    }

    /** The platform topics the judge writes to; each model's performance topic is made with its other outputs. */
    private static void ensureOutputs(Map<String, Object> kafka, short replicationFactor) {
        try (var admin = Admin.create(kafka)) {
            new TopicEnsurer(admin, Optional.of(replicationFactor)).ensure(List.of(Topics.DRIFT, Topics.JOBS));
        }
    }

    @Override
    public void close() {
        // Bounded: a broker that is gone would keep an unbounded close waiting for good.
        streams.close(Duration.ofSeconds(30));
        streamsMetrics.close();
    }
}
