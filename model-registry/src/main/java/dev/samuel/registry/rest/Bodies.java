package dev.samuel.registry.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.registry.domain.RegistryException;
import java.util.Map;
import java.util.Optional;

/** Reads the small JSON parts of requests with contracts' strict mapper; a bad one is a 400 naming the part. */
final class Bodies {

    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> LINEAGE = new TypeReference<>() {
    };

    private Bodies() {
    }

    static Map<String, Double> metrics(String json) {
        var expectation = "metrics must be a JSON object of numbers, e.g. {\"test_loss\": 0.25}";
        var metrics = read(json, METRICS, expectation);
        // 1e400 reads as Infinity, which the log would carry as the string "Infinity" to every reader of metrics.
        metrics.forEach((name, value) -> {
            if (!Double.isFinite(value)) {
                throw RegistryException.badRequest(expectation + "; " + name + " is " + value + ", not a finite number");
            }
        });
        return metrics;
    }

    static Map<String, String> lineage(String json) {
        return read(json, LINEAGE, "lineage must be a JSON object of strings, e.g. {\"job\": \"job-7\"}");
    }

    /** What an importer says the program's output holds; absent is "say nothing". */
    static Optional<OutputKind> outputs(String declared) {
        if (declared == null || declared.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OutputKind.of(declared.strip()));
        } catch (IllegalArgumentException e) {
            throw RegistryException.badRequest(VersionsResource.OUTPUTS_HEADER + ": " + e.getMessage());
        }
    }

    static <T> T read(String json, Class<T> type, String expectation) {
        if (json == null || json.isBlank()) {
            throw RegistryException.badRequest(expectation + "; the body is empty");
        }
        try {
            return strict(Json.MAPPER.readerFor(type)).readValue(json);
        } catch (JsonProcessingException e) {
            throw RegistryException.badRequest(expectation + "; " + e.getOriginalMessage());
        }
    }

    /**
     * Jackson by default reads {@code {"version": 1.5}} as version 1 and ignores what follows the first value
     * ({@code {"test_loss": 0.2}garbage}); both are refused instead.
     */
    private static ObjectReader strict(ObjectReader reader) {
        return reader.without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** An absent part is an empty map. */
    private static <V> Map<String, V> read(String json, TypeReference<Map<String, V>> type, String expectation) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, V> map;
        try {
            map = strict(Json.MAPPER.readerFor(type)).readValue(json);
        } catch (JsonProcessingException e) {
            throw RegistryException.badRequest(expectation + "; " + e.getOriginalMessage());
        }
        if (map == null || map.containsValue(null)) {
            throw RegistryException.badRequest(expectation + "; got " + json);
        }
        return map;
    }
}
