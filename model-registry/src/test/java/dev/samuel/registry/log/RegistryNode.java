package dev.samuel.registry.log;

import dev.samuel.registry.domain.ModelRegistry;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.registry.metrics.RegistryMetrics;
import dev.samuel.registry.store.DirectoryArtifactStore;
import dev.samuel.registry.validate.ModelValidator;
import dev.samuel.testkit.KafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Optional;

/** One registry instance as the service assembles it, without HTTP: its log, state and commands. */
final class RegistryNode implements AutoCloseable {

    static final String WRITER = "registry-test-writer";

    final RegistryLog log;
    final ModelRegistry registry;

    private RegistryNode(RegistryLog log, ModelRegistry registry) {
        this.log = log;
        this.registry = registry;
    }

    static RegistryNode writer(KafkaBroker broker, Path artifacts) throws Exception {
        return open(broker, artifacts, Optional.of(WRITER));
    }

    static RegistryNode replica(KafkaBroker broker, Path artifacts) throws Exception {
        return open(broker, artifacts, Optional.empty());
    }

    static RegistryNode open(KafkaBroker broker, Path artifacts, Optional<String> writerId) throws Exception {
        var kafka = new HashMap<String, Object>();
        kafka.put("bootstrap.servers", broker.bootstrapServers());
        var settings = new RegistryLog.Settings(kafka, writerId, (short) 1, Duration.ofSeconds(30), Duration.ofSeconds(30));
        var state = new RegistryState();
        var metrics = new RegistryMetrics(new SimpleMeterRegistry(), state);
        var log = RegistryLog.open(settings, state);
        var registry = new ModelRegistry(state, log.writer(), new DirectoryArtifactStore(artifacts),
                new ModelValidator(1 << 20), metrics, Clock.systemUTC());
        return new RegistryNode(log, registry);
    }

    RegistryState state() {
        return log.state();
    }

    @Override
    public void close() throws InterruptedException {
        log.close();
    }
}
