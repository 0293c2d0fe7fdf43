package dev.samuel.registry.app;

import dev.samuel.registry.config.RegistryConfig;
import dev.samuel.registry.domain.ModelRegistry;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.registry.log.RegistryLog;
import dev.samuel.registry.metrics.RegistryMetrics;
import dev.samuel.registry.store.ArtifactStore;
import dev.samuel.registry.validate.ModelValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Opens the registry log at start-up, before the service answers: a topic that would lose state, a missing
 * token, or a log that cannot be read to its end stops the start with the reason.
 */
@Startup
@ApplicationScoped
public class RegistryRuntime {

    private static final Logger LOG = Logger.getLogger(RegistryRuntime.class);

    @Inject
    RegistryConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    MeterRegistry meters;

    private RegistryLog log;
    private ArtifactStore artifacts;
    private ModelRegistry registry;

    @PostConstruct
    void start() throws InterruptedException, IOException {
        if (config.writer().enabled() && config.writeToken().isEmpty()) {
            throw new IllegalStateException("samuel.registry.write-token (SAMUEL_REGISTRY_WRITE_TOKEN) must be set"
                    + " on an instance that writes; set samuel.registry.writer.enabled=false for a read-only replica");
        }
        // The store first: a missing bucket stops the start before the writer identity fences anyone.
        var store = ArtifactStores.open(config.artifacts());
        artifacts = store.store();
        var state = new RegistryState();
        var metrics = new RegistryMetrics(meters, state);
        log = RegistryLog.open(settings(), state);
        registry = new ModelRegistry(state, log.writer(), artifacts, new ModelValidator(config.artifacts().maxBytes()),
                metrics, Clock.systemUTC());
        LOG.infof("Registry state read to offset %d as %s; artifacts in %s", log.follower().position(), log.role(),
                store.location());
    }

    private RegistryLog.Settings settings() {
        var writerId = config.writer().enabled() ? Optional.of(config.writer().id()) : Optional.<String>empty();
        return new RegistryLog.Settings(kafka, writerId, config.topicReplicationFactor(), config.catchUpTimeout(),
                config.applyTimeout());
    }

    @PreDestroy
    void stop() throws Exception {
        if (log != null) {
            log.close();
        }
        if (artifacts instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    public RegistryLog log() {
        return log;
    }

    @Produces
    @Singleton
    ModelRegistry modelRegistry() {
        return registry;
    }
}
