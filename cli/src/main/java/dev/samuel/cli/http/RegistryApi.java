package dev.samuel.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.contracts.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The model-registry's REST API, as the cli uses it (see model-registry/README.md). */
public final class RegistryApi extends Api {

    public RegistryApi(String baseUrl, String token) {
        super("model-registry", baseUrl, token);
    }

    public JsonNode models() {
        return get("/models");
    }

    public Optional<JsonNode> model(String name) {
        return find("/models/" + name);
    }

    /** Creates the model (409 if it exists). */
    public JsonNode create(String specJson) {
        return write("POST", "/models", specJson);
    }

    /** Creates or updates the model's spec. */
    public JsonNode put(String name, String specJson) {
        return write("PUT", "/models/" + name, specJson);
    }

    /** Retires a model: spec and aliases go; versions and history stay (see model-registry/README.md). */
    public JsonNode delete(String name, String reason) {
        return write("DELETE", "/models/" + name + "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8), null);
    }

    public JsonNode versions(String model) {
        return get("/models/" + model + "/versions");
    }

    /**
     * Registers an ONNX program as the model's next version; {@code outputs} says what its output holds when its
     * metadata does not ({@code probabilities}, {@code logits} or {@code values}; null to let the registry decide).
     */
    public JsonNode register(String model, byte[] program, Map<String, String> lineage, String outputs) {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("Samuel-Lineage", Json.MAPPER.valueToTree(lineage).toString());
        if (outputs != null) {
            headers.put("Samuel-Outputs", outputs);
        }
        return upload("/models/" + model + "/versions", program, headers);
    }

    /** What a version's artifact says about itself: its ONNX {@code metadata_props}. */
    public JsonNode artifactMetadata(String model, int version) {
        return get("/models/" + model + "/versions/" + version + "/metadata");
    }

    public JsonNode history(String model) {
        return get("/models/" + model + "/history");
    }

    public JsonNode setAlias(String model, String alias, int version, String reason) {
        return write("PUT", "/models/" + model + "/aliases/" + alias,
                Json.MAPPER.valueToTree(Map.of("version", version, "reason", reason)).toString());
    }
}
