package dev.samuel.contracts.avro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Reads schemas by id from a registry that speaks the Confluent API ({@code GET {base}/schemas/ids/{id}}): Confluent's
 * own (base {@code http://host:8081}), Apicurio's ({@code http://host:port/apis/ccompat/v7}) or Karapace; and
 * registers them under a subject as a producer's serializer does ({@code POST {base}/subjects/{subject}/versions}).
 * Only these two calls are used, so the platform depends on no vendor's client.
 */
public final class SchemaRegistryClient implements SchemaSource {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    // The Confluent API's error code for "schema not found"; a 404 without it is a wrong URL, not an unknown id.
    static final int SCHEMA_NOT_FOUND = 40403;
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    // A schema id never changes its schema once assigned, so an entry never goes stale.
    private final Map<Integer, Schema> cache = new ConcurrentHashMap<>();

    public SchemaRegistryClient(String baseUrl) {
        this(baseUrl, DEFAULT_TIMEOUT);
    }

    /** {@code baseUrl}: the root of the Confluent API, without {@code /schemas}. */
    public SchemaRegistryClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public Schema schema(int id) {
        var cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        // Fetched outside the map's lock: two threads may fetch the same id once each, which is harmless.
        var schema = fetch(id);
        var earlier = cache.putIfAbsent(id, schema);
        return earlier == null ? schema : earlier;
    }

    /**
     * Registers {@code schema} under {@code subject} (Confluent's TopicNameStrategy names it {@code <topic>-value})
     * and answers its id; registering the same schema again answers the same id.
     *
     * @throws SchemaRegistrationException when the registry refuses it (an incompatible or invalid schema: 4xx)
     * @throws RegistryUnavailableException when it cannot be reached or fails (5xx, an answer without an id)
     */
    public int register(String subject, Schema schema) {
        var url = baseUrl + "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20")
                + "/versions";
        String request;
        try {
            request = Json.MAPPER.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var response = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(request)), url);
        int status = response.statusCode();
        if (status >= 400 && status < 500) {
            throw new SchemaRegistrationException("the schema registry refused " + schema.getFullName() + " under"
                    + " subject '" + subject + "': POST " + url + " answered " + status + ": "
                    + abbreviate(response.body()));
        }
        var id = status == 200 ? body(url, response.body()).path("id") : null;
        if (id == null || !id.isInt()) {
            throw new RegistryUnavailableException("the schema registry answered " + status + " to POST " + url
                    + " without a schema id: " + abbreviate(response.body()));
        }
        return id.asInt();
    }

    private Schema fetch(int id) {
        var url = baseUrl + "/schemas/ids/" + id;
        var response = send(HttpRequest.newBuilder(URI.create(url)).GET(), url);
        int status = response.statusCode();
        if (status == 200) {
            return parse(id, url, body(url, response.body()));
        }
        if (status == 404 && errorCode(response.body()) == SCHEMA_NOT_FOUND) {
            throw new UnknownSchemaException(id, "schema id " + id + " is not in the registry at " + baseUrl);
        }
        throw new RegistryUnavailableException("the schema registry answered " + status + " to GET " + url
                + (status == 404 ? " (is " + baseUrl + " the root of its Confluent API?)" : "") + ": "
                + abbreviate(response.body()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String url) {
        try {
            return http.send(request.timeout(timeout).header("Accept", CONTENT_TYPE + ", application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RegistryUnavailableException("the schema registry at " + baseUrl + " cannot be reached: " + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while calling the schema registry at " + url, e);
        }
    }

    private static JsonNode body(String url, String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new RegistryUnavailableException(url + " did not answer JSON: " + abbreviate(text), e);
        }
    }

    // A schema that cannot be used belongs to the record's id, so records naming it are refused, not retried.
    private static Schema parse(int id, String url, JsonNode body) {
        var type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new InvalidRecordException(RejectReason.INVALID_BINARY,
                    "schema id " + id + " is a " + type + " schema; only Avro records are read");
        }
        if (!body.path("schema").isTextual()) {
            throw new RegistryUnavailableException("GET " + url + " answered no \"schema\": " + body);
        }
        try {
            return new Schema.Parser().parse(body.get("schema").asText());
        } catch (SchemaParseException e) {
            throw new InvalidRecordException(RejectReason.INVALID_BINARY, "schema id " + id
                    + " is not an Avro schema this reader can use (schema references are not followed): "
                    + e.getMessage());
        }
    }

    private static int errorCode(String text) {
        try {
            return Json.MAPPER.readTree(text).path("error_code").asInt(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
