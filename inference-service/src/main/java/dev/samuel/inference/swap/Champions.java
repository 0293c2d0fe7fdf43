package dev.samuel.inference.swap;

import dev.samuel.inference.model.ServedModel;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The version served for each model: one atomic slot per model. A swap replaces the slot's model in one step
 * and retires the old one, whose session closes once the batches holding it have finished.
 */
public final class Champions {

    private final Map<String, AtomicReference<ServedModel>> slots = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /**
     * The served model with a reference taken, or empty when none is served. The caller must
     * {@link ServedModel#release()} it.
     */
    public Optional<ServedModel> acquire(String model) {
        var slot = slots.get(model);
        while (slot != null) {
            var served = slot.get();
            if (served == null) {
                return Optional.empty();
            }
            if (served.tryAcquire()) {
                return Optional.of(served);
            }
            // Swapped out and drained between get() and tryAcquire(): the slot already holds its successor.
        }
        return Optional.empty();
    }

    /** Serves {@code next} from now on; returns the version it replaced, 0 when none. */
    public int swap(ServedModel next) {
        var previous = slots.computeIfAbsent(next.name(), name -> new AtomicReference<>()).getAndSet(next);
        generation.incrementAndGet();
        if (previous == null) {
            return 0;
        }
        previous.retire();
        return previous.version();
    }

    /** Stops serving a model (its champion alias was deleted). */
    public void remove(String model) {
        var slot = slots.get(model);
        var previous = slot == null ? null : slot.getAndSet(null);
        if (previous != null) {
            generation.incrementAndGet();
            previous.retire();
        }
    }

    /** The served version of a model, 0 when none. */
    public int servedVersion(String model) {
        var slot = slots.get(model);
        var served = slot == null ? null : slot.get();
        return served == null ? 0 : served.version();
    }

    /** Served versions by model. */
    public Map<String, Integer> servedVersions() {
        var versions = new TreeMap<String, Integer>();
        slots.forEach((model, slot) -> {
            var served = slot.get();
            if (served != null) {
                versions.put(model, served.version());
            }
        });
        return versions;
    }

    /** Unlabelled topic to model name, for every served model. */
    public Map<String, String> routes() {
        var routes = new TreeMap<String, String>();
        slots.forEach((model, slot) -> {
            var served = slot.get();
            if (served != null) {
                routes.put(served.topics().unlabelled().name(), model);
            }
        });
        return routes;
    }

    /** Changes whenever the set of served models, or a version, changes. */
    public long generation() {
        return generation.get();
    }

    /** Retires every model: the service is stopping. */
    public void clear() {
        slots.keySet().forEach(this::remove);
    }
}
