package dev.samuel.contracts.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.samuel.contracts.json.Json;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** Reads, validates and writes model specs. */
public final class ModelSpecs {

    /**
     * Strict about numbers: {@code "dense": 12.7} is not a layer of 12, nor {@code "epochs": "4"} four epochs. A
     * {@code $schema} key, which editors use to find the JSON Schema, is allowed and not kept.
     */
    private static final ObjectReader READER = ((JsonMapper) Json.MAPPER).rebuild()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build().readerFor(ModelSpec.class);

    private ModelSpecs() {
    }

    /** Parses and validates a spec; any problem, syntactic or semantic, is an {@link InvalidModelSpecException}. */
    public static ModelSpec parse(String json) {
        ModelSpec spec;
        try {
            spec = READER.readValue(json);
        } catch (UnrecognizedPropertyException e) {
            var field = path(e);
            throw new InvalidModelSpecException(List.of("unknown field '" + field + "'"
                    + (field.equals("init.onnx") ? ": register the ONNX file with `bin/samuel import FILE --model M`"
                            + " and start from it with \"init\": {\"from\": \"M@<version>\"}" : "")));
        } catch (LayerJson.MalformedLayerException e) {
            var at = path(e);
            throw new InvalidModelSpecException(e.problems().stream().map(problem -> at + problem).toList());
        } catch (ValueInstantiationException e) {
            // A creator of ours refused the value (Optimizer, Fill): its own message says why.
            var at = path(e);
            var why = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            throw new InvalidModelSpecException(List.of((at.isEmpty() ? "" : at + ": ") + why));
        } catch (JsonMappingException e) {
            // A value of the wrong type: name the field it was given for, as the validator's messages do.
            var at = path(e);
            throw new InvalidModelSpecException(List.of((at.isEmpty() ? "" : at + ": ") + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new InvalidModelSpecException(List.of(e.getOriginalMessage()));
        }
        if (spec == null) {
            throw new InvalidModelSpecException(List.of("spec must be a JSON object"));
        }
        return validated(spec);
    }

    /** Returns the spec when it is valid, or throws naming every problem. */
    public static ModelSpec validated(ModelSpec spec) {
        var problems = ModelSpecValidator.problems(spec);
        if (!problems.isEmpty()) {
            throw new InvalidModelSpecException(problems);
        }
        return spec;
    }

    /** The JSON path of a problem, such as {@code training.holdot}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    public static String toJson(ModelSpec spec) {
        try {
            return Json.MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
