package dev.samuel.inference.swap;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** What health shows per model: the version the registry asks for, and the last refusal, if any. */
public final class SwapStatus {

    /** A version that could not be served, and why. */
    public record Refusal(int version, String reason, String message, Instant at) {
    }

    private final Map<String, Integer> wanted = new ConcurrentHashMap<>();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();

    void wanted(String model, int version) {
        wanted.put(model, version);
    }

    void swapped(String model) {
        refusals.remove(model);
    }

    void refused(String model, Refusal refusal) {
        refusals.put(model, refusal);
    }

    void forget(String model) {
        wanted.remove(model);
        refusals.remove(model);
    }

    public Map<String, Integer> wanted() {
        return new TreeMap<>(wanted);
    }

    /** The latest refusal per model, cleared by the next successful swap. */
    public Map<String, Refusal> refusals() {
        return new TreeMap<>(refusals);
    }
}
