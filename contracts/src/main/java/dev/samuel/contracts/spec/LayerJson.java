package dev.samuel.contracts.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A layer's JSON form: every field any kind takes, null when absent. Jackson reads and writes layers through it, so
 * a layer keeps the reader's strictness (unknown fields, types, paths such as {@code layers[1].dense}) and is written
 * exactly as before layers had a type per kind: these fields in this order, nulls left out. The order matters: the
 * trainer hashes the written spec.
 */
record LayerJson(Integer dense, String activation, Double dropout,
                 Integer conv2d, Integer kernel, Integer stride, Integer padding, Integer dilation, Integer groups,
                 @JsonProperty("max_pool2d") Integer maxPool2d,
                 @JsonProperty("avg_pool2d") Integer avgPool2d,
                 @JsonProperty("global_avg_pool") Boolean globalAvgPool,
                 @JsonProperty("batch_norm") Boolean batchNorm,
                 Boolean flatten) {

    static LayerJson of(Layer layer) {
        if (layer instanceof DenseLayer d) {
            return new LayerJson(d.units(), d.activation(), null, null, null, null, null, null, null, null, null, null, null, null);
        }
        if (layer instanceof DropoutLayer d) {
            return new LayerJson(null, null, d.rate(), null, null, null, null, null, null, null, null, null, null, null);
        }
        if (layer instanceof Conv2dLayer c) {
            return new LayerJson(null, c.activation(), null, c.filters(), c.kernel(), c.stride(), c.padding(), c.dilation(),
                    c.groups(), null, null, null, null, null);
        }
        if (layer instanceof Pool2dLayer p) {
            boolean max = p.pooling() == Pool2dLayer.Pooling.MAX;
            return new LayerJson(null, null, null, null, null, p.stride(), null, null, null, max ? p.window() : null,
                    max ? null : p.window(), null, null, null);
        }
        if (layer instanceof GlobalAvgPoolLayer) {
            return flag(true, null, null);
        }
        if (layer instanceof BatchNormLayer) {
            return flag(null, true, null);
        }
        if (layer instanceof FlattenLayer) {
            return flag(null, null, true);
        }
        throw new IllegalArgumentException("no JSON form for " + layer);
    }

    private static LayerJson flag(Boolean globalAvgPool, Boolean batchNorm, Boolean flatten) {
        return new LayerJson(null, null, null, null, null, null, null, null, null, null, null, globalAvgPool, batchNorm, flatten);
    }

    /** The JSON names of the kind fields given, in the order of {@link Layer#KINDS}; a layer needs exactly one. */
    List<String> kinds() {
        Object[] fields = {dense, dropout, conv2d, maxPool2d, avgPool2d, globalAvgPool, batchNorm, flatten};
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null) {
                kinds.add(Layer.KINDS.get(i));
            }
        }
        return kinds;
    }

    /** What keeps these fields from being one layer, each to follow the layer's path (" must ...", ": ..."). */
    List<String> formProblems() {
        var kinds = kinds();
        if (kinds.size() != 1) {
            return List.of(" must have exactly one of " + String.join(", ", Layer.KINDS) + ", got " + kinds);
        }
        var kind = kinds.get(0);
        var problems = new ArrayList<String>();
        if (activation != null && dense == null && conv2d == null) {
            problems.add(": a " + kind + " layer takes no activation");
        }
        if (conv2d == null && (kernel != null || padding != null || dilation != null || groups != null)) {
            problems.add(": kernel, padding, dilation and groups apply to conv2d only");
        }
        if (stride != null && conv2d == null && maxPool2d == null && avgPool2d == null) {
            problems.add(": stride applies to conv2d, max_pool2d and avg_pool2d only");
        }
        if (Boolean.FALSE.equals(globalAvgPool) || Boolean.FALSE.equals(batchNorm) || Boolean.FALSE.equals(flatten)) {
            problems.add("." + kind + " must be true");
        }
        return problems;
    }

    /** The layer these fields name; only when they have no {@link #formProblems}. */
    Layer toLayer() {
        return switch (kinds().get(0)) {
            case DenseLayer.KIND -> new DenseLayer(dense, activation);
            case DropoutLayer.KIND -> new DropoutLayer(dropout);
            case Conv2dLayer.KIND -> new Conv2dLayer(conv2d, kernel, stride, padding, dilation, groups, activation);
            case Pool2dLayer.MAX_KIND -> new Pool2dLayer(Pool2dLayer.Pooling.MAX, maxPool2d, stride);
            case Pool2dLayer.AVERAGE_KIND -> new Pool2dLayer(Pool2dLayer.Pooling.AVERAGE, avgPool2d, stride);
            case GlobalAvgPoolLayer.KIND -> new GlobalAvgPoolLayer();
            case BatchNormLayer.KIND -> new BatchNormLayer();
            case FlattenLayer.KIND -> new FlattenLayer();
            default -> throw new IllegalStateException("no layer type for kind " + kinds());
        };
    }

    static final class Reader extends StdDeserializer<Layer> {

        Reader() {
            super(Layer.class);
        }

        @Override
        public Layer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return (Layer) ctxt.handleUnexpectedToken(Layer.class, p);
            }
            var json = ctxt.readValue(p, LayerJson.class);
            var problems = json.formProblems();
            if (!problems.isEmpty()) {
                throw new MalformedLayerException(p, problems);
            }
            return json.toLayer();
        }
    }

    static final class Writer extends StdSerializer<Layer> {

        Writer() {
            super(Layer.class);
        }

        @Override
        public void serialize(Layer layer, JsonGenerator gen, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(of(layer), gen);
        }
    }

    /** A layer that names no kind, two kinds, or a field its kind does not take; Jackson adds the layer's path. */
    static final class MalformedLayerException extends JsonMappingException {

        private final List<String> problems;

        MalformedLayerException(JsonParser p, List<String> problems) {
            super(p, String.join("; ", problems.stream().map(problem -> "layer" + problem).toList()));
            this.problems = List.copyOf(problems);
        }

        /** Each problem, to follow the layer's path. */
        List<String> problems() {
            return problems;
        }
    }
}
