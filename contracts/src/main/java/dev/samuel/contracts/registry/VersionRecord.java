package dev.samuel.contracts.registry;

import java.time.Instant;
import java.util.Map;

/**
 * A registered, immutable version of a model: its frozen ONNX artifact (by SHA-256), its metrics (for
 * example {@code test_loss}) and its lineage (training job, data offsets, parent version).
 */
public record VersionRecord(
        String model,
        int version,
        String sha256,
        long sizeBytes,
        Map<String, Double> metrics,
        Map<String, String> lineage,
        Instant createdAt) implements RegistryRecord {

    public VersionRecord {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
    }

    @Override
    public String key() {
        return RegistryKey.version(model, version);
    }
}
