package dev.samuel.onnx.train;

import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.model.ProgramMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a frozen program says about itself in {@code metadata_props} (keys in {@link ProgramMetadata}): the model,
 * the hash of its spec, what its output holds, whose network it is, and any metrics and lineage the caller has.
 * The platform's registry adds the version number, the metrics and the lineage when it registers the program.
 */
public record FreezeMetadata(String modelName, String specHash, OutputKind outputKind, Origin origin,
                             Map<String, Double> metrics, Map<String, String> lineage) {

    public FreezeMetadata {
        metrics = Map.copyOf(metrics);
        lineage = Map.copyOf(lineage);
    }

    /** A network built from a spec, as {@code SpecGraphs} builds it, with no metrics or lineage yet. */
    public static FreezeMetadata ofSpec(String modelName, String specHash, OutputKind outputKind) {
        return new FreezeMetadata(modelName, specHash, outputKind, Origin.SPEC, Map.of(), Map.of());
    }

    public Map<String, String> asProperties() {
        Map<String, String> props = new LinkedHashMap<>(ProgramMetadata.frozen(modelName, specHash, outputKind, origin));
        metrics.forEach((k, v) -> props.put(ProgramMetadata.METRIC_PREFIX + k, Double.toString(v)));
        lineage.forEach((k, v) -> props.put(ProgramMetadata.LINEAGE_PREFIX + k, v));
        return props;
    }
}
