package dev.samuel.trainer.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.registry.Sha256;
import dev.samuel.contracts.registry.VersionRecord;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The model-registry's REST API as the trainer uses it: publish a version, download an artifact (checked
 * against its SHA-256), point an alias at a version. Writes carry the registry's bearer token. Calls that fail for
 * a passing reason are retried with {@link Backoff}; a registration is retried only after checking that the failed
 * attempt did not register the job's version after all, so a job never registers two versions.
 */
public final class RegistryClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String token;
    private final Backoff backoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public RegistryClient(URI base, String token, Backoff backoff) {
        this.base = base;
        this.token = token;
        this.backoff = backoff;
    }

    /** Registers a job's version; {@code lineage} names the job, which makes a retry safe. */
    public VersionRecord register(String model, byte[] onnx, Map<String, Double> metrics, Map<String, String> lineage) {
        var request = write("/models/" + path(model) + "/versions")
                .header("Content-Type", "application/octet-stream")
                .header("Samuel-Metrics", json(metrics))
                .header("Samuel-Lineage", json(lineage))
                .POST(HttpRequest.BodyPublishers.ofByteArray(onnx))
                .build();
        return backoff.run(() -> read(send(request, HttpResponse.BodyHandlers.ofString()).body(), VersionRecord.class),
                () -> registeredBy(model, lineage.get(JOB)));
    }

    /** The lineage key naming the job that made a version. */
    public static final String JOB = "job";

    /** The version a job registered, if it did: what a registration that seemed to fail may have left. */
    public Optional<VersionRecord> registeredBy(String model, String job) {
        if (job == null) {
            return Optional.empty();
        }
        var request = HttpRequest.newBuilder(uri("/models/" + path(model) + "/versions")).timeout(TIMEOUT).GET().build();
        var versions = read(send(request, HttpResponse.BodyHandlers.ofString()).body(), JsonNode.class);
        for (var version : versions) {
            if (job.equals(version.path("lineage").path(JOB).asText(null))) {
                // A list's elements may come without the record type id that a single version carries.
                return Optional.of(read(((ObjectNode) version.deepCopy()).put("type", "version").toString(),
                        VersionRecord.class));
            }
        }
        return Optional.empty();
    }

    /** The artifact of a version; bytes that do not hash to the version's SHA-256 are refused. */
    public byte[] artifact(VersionRecord version) {
        var request = HttpRequest.newBuilder(uri("/models/" + path(version.model()) + "/versions/" + version.version()
                + "/artifact")).timeout(TIMEOUT).GET().build();
        byte[] bytes = backoff.run(() -> send(request, HttpResponse.BodyHandlers.ofByteArray()).body(), Optional::empty);
        var actual = Sha256.hex(bytes);
        if (!actual.equals(version.sha256())) {
            throw new RegistryCallException("artifact of " + version.model() + " v" + version.version()
                    + " hashes to " + actual + ", not " + version.sha256(), false);
        }
        return bytes;
    }

    public void setAlias(String model, String alias, int version, String reason) {
        var body = json(Map.of("version", version, "reason", reason));
        var request = write("/models/" + path(model) + "/aliases/" + path(alias))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        // Idempotent: moving an alias to where it already points writes nothing, so a retry cannot promote twice.
        backoff.run(() -> send(request, HttpResponse.BodyHandlers.ofString()), Optional::empty);
    }

    private HttpRequest.Builder write(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return base.resolve(path);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            var response = http.send(request, handler);
            if (response.statusCode() / 100 != 2) {
                throw new RegistryCallException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + describe(response.body()), response.statusCode() >= 500);
            }
            return response;
        } catch (IOException e) {
            throw new RegistryCallException(request.method() + " " + request.uri() + " failed: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryCallException("interrupted calling " + request.uri(), false);
        }
    }

    private static String describe(Object body) {
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new RegistryCallException("unreadable answer from the registry: " + e.getOriginalMessage(), false);
        }
    }
}
