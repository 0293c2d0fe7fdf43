package dev.samuel.contracts.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code metadata_props} of a program, as the platform writes and reads them. The trainer writes the model,
 * the spec hash, the output kind, the origin and the training data's input summary when it freezes a network; the
 * registry stamps the version, the metrics and the lineage (job, data offsets, warm start) when it registers one, so
 * any ONNX tool can read what a version is. A foreign program may carry none of them.
 */
public final class ProgramMetadata {

    public static final String MODEL = "samuel.model";
    public static final String VERSION = "samuel.version";
    public static final String SPEC_HASH = "samuel.spec_hash";
    public static final String OUTPUT_KIND = "samuel.output_kind";
    public static final String ORIGIN = "samuel.origin";
    public static final String METRIC_PREFIX = "samuel.metric.";
    public static final String LINEAGE_PREFIX = "samuel.lineage.";
    /**
     * Written by the trainer's freeze: the training data's distribution of each input feature, as JSON
     * ({@code contracts}' {@code InputSummary}), which inference compares the events it scores with.
     */
    public static final String INPUT_SUMMARY = "samuel.input_summary";
    /**
     * Written by the trainer's freeze on a spec with categorical features: each one's vocabulary as the job learned
     * it, a JSON object of arrays by feature name, so that a warm start can carry what was learned per category over
     * to the next job's vocabulary.
     */
    public static final String VOCABULARIES = "samuel.vocabularies";
    /** Written before {@link #OUTPUT_KIND} by the trainer on classifiers: {@code probabilities} or {@code logits}. */
    static final String LEGACY_SCORES = "samuel.scores";

    private ProgramMetadata() {
    }

    /** The output kind a program declares, by {@link #OUTPUT_KIND} or the older key; empty when it says none. */
    public static Optional<OutputKind> outputKind(Map<String, String> properties) {
        var declared = properties.getOrDefault(OUTPUT_KIND, properties.get(LEGACY_SCORES));
        return Optional.ofNullable(declared).map(OutputKind::of);
    }

    /**
     * Whose network it is: {@link #ORIGIN} when written; before that key existed the trainer wrote a spec hash into
     * every program it froze, and nothing else did.
     */
    public static Origin origin(Map<String, String> properties) {
        var declared = properties.get(ORIGIN);
        if (declared != null) {
            return Origin.of(declared);
        }
        return properties.containsKey(SPEC_HASH) ? Origin.SPEC : Origin.FOREIGN;
    }

    /** What a freeze writes: the model, its spec's hash, the output kind and the origin. */
    public static Map<String, String> frozen(String model, String specHash, OutputKind kind, Origin origin) {
        var properties = new LinkedHashMap<String, String>();
        properties.put(MODEL, model);
        properties.put(SPEC_HASH, specHash);
        properties.put(OUTPUT_KIND, kind.jsonName());
        properties.put(ORIGIN, origin.jsonName());
        return properties;
    }

    /** What registration stamps: the version, its signature's kind and origin, its metrics and its lineage. */
    public static Map<String, String> registered(String model, int version, ProgramSignature signature,
                                                 Map<String, Double> metrics, Map<String, String> lineage) {
        var properties = new LinkedHashMap<String, String>();
        properties.put(MODEL, model);
        properties.put(VERSION, Integer.toString(version));
        properties.put(OUTPUT_KIND, signature.kind().jsonName());
        properties.put(ORIGIN, signature.origin().jsonName());
        metrics.forEach((name, value) -> properties.put(METRIC_PREFIX + name, Double.toString(value)));
        lineage.forEach((name, value) -> properties.put(LINEAGE_PREFIX + name, value));
        return properties;
    }
}
