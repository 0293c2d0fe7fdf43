package dev.samuel.trainer.data;

import dev.samuel.contracts.event.ResolvedExample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;

/**
 * The most recent examples of one split, by example id, at most {@code capacity} of them. A re-sent id is a
 * relabel: it replaces the old example and counts as the newest, as the compacted topic would keep it. Each example
 * is held with the record it was read from ({@link Held}: topic, partition, offset, timestamp), so a job can take the
 * examples from a change point on ({@link #snapshot(Predicate)}).
 * Not thread-safe: one follower thread writes, and jobs read a {@link #snapshot()}.
 */
final class ExampleWindow {

    private final int capacity;
    private final LinkedHashMap<String, Held> examples = new LinkedHashMap<>();

    ExampleWindow(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
        }
        this.capacity = capacity;
    }

    void put(String id, Held example) {
        examples.remove(id);
        examples.put(id, example);
        if (examples.size() > capacity) {
            var oldest = examples.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** A tombstone on the compacted topic deletes the example. */
    void remove(String id) {
        examples.remove(id);
    }

    int size() {
        return examples.size();
    }

    /** The examples, oldest first, as a list the caller owns. */
    List<ResolvedExample> snapshot() {
        return snapshot(held -> true);
    }

    /** The examples whose record passes {@code keep}, oldest first, as a list the caller owns. */
    List<ResolvedExample> snapshot(Predicate<Held> keep) {
        var kept = new ArrayList<ResolvedExample>(examples.size());
        for (var held : examples.values()) {
            if (keep.test(held)) {
                kept.add(held.example());
            }
        }
        return kept;
    }
}
