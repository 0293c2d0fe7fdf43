package dev.samuel.plumbing.registry;

import static dev.samuel.plumbing.http.UrlEncoding.query;
import static dev.samuel.plumbing.http.UrlEncoding.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.registry.Sha256;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.plumbing.http.Backoff;
import dev.samuel.plumbing.http.ServiceHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The model-registry's REST API (model-registry/README.md), for every caller: the trainer publishes and promotes,
 * inference downloads, the cli manages models. Every name is percent-encoded; writes carry the platform's write
 * token. Registering, downloading and moving an alias are retried as {@code backoff} says, and a registration only
 * after checking that the failed attempt did not register the job's version after all, so a job never registers
 * two. Failures are {@link dev.samuel.plumbing.http.ServiceCallException}s; an artifact that does not hash to its
 * version's SHA-256 is a {@link ArtifactChecksumException}.
 */
public final class RegistryClient {

    /** The lineage key naming the job that made a version. */
    public static final String JOB = "job";

    private final ServiceHttp http;
    private final Backoff backoff;

    public RegistryClient(URI base, String token, Backoff backoff, Duration timeout) {
        this.http = new ServiceHttp("model-registry", base, token, timeout);
        this.backoff = backoff;
    }

    public JsonNode models() {
        return http.get("/models");
    }

    /** The model, or empty when the registry has none of that name. */
    public Optional<JsonNode> model(String name) {
        return http.find(modelPath(name));
    }

    /** Creates the model from its spec (409 if it exists). */
    public JsonNode create(String specJson) {
        return http.write("POST", "/models", specJson);
    }

    /** Creates or updates the model's spec. */
    public JsonNode put(String name, String specJson) {
        return http.write("PUT", modelPath(name), specJson);
    }

    /** Retires a model: spec and aliases go; versions and history stay. */
    public JsonNode delete(String name, String reason) {
        return http.write("DELETE", modelPath(name) + "?reason=" + query(reason), null);
    }

    public JsonNode versions(String model) {
        return http.get(modelPath(model) + "/versions");
    }

    public JsonNode history(String model) {
        return http.get(modelPath(model) + "/history");
    }

    /** Registers a job's version; {@code lineage} names the job ({@link #JOB}), which makes a retry safe. */
    public VersionRecord register(String model, byte[] onnx, Map<String, Double> metrics, Map<String, String> lineage) {
        var headers = Map.of("Samuel-Metrics", json(metrics), "Samuel-Lineage", json(lineage));
        return backoff.run(() -> http.convert(http.write("POST", modelPath(model) + "/versions",
                        "application/octet-stream", HttpRequest.BodyPublishers.ofByteArray(onnx), headers),
                VersionRecord.class), () -> registeredBy(model, lineage.get(JOB)));
    }

    /**
     * Registers a program made elsewhere as the model's next version, once (a refusal names what does not fit);
     * {@code outputs} says what its output holds when its metadata does not ({@code probabilities}, {@code logits},
     * {@code values}; null to let the registry read it).
     */
    public VersionRecord importProgram(String model, byte[] onnx, Map<String, String> lineage, String outputs) {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("Samuel-Lineage", json(lineage));
        if (outputs != null) {
            headers.put("Samuel-Outputs", outputs);
        }
        return http.convert(http.write("POST", modelPath(model) + "/versions", "application/octet-stream",
                HttpRequest.BodyPublishers.ofByteArray(onnx), headers), VersionRecord.class);
    }

    /** What a version's artifact says about itself: its ONNX {@code metadata_props}. */
    public JsonNode artifactMetadata(String model, int version) {
        return http.get(modelPath(model) + "/versions/" + version + "/metadata");
    }

    /** The version a job registered, if it did: what a registration that seemed to fail may have left. */
    public Optional<VersionRecord> registeredBy(String model, String job) {
        if (job == null) {
            return Optional.empty();
        }
        for (var version : versions(model)) {
            if (job.equals(version.path("lineage").path(JOB).asText(null))) {
                // A list's elements may come without the record type id that a single version carries.
                return Optional.of(http.convert(((ObjectNode) version.deepCopy()).put("type", "version"),
                        VersionRecord.class));
            }
        }
        return Optional.empty();
    }

    /** The artifact of a version, checked against the version's SHA-256. */
    public byte[] artifact(VersionRecord version) {
        var bytes = backoff.run(() -> http.bytes(modelPath(version.model()) + "/versions/" + version.version()
                + "/artifact"));
        var actual = Sha256.hex(bytes);
        if (!actual.equalsIgnoreCase(version.sha256())) {
            throw new ArtifactChecksumException("artifact of " + version.model() + " version " + version.version()
                    + " has SHA-256 " + actual + ", the registry recorded " + version.sha256());
        }
        return bytes;
    }

    /** Points an alias at a version (a promotion, or a roll-back). */
    public JsonNode setAlias(String model, String alias, int version, String reason) {
        var body = json(Map.of("version", version, "reason", reason));
        // Idempotent: moving an alias to where it already points writes nothing, so a retry cannot promote twice.
        return backoff.run(() -> http.write("PUT", modelPath(model) + "/aliases/" + segment(alias), body));
    }

    private static String modelPath(String name) {
        return "/models/" + segment(name);
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
