package dev.samuel.plumbing.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.contracts.json.Json;
import dev.samuel.plumbing.http.ServiceCallException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One service's REST API over the JDK's HttpClient: JSON or bytes in and out, writes with the platform's bearer token,
 * and every failure a {@link ServiceCallException}. Paths are the caller's, already encoded ({@link UrlEncoding}).
 */
public final class ServiceHttp {

    private static final Duration MAX_CONNECT = Duration.ofSeconds(10);
    private static final String JSON = "application/json";

    private final String service;
    private final String base;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    /** {@code token} may be null or blank: writes then go without one, and the service decides. */
    public ServiceHttp(String service, URI base, String token, Duration timeout) {
        this.service = service;
        var url = base.toString();
        // Appended to, not resolved against: a base behind a proxy keeps its path prefix.
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout.compareTo(MAX_CONNECT) < 0 ? timeout : MAX_CONNECT).build();
    }

    public String service() {
        return service;
    }

    public String base() {
        return base;
    }

    public JsonNode get(String path) {
        return json(send(request(path).header("Accept", JSON).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A GET that answers empty on 404. */
    public Optional<JsonNode> find(String path) {
        try {
            return Optional.of(get(path));
        } catch (ServiceCallException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public byte[] bytes(String path) {
        var request = request(path).header("Accept", "application/octet-stream").GET().build();
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A write of a JSON body (none when null), with the bearer token. */
    public JsonNode write(String method, String path, String json) {
        var body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return write(method, path, JSON, body, Map.of());
    }

    /** A write of any body, with extra headers and the bearer token. */
    public JsonNode write(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                          Map<String, String> headers) {
        var request = request(path).header("Accept", JSON).header("Content-Type", contentType).method(method, body);
        headers.forEach(request::header);
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        return json(send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    }

    private <T> T send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        var what = request.method() + " " + request.uri();
        HttpResponse<T> response;
        try {
            response = http.send(request, handler);
        } catch (ConnectException e) {
            throw failure(Kind.NO_ANSWER, 0, null, what + " failed: nothing answers (" + e + ")", e);
        } catch (IOException e) {
            throw failure(Kind.FAILED, 0, null, what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(Kind.INTERRUPTED, 0, null, "interrupted calling " + request.uri(), e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            var body = text(response.body());
            throw failure(status >= 500 ? Kind.SERVER_ERROR : Kind.REFUSED, status, ErrorMessage.of(body),
                    what + " answered " + status + ": " + body, null);
        }
        return response.body();
    }

    private JsonNode json(String body) {
        try {
            return body.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw failure(Kind.UNREADABLE, 200, null, "unreadable answer from the " + service + ": " + body, e);
        }
    }

    /** Reads a body that should be JSON of {@code type}, failing as an unreadable answer. */
    public <T> T convert(JsonNode node, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (IOException e) {
            throw failure(Kind.UNREADABLE, 200, null, "unreadable answer from the " + service + ": "
                    + e.getMessage(), e);
        }
    }

    private ServiceCallException failure(Kind kind, int status, String said, String message, Throwable cause) {
        return new ServiceCallException(service, base, kind, status, said, message, cause);
    }

    private static String text(Object body) {
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
    }
}
