package dev.samuel.registry.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.samuel.contracts.json.Json;
import dev.samuel.registry.domain.RegistryException;
import java.util.Map;

/** Reads the small JSON parts of requests with contracts' strict mapper; a bad one is a 400 naming the part. */
final class Bodies {

    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> LINEAGE = new TypeReference<>() {
    };

    private Bodies() {
    }

    static Map<String, Double> metrics(String json) {
        return read(json, METRICS, "metrics must be a JSON object of numbers, e.g. {\"test_loss\": 0.25}");
    }

    static Map<String, String> lineage(String json) {
        return read(json, LINEAGE, "lineage must be a JSON object of strings, e.g. {\"job\": \"job-7\"}");
    }

    static <T> T read(String json, Class<T> type, String expectation) {
        if (json == null || json.isBlank()) {
            throw RegistryException.badRequest(expectation + "; the body is empty");
        }
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw RegistryException.badRequest(expectation + "; " + e.getOriginalMessage());
        }
    }

    /** An absent part is an empty map. */
    private static <V> Map<String, V> read(String json, TypeReference<Map<String, V>> type, String expectation) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, V> map;
        try {
            map = Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw RegistryException.badRequest(expectation + "; " + e.getOriginalMessage());
        }
        if (map == null || map.containsValue(null)) {
            throw RegistryException.badRequest(expectation + "; got " + json);
        }
        return map;
    }
}
