package dev.samuel.contracts.registry;

import dev.samuel.contracts.model.ProgramSignature;
import java.time.Instant;
import java.util.Map;

/**
 * A registered, immutable version of a model: its ONNX artifact (by SHA-256), its metrics (for example
 * {@code test_loss}), its lineage (training job, data offsets, warm start) and its program's signature, read once
 * when it was registered. Versions registered before signatures were recorded have none ({@code program} null):
 * their readers derive it from the artifact by the same rule.
 */
public record VersionRecord(
        String model,
        int version,
        String sha256,
        long sizeBytes,
        Map<String, Double> metrics,
        Map<String, String> lineage,
        Instant createdAt,
        ProgramSignature program) implements RegistryRecord {

    /** Metrics the trainer records, read by inference's judge and the cli. */
    public static final String TEST_LOSS = "test_loss";
    public static final String TEST_ACCURACY = "test_accuracy";
    public static final String TRAIN_LOSS = "train_loss";
    /** Lineage: how many holdout examples the test figures were measured on. */
    public static final String HOLDOUT_EXAMPLES = "examples.test";
    public static final String TRAINING_EXAMPLES = "examples.train";

    public VersionRecord {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
    }

    @Override
    public String key() {
        return RegistryKey.version(model, version);
    }
}
