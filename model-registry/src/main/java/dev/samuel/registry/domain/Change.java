package dev.samuel.registry.domain;

import dev.samuel.contracts.registry.RegistryRecord;
import java.util.List;

/** What one write puts on the log, all or nothing, and what the caller gets back once it is applied. */
public record Change<T>(List<Entry> entries, T result) {

    /** One record of the log; a null value is a tombstone. */
    public record Entry(String key, RegistryRecord value) {

        public static Entry of(RegistryRecord value) {
            return new Entry(value.key(), value);
        }

        public static Entry tombstone(String key) {
            return new Entry(key, null);
        }
    }

    public Change {
        entries = List.copyOf(entries);
    }

    public static <T> Change<T> of(T result, RegistryRecord... records) {
        return new Change<>(java.util.Arrays.stream(records).map(Entry::of).toList(), result);
    }

    /** Nothing to write: the state already is what was asked for. */
    public static <T> Change<T> none(T result) {
        return new Change<>(List.of(), result);
    }
}
