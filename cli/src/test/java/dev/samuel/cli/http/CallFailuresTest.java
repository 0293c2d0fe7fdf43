package dev.samuel.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.samuel.cli.Samuel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What `samuel` prints when a service does not answer or refuses, through the real command line and real HTTP. */
class CallFailuresTest {

    @Test
    void nothingAnsweringSaysHowToStartTheStack() throws IOException {
        var url = "http://127.0.0.1:" + closedPort();

        var err = run("models", "--registry", url);

        assertThat(err).isEqualTo("samuel: the model-registry does not answer at " + url
                + ": is the stack running? Start it with `bin/samuel up`.");
    }

    @Test
    void aRefusalIsTheServicesOwnMessage() throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            var body = "{\"status\":400,\"message\":\"the spec has 2 problems\",\"problems\":[\"a\",\"b\"]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            var err = run("promote", "m", "1", "--registry", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--token", "t");

            assertThat(err).isEqualTo("samuel: model-registry: the spec has 2 problems\n  - a\n  - b");
        } finally {
            server.stop(0);
        }
    }

    private static String run(String... args) {
        var err = new StringWriter();
        var line = Samuel.commandLine();
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute(args)).isEqualTo(1);
        return err.toString().strip();
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
