package dev.samuel.registry.metrics;

import static dev.samuel.contracts.metrics.MetricNames.ALIAS;
import static dev.samuel.contracts.metrics.MetricNames.MODEL;
import static dev.samuel.contracts.metrics.MetricNames.REASON;

import dev.samuel.contracts.metrics.MetricNames;
import dev.samuel.contracts.registry.AliasMoveRecord;
import dev.samuel.contracts.registry.AliasRecord;
import dev.samuel.contracts.registry.RegistryKey;
import dev.samuel.contracts.registry.RegistryRecord;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.registry.domain.RegistryEvents;
import dev.samuel.contracts.registry.RegistryState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's metrics, {@code samuel_registry_*} with a {@code model} tag. Gauges read the state, so after a
 * restart they show what the log holds; alias moves are counted as the follower applies them, which replays
 * the history kept in the log.
 */
public final class RegistryMetrics implements RegistryEvents {

    private final MeterRegistry meters;
    private final RegistryState state;
    private final Set<String> models = ConcurrentHashMap.newKeySet();
    private final Map<String, Gauge> aliasGauges = new ConcurrentHashMap<>();

    public RegistryMetrics(MeterRegistry meters, RegistryState state) {
        this.meters = meters;
        this.state = state;
        state.addListener(this::applied);
    }

    @Override
    public void validationFailed(String model, String reason) {
        Counter.builder(MetricNames.REGISTRY_VALIDATION_FAILURES).description("Uploads refused by validation")
                .tags(MODEL, model, REASON, reason).register(meters).increment();
    }

    @Override
    public void corruptArtifact(String model) {
        Counter.builder(MetricNames.REGISTRY_CORRUPT_ARTIFACTS)
                .description("Artifact reads refused because the stored bytes were missing or did not match their SHA-256")
                .tags(MODEL, model).register(meters).increment();
    }

    private void applied(String key, RegistryRecord record) {
        if (record instanceof VersionRecord version) {
            watchModel(version.model());
        } else if (record instanceof AliasRecord alias) {
            watchAlias(alias.model(), alias.alias());
        } else if (record instanceof AliasMoveRecord move) {
            Counter.builder(MetricNames.REGISTRY_ALIAS_MOVES).description("Alias moves: set, moved or deleted")
                    .tags(MODEL, move.model(), ALIAS, move.alias()).register(meters).increment();
        } else if (record == null && RegistryKey.parse(key).kind() == RegistryKey.Kind.ALIAS) {
            var gauge = aliasGauges.remove(key);
            if (gauge != null) {
                meters.remove(gauge);
            }
        }
    }

    private void watchModel(String model) {
        if (!models.add(model)) {
            return;
        }
        Gauge.builder(MetricNames.REGISTRY_VERSIONS, state, s -> s.versions(model).size())
                .description("Versions registered").tags(MODEL, model).register(meters);
        Gauge.builder(MetricNames.REGISTRY_LATEST_VERSION, state, s -> s.latestVersion(model))
                .description("The latest version number").tags(MODEL, model).register(meters);
        Gauge.builder(MetricNames.REGISTRY_ARTIFACT_BYTES, state,
                        s -> s.versions(model).stream().mapToLong(VersionRecord::sizeBytes).sum())
                .description("Bytes of the registered artifacts").baseUnit("bytes").tags(MODEL, model).register(meters);
    }

    private void watchAlias(String model, String alias) {
        aliasGauges.computeIfAbsent(RegistryKey.alias(model, alias), key -> Gauge.builder(
                        MetricNames.REGISTRY_ALIAS_VERSION, state,
                        s -> s.alias(model, alias).map(AliasRecord::version).map(Double::valueOf).orElse(Double.NaN))
                .description("The version an alias points at").tags(MODEL, model, ALIAS, alias).register(meters));
    }
}
