package dev.samuel.inference.judge;

import dev.samuel.contracts.monitoring.Judgement;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The registry as the judge reads it: which model a topic belongs to, and as what (the judge subscribes by pattern,
 * and a spec may rename its topics), the specs, and what a version's holdout says about its errors. The topic index
 * is rebuilt when the registry's specs change.
 */
final class ModelIndex {

    enum Role { PREDICTIONS, LABELS, PERFORMANCE }

    record Entry(ModelSpec spec, Role role) {
    }

    private final RegistryState registry;
    private volatile Map<String, Entry> byTopic = Map.of();
    private volatile boolean stale = true;

    ModelIndex(RegistryState registry) {
        this.registry = registry;
        registry.addListener((key, record) -> {
            if (record == null || record instanceof SpecRecord) {
                stale = true;
            }
        });
    }

    Optional<Entry> lookup(String topic) {
        if (stale) {
            stale = false;
            byTopic = index(registry);
        }
        return Optional.ofNullable(byTopic.get(topic));
    }

    Optional<ModelSpec> spec(String model) {
        return registry.spec(model).map(SpecRecord::spec);
    }

    List<ModelSpec> specs() {
        return registry.specs().stream().map(SpecRecord::spec).toList();
    }

    /**
     * What each version of a model promised on its holdout: its test accuracy and the holdout's size, as the trainer
     * records them; a version registered otherwise (an import) has neither, and promises nothing.
     */
    HoldoutPromise.Promises promises(String model) {
        return new HoldoutPromise.Promises() {
            @Override
            public OptionalDouble accuracy(int version) {
                return registry.version(model, version).map(v -> v.metrics().get(VersionRecord.TEST_ACCURACY))
                        .map(OptionalDouble::of).orElse(OptionalDouble.empty());
            }

            @Override
            public long holdout(int version) {
                return registry.version(model, version).map(v -> v.lineage().get(VersionRecord.HOLDOUT_EXAMPLES))
                        .map(Long::parseLong).orElse(0L);
            }
        };
    }

    /** The squared error above which a regression version's result is an error, from its holdout; null if unknown. */
    Double errorThreshold(String model, int version) {
        return registry.version(model, version).map(v -> v.metrics().get(Judgement.ERROR_THRESHOLD_METRIC))
                .orElse(null);
    }

    private static Map<String, Entry> index(RegistryState registry) {
        var index = new HashMap<String, Entry>();
        for (var record : registry.specs()) {
            var spec = record.spec();
            var topics = Topics.of(spec);
            index.put(topics.predictions().name(), new Entry(spec, Role.PREDICTIONS));
            index.put(topics.train().name(), new Entry(spec, Role.LABELS));
            index.put(topics.test().name(), new Entry(spec, Role.LABELS));
            index.put(topics.performance().name(), new Entry(spec, Role.PERFORMANCE));
        }
        return Map.copyOf(index);
    }
}
