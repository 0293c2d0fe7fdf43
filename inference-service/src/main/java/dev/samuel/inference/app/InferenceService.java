package dev.samuel.inference.app;

import dev.samuel.inference.config.InferenceConfig;
import dev.samuel.inference.judge.Judge;
import dev.samuel.inference.judge.JudgeTopology;
import dev.samuel.inference.scoring.LoopSettings;
import dev.samuel.inference.swap.Champions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/** Starts the {@link InferenceRuntime} with the application and stops it with the application. */
@ApplicationScoped
public class InferenceService {

    @Inject
    InferenceConfig config;

    @Inject
    MeterRegistry meters;

    // Every kafka.* setting of the application: bootstrap servers and security (SASL, SSL) alike.
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private volatile InferenceRuntime runtime;

    void start(@Observes StartupEvent event) {
        var settings = new LoopSettings(kafka, config.instanceId(), config.groupId(), config.maxPollRecords(),
                config.pollTimeout(), config.transactionTimeout(), config.commitInterval());
        var judge = config.judge();
        var options = new InferenceRuntime.Options(config.registryUrl(), config.artifactTimeout(), config.ortThreads(),
                config.topicPartitions(), config.topicReplicationFactor(), new Judge.Options(
                        config.groupId() + "-judge", config.instanceId(), Path.of(judge.stateDir()),
                        config.topicReplicationFactor(), new JudgeTopology.Settings(Pattern.compile(judge.inputTopics()),
                                Pattern.compile(judge.performanceTopics()), judge.partitions(), judge.sweepEvery(),
                                judge.changeWindow(), true), judge.commitInterval()), config.schemaRegistry());
        runtime = InferenceRuntime.start(settings, options, meters);
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        if (runtime != null) {
            runtime.close();
        }
    }

    /** Null until the application has started. */
    public InferenceRuntime runtime() {
        return runtime;
    }

    /** The served models; 503 for a request that arrives before start-up finished. */
    public Champions champions() {
        var current = runtime;
        if (current == null) {
            throw new ServiceUnavailableException("the service is starting");
        }
        return current.champions();
    }
}
