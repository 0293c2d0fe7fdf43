package dev.samuel.plumbing.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.samuel.contracts.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A stand-in registry over real HTTP (the JDK's server) whose answers each test writes, and which keeps every request. */
final class FakeRegistry implements AutoCloseable {

    record Reply(int status, byte[] body) {
    }

    /** What the server saw of a request: the method, the path as sent (still encoded), the query, the token. */
    record Seen(String method, String rawPath, String rawQuery, String authorization) {
    }

    interface Handler {
        Reply answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    final List<Seen> seen = new ArrayList<>();

    private FakeRegistry(HttpServer server) {
        this.server = server;
    }

    static FakeRegistry start() throws IOException {
        var registry = new FakeRegistry(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        registry.server.start();
        return registry;
    }

    void handle(String pathPrefix, Handler handler) {
        server.createContext(pathPrefix, exchange -> {
            try (exchange) {
                var uri = exchange.getRequestURI();
                synchronized (seen) {
                    seen.add(new Seen(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                            exchange.getRequestHeaders().getFirst("Authorization")));
                }
                var reply = handler.answer(exchange);
                exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
                exchange.getResponseBody().write(reply.body());
            }
        });
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    static Reply json(int status, Object value) throws IOException {
        return new Reply(status, Json.MAPPER.writeValueAsBytes(value));
    }

    static Reply text(int status, String body) {
        return new Reply(status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
