package dev.samuel.onnx.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a frozen model says about itself in {@code metadata_props}: model name, version, the hash of its
 * spec, metrics (e.g. test loss) and lineage (data offsets, parent version...), all supplied by the caller.
 */
public record FreezeMetadata(String modelName, long version, String specHash, Map<String, Double> metrics,
                             Map<String, String> lineage) {
    public static final String NAME = "samuel.model";
    public static final String VERSION = "samuel.version";
    public static final String SPEC_HASH = "samuel.spec_hash";
    public static final String METRIC_PREFIX = "samuel.metric.";
    public static final String LINEAGE_PREFIX = "samuel.lineage.";

    public FreezeMetadata {
        metrics = Map.copyOf(metrics);
        lineage = Map.copyOf(lineage);
    }

    public Map<String, String> asProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(NAME, modelName);
        props.put(VERSION, Long.toString(version));
        props.put(SPEC_HASH, specHash);
        metrics.forEach((k, v) -> props.put(METRIC_PREFIX + k, Double.toString(v)));
        lineage.forEach((k, v) -> props.put(LINEAGE_PREFIX + k, v));
        return props;
    }
}
