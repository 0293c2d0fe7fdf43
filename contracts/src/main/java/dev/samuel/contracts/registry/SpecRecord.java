package dev.samuel.contracts.registry;

import dev.samuel.contracts.spec.ModelSpec;
import java.time.Instant;

/** The current spec of a model; {@code revision} counts its updates from 1. */
public record SpecRecord(ModelSpec spec, int revision, Instant updatedAt) implements RegistryRecord {

    @Override
    public String model() {
        return spec.name();
    }

    @Override
    public String key() {
        return RegistryKey.spec(model());
    }
}
