package dev.samuel.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.cli.CliException;
import dev.samuel.contracts.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON over HTTP to one service, with its refusals turned into the service's own message. A service that does not
 * answer gets a message that says how to start it.
 */
public class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String service;
    private final String baseUrl;
    private final String token;

    protected Api(String service, String baseUrl, String token) {
        this.service = service;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    protected JsonNode get(String path) {
        return send(request(path).GET()).orElseThrow();
    }

    /** A GET that answers empty on 404. */
    protected Optional<JsonNode> find(String path) {
        return send(request(path).GET(), true);
    }

    protected JsonNode write(String method, String path, String json) {
        var body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        var request = request(path).method(method, body).header("Content-Type", "application/json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request).orElseThrow();
    }

    /** Sends bytes with the given headers, authorised like every write. */
    protected JsonNode upload(String path, byte[] body, java.util.Map<String, String> headers) {
        var request = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/octet-stream");
        headers.forEach(request::header);
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request).orElseThrow();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
    }

    private Optional<JsonNode> send(HttpRequest.Builder request) {
        return send(request, false);
    }

    private Optional<JsonNode> send(HttpRequest.Builder request, boolean notFoundIsEmpty) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException("the " + service + " does not answer at " + baseUrl
                    + ": is the stack running? Start it with `bin/samuel up`.");
        } catch (IOException e) {
            throw new CliException("the " + service + " at " + baseUrl + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        if (response.statusCode() == 404 && notFoundIsEmpty) {
            return Optional.empty();
        }
        if (response.statusCode() >= 400) {
            throw new CliException(service + ": " + message(response));
        }
        return Optional.of(parse(response.body()));
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new CliException("unreadable answer: " + body);
        }
    }

    private static String message(HttpResponse<String> response) {
        try {
            var node = Json.MAPPER.readTree(response.body());
            var text = new StringBuilder(node.path("message").asText(response.body()));
            node.path("problems").forEach(problem -> text.append("\n  - ").append(problem.asText()));
            return text.toString();
        } catch (IOException e) {
            return response.statusCode() + " " + response.body();
        }
    }
}
