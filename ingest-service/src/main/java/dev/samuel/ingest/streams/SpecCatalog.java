package dev.samuel.ingest.streams;

import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.registry.RegistryKey;
import dev.samuel.contracts.registry.RegistryRecord;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the spec of the model a labelled topic belongs to. The registry store holds raw bytes; a spec is
 * decoded again only when its bytes change, because this runs for every record.
 */
final class SpecCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SpecCatalog.class);
    private static final String LABELLED_SUFFIX = ".labelled";

    /** A decoded spec, its topics, and the bytes it was decoded from. */
    record Model(ModelSpec spec, ModelTopics topics, byte[] source) {
    }

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> registry;
    private final Map<String, Model> byModel = new HashMap<>();
    private final Map<String, String> modelByTopic = new HashMap<>();

    SpecCatalog(ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> registry) {
        this.registry = registry;
    }

    /** The model whose labelled topic this is, if its spec is registered. */
    Optional<Model> forLabelledTopic(String topic) {
        var model = modelByTopic.computeIfAbsent(topic, SpecCatalog::conventionalModelName);
        var found = lookup(model).filter(m -> m.topics().labelled().name().equals(topic));
        if (found.isEmpty()) {
            found = scanForOverride(topic);
            found.ifPresent(m -> modelByTopic.put(topic, m.spec().name()));
        }
        return found;
    }

    /** The model a labelled topic is named after by convention, {@code M.labelled -> M}. */
    static String conventionalModelName(String topic) {
        return topic.endsWith(LABELLED_SUFFIX) ? topic.substring(0, topic.length() - LABELLED_SUFFIX.length()) : topic;
    }

    private Optional<Model> lookup(String model) {
        var stored = registry.get(RegistryKey.spec(model));
        if (stored == null || stored.value() == null) {
            byModel.remove(model);
            return Optional.empty();
        }
        var cached = byModel.get(model);
        if (cached != null && Arrays.equals(cached.source(), stored.value())) {
            return Optional.of(cached);
        }
        var decoded = decode(stored.value());
        decoded.ifPresentOrElse(m -> byModel.put(model, m), () -> byModel.remove(model));
        return decoded;
    }

    /** A spec may rename its labelled topic; such a topic is found by a scan, once, then remembered. */
    private Optional<Model> scanForOverride(String topic) {
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> all = registry.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                if (RegistryKey.parse(entry.key).kind() != RegistryKey.Kind.SPEC) {
                    continue;
                }
                var model = lookup(entry.key);
                if (model.isPresent() && model.get().topics().labelled().name().equals(topic)) {
                    return model;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Model> decode(byte[] bytes) {
        try {
            var record = Json.MAPPER.readValue(bytes, RegistryRecord.class);
            if (record instanceof SpecRecord specRecord) {
                var spec = ModelSpecs.validated(specRecord.spec());
                return Optional.of(new Model(spec, Topics.of(spec), bytes));
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("Ignoring an unreadable spec in {}: {}", Topics.REGISTRY.name(), e.getMessage());
        }
        return Optional.empty();
    }
}
