package dev.samuel.inference.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Mimics the model-registry's artifact endpoint over real HTTP: {@code GET /models/M/versions/V/artifact}
 * answers the stored bytes with {@code ETag: "<sha256>"}, or 404. {@code PUT} on the same path stores bytes,
 * so a test in another class loader or process can publish through HTTP alone.
 */
public final class ArtifactServer implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("/models/([^/]+)/versions/(\\d+)/artifact");

    private final HttpServer server;
    private final Map<String, byte[]> artifacts = new ConcurrentHashMap<>();

    private ArtifactServer(HttpServer server) {
        this.server = server;
    }

    public static ArtifactServer start() throws IOException {
        var server = new ArtifactServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        server.server.createContext("/models/", server::handle);
        server.server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            var thread = new Thread(runnable, "artifact-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.server.start();
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void put(String model, int version, byte[] artifact) {
        artifacts.put(model + ":" + version, artifact);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var matcher = PATH.matcher(exchange.getRequestURI().getPath());
            if (!matcher.matches()) {
                answer(exchange, 404, "no such endpoint".getBytes(StandardCharsets.UTF_8));
                return;
            }
            var key = matcher.group(1) + ":" + matcher.group(2);
            if ("PUT".equals(exchange.getRequestMethod())) {
                artifacts.put(key, exchange.getRequestBody().readAllBytes());
                answer(exchange, 204, null);
                return;
            }
            var artifact = artifacts.get(key);
            if (artifact == null) {
                answer(exchange, 404, ("{\"error\":\"no artifact " + key + "\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"" + Registry.sha256(artifact) + "\"");
            answer(exchange, 200, artifact);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
