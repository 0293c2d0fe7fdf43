package dev.samuel.contracts.avro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Reads schemas by id from a registry that speaks the Confluent API ({@code GET {base}/schemas/ids/{id}}): Confluent's
 * own (base {@code http://host:8081}), Apicurio's ({@code http://host:port/apis/ccompat/v7}) or Karapace. Only this one
 * call is used, so the platform depends on no vendor's client.
 */
public final class SchemaRegistryClient implements SchemaSource {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    // The Confluent API's error code for "schema not found"; a 404 without it is a wrong URL, not an unknown id.
    static final int SCHEMA_NOT_FOUND = 40403;

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

    private Schema fetch(int id) {
        var url = baseUrl + "/schemas/ids/" + id;
        var response = get(url);
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

    private HttpResponse<String> get(String url) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/vnd.schemaregistry.v1+json, application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RegistryUnavailableException("the schema registry at " + baseUrl + " cannot be reached: " + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while asking the schema registry for " + url, e);
        }
    }

    private static JsonNode body(String url, String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new RegistryUnavailableException("GET " + url + " did not answer JSON: " + abbreviate(text), e);
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
