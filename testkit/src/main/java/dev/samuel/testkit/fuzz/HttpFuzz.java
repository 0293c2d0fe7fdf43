package dev.samuel.testkit.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bad HTTP requests for the services' REST fuzz tests, sent raw with the JDK client (RestAssured would encode the
 * paths these tests mean to send as they are), each with a 10 s timeout: a request that hangs is a failure.
 */
public final class HttpFuzz {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What came back; {@code status} -1 when the request timed out or the connection failed. */
    public record Answer(String request, int status, String contentType, String body) {

        @Override
        public String toString() {
            var shown = body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return request + " -> " + status + " " + contentType + " " + shown;
        }
    }

    /**
     * The answers that are not a refusal as the services promise one: a 4xx with a JSON object body whose
     * {@code field} (e.g. "message", or OIP's "error") is a non-empty string. An empty list is a pass.
     */
    public static List<Answer> notRefused(List<Answer> answers, String field) {
        var json = java.util.regex.Pattern.compile("\\s*\\{.*\"" + field + "\"\\s*:\\s*\"[^\"].*\\}\\s*",
                java.util.regex.Pattern.DOTALL);
        return answers.stream().filter(a -> a.status() < 400 || a.status() > 499 || !a.contentType().contains("json")
                || !json.matcher(a.body()).matches()).toList();
    }

    private final String base;

    /** {@code base} such as {@code http://localhost:8081}, without a trailing slash. */
    public HttpFuzz(String base) {
        this.base = base;
    }

    public Answer send(String method, String rawPath, String contentType, byte[] body, Map<String, String> headers) {
        var name = method + " " + (rawPath.length() > 120 ? rawPath.substring(0, 120) + "...(" + rawPath.length()
                + " chars)" : rawPath) + (contentType == null ? "" : " [" + contentType + "]")
                + (body == null ? "" : " (" + body.length + " bytes)");
        try {
            // A server refusing a large body by its Content-Length answers and closes; a client still sending it
            // may only see the closed connection. With 100-continue it waits for that answer before sending.
            var request = HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(TIMEOUT)
                    .expectContinue(body != null && body.length > 1 << 20)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            var response = newConnection().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(name, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (HttpTimeoutException e) {
            return new Answer(name, -1, "", "timed out after " + TIMEOUT);
        } catch (IOException e) {
            return new Answer(name, -1, "", "failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(name, -1, "", "interrupted");
        }
    }

    /**
     * A client of its own for each request, so no request inherits a pooled connection: a server refusing at the HTTP
     * layer (a 414 request line, a 413 body) closes the connection after answering, and the next request sent on it
     * would see no answer at all. HTTP/1.1 as curl and most clients speak it: the JDK's default h2c upgrade moves
     * limits into HTTP/2 frames.
     */
    private static HttpClient newConnection() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    /**
     * Path segments that try to leave their place or to confuse a name check: dot segments hidden behind encoded
     * slashes (also double-encoded), backslashes, NUL, invalid UTF-8, unicode, spaces, names too long for a model
     * or an alias but short enough for a request line.
     */
    public static List<String> pathTricks() {
        return List.of("%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "..%2F..%2Fetc%2Fpasswd", "%252e%252e%252f", "..%5C..%5Cwindows",
                "%00", "a%00b", "%ff%fe", "%E2%98%83", "caf%C3%A9", "name%20with%20spaces", "%20", "a%2Fb", ".hidden",
                "-", "x".repeat(121), "x".repeat(1000));
    }

    /**
     * Plain dot segments, raw and percent-encoded: RFC 3986 makes {@code %2e} the same as {@code .}, and the HTTP
     * layer removes dot segments before routing, so {@code /models/m/versions/..} is {@code /models/m}. They are not
     * refusals; what matters is that they stay inside the API.
     */
    public static List<String> dotSegments() {
        return List.of("..", "%2e%2e", "%2E%2E", ".%2e", "../..", "%2e%2e/%2e%2e", "../../../../etc/passwd",
                "%2e%2e/%2e%2e/%2e%2e/etc/passwd");
    }

    /** A segment too long for the request line: the HTTP layer answers before any resource sees it. */
    public static String overlongSegment() {
        return "x".repeat(10_000);
    }

    /**
     * Bodies that are no JSON object the services could read: broken, wrong type, deep (100,000 levels), huge
     * numbers, non-finite tokens, invalid UTF-8.
     */
    public static List<byte[]> badJsonBodies() {
        var bodies = new ArrayList<byte[]>();
        for (var text : List.of("{", "}", "[]", "null", "\"text\"", "42", "{\"a\":}", "{'a':1}", "{\"a\":1}{",
                "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": 1e400}", "{\"a\": 1" + "0".repeat(2000) + "}",
                Formats.nested(100_000, false), Formats.nested(100_000, true), "{\"" + "n".repeat(60_000) + "\":1}")) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'});
        bodies.add(new byte[] {0, 1, 2, 3, (byte) 0x80});
        return bodies;
    }
}
