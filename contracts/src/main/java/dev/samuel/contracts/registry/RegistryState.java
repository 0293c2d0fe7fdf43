package dev.samuel.contracts.registry;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The registry as the log describes it: the latest record of every key, exactly what compaction keeps.
 * Only the log follower changes it; everyone else reads. Views are copies, so a reader never sees a map
 * change under it.
 */
public final class RegistryState {

    private final NavigableMap<String, RegistryRecord> byKey = new ConcurrentSkipListMap<>();
    private final List<BiConsumer<String, RegistryRecord>> listeners = new CopyOnWriteArrayList<>();

    /** Applies one record of the log; a null value (a tombstone) deletes its key. */
    public void apply(String key, RegistryRecord value) {
        if (value == null) {
            byKey.remove(key);
        } else {
            byKey.put(key, value);
        }
        listeners.forEach(listener -> listener.accept(key, value));
    }

    /** Called after each applied record with its key and value (null for a tombstone). */
    public void addListener(BiConsumer<String, RegistryRecord> listener) {
        listeners.add(listener);
    }

    /** Every key and its latest record, sorted by key: two states are the same registry when these are equal. */
    public Map<String, RegistryRecord> snapshot() {
        return new TreeMap<>(byKey);
    }

    public Optional<SpecRecord> spec(String model) {
        return byKey.get(RegistryKey.spec(model)) instanceof SpecRecord spec ? Optional.of(spec) : Optional.empty();
    }

    public List<SpecRecord> specs() {
        return byKey.values().stream().filter(SpecRecord.class::isInstance).map(SpecRecord.class::cast).toList();
    }

    public List<VersionRecord> versions(String model) {
        return ofModel(model, VersionRecord.class).stream()
                .sorted(java.util.Comparator.comparingInt(VersionRecord::version)).toList();
    }

    public Optional<VersionRecord> version(String model, int version) {
        return byKey.get(RegistryKey.version(model, version)) instanceof VersionRecord record
                ? Optional.of(record) : Optional.empty();
    }

    /** The highest version of the model, 0 when it has none. Versions are never deleted, so this never goes down. */
    public int latestVersion(String model) {
        return versions(model).stream().mapToInt(VersionRecord::version).max().orElse(0);
    }

    /** The model's aliases, by name. */
    public Map<String, AliasRecord> aliases(String model) {
        var aliases = new TreeMap<String, AliasRecord>();
        ofModel(model, AliasRecord.class).forEach(alias -> aliases.put(alias.alias(), alias));
        return aliases;
    }

    public Optional<AliasRecord> alias(String model, String alias) {
        return byKey.get(RegistryKey.alias(model, alias)) instanceof AliasRecord record
                ? Optional.of(record) : Optional.empty();
    }

    /** Every alias move of the model, oldest first. */
    public List<AliasMoveRecord> aliasMoves(String model) {
        return ofModel(model, AliasMoveRecord.class).stream()
                .sorted(java.util.Comparator.comparingLong(AliasMoveRecord::sequence)).toList();
    }

    /** The sequence number of the model's latest alias move, 0 when there was none. */
    public long lastAliasMove(String model) {
        return ofModel(model, AliasMoveRecord.class).stream().mapToLong(AliasMoveRecord::sequence).max().orElse(0);
    }

    /** Records of one model and type. Keys start with the model name followed by ':' or '@', or are the name itself. */
    private <T extends RegistryRecord> List<T> ofModel(String model, Class<T> type) {
        return byKey.subMap(model, true, model + Character.MAX_VALUE, true).values().stream()
                .filter(type::isInstance).map(type::cast).filter(record -> record.model().equals(model)).toList();
    }
}
