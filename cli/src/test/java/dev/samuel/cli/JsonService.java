package dev.samuel.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** A service over real HTTP on a loopback port, answering each path with a status and a JSON body. */
public final class JsonService implements AutoCloseable {

    public record Answer(int status, String json) {
    }

    private final HttpServer server;

    private JsonService(HttpServer server) {
        this.server = server;
    }

    public static JsonService start(Function<String, Answer> answers) throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            var answer = answers.apply(exchange.getRequestURI().getPath());
            var body = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new JsonService(server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
