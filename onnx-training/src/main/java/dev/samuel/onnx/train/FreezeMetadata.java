package dev.samuel.onnx.train;

import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.model.ProgramMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a frozen program says about itself in {@code metadata_props} (keys in {@link ProgramMetadata}): the model,
 * the hash of its spec, what its output holds, whose network it is, any metrics and lineage the caller has, and any
 * other property it describes the program with (the trainer's input summary). The platform's registry adds the
 * version number, the metrics and the lineage when it registers the program.
 *
 * @param properties written after the others, under their own keys; one that names a key above is ignored, so the
 *                   platform's own keys always say what the fields say
 */
public record FreezeMetadata(String modelName, String specHash, OutputKind outputKind, Origin origin,
                             Map<String, Double> metrics, Map<String, String> lineage, Map<String, String> properties) {

    public FreezeMetadata {
        metrics = Map.copyOf(metrics);
        lineage = Map.copyOf(lineage);
        properties = Map.copyOf(properties);
    }

    public FreezeMetadata(String modelName, String specHash, OutputKind outputKind, Origin origin,
                          Map<String, Double> metrics, Map<String, String> lineage) {
        this(modelName, specHash, outputKind, origin, metrics, lineage, Map.of());
    }

    /** A network built from a spec, as {@code SpecGraphs} builds it, with no metrics or lineage yet. */
    public static FreezeMetadata ofSpec(String modelName, String specHash, OutputKind outputKind) {
        return new FreezeMetadata(modelName, specHash, outputKind, Origin.SPEC, Map.of(), Map.of());
    }

    /** The same, with one more property. */
    public FreezeMetadata with(String key, String value) {
        var more = new LinkedHashMap<>(properties);
        more.put(key, value);
        return new FreezeMetadata(modelName, specHash, outputKind, origin, metrics, lineage, more);
    }

    public Map<String, String> asProperties() {
        Map<String, String> props = new LinkedHashMap<>(ProgramMetadata.frozen(modelName, specHash, outputKind, origin));
        metrics.forEach((k, v) -> props.put(ProgramMetadata.METRIC_PREFIX + k, Double.toString(v)));
        lineage.forEach((k, v) -> props.put(ProgramMetadata.LINEAGE_PREFIX + k, v));
        properties.forEach(props::putIfAbsent);
        return props;
    }
}
