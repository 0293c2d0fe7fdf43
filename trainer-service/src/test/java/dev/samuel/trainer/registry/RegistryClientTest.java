package dev.samuel.trainer.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.registry.VersionRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a registry that fails on purpose, over real HTTP (the JDK's server). */
class RegistryClientTest {

    static final Backoff QUICK = new Backoff(4, Duration.ofMillis(5));
    static final Map<String, String> LINEAGE = Map.of(RegistryClient.JOB, "job-1");

    final List<VersionRecord> registered = new ArrayList<>();
    final AtomicInteger posts = new AtomicInteger();
    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aRegistryThatFailsTwiceIsRetriedUntilItAnswers() throws IOException {
        var client = registry(post -> post <= 2 ? 503 : 201);

        var version = client.register("m", new byte[] {1}, Map.of(), LINEAGE);

        assertThat(version.version()).isEqualTo(1);
        assertThat(posts).hasValue(3);
        assertThat(registered).hasSize(1);
    }

    @Test
    void aRegistrationWhoseAnswerWasLostIsFoundAndNotMadeTwice() throws IOException {
        // The registry keeps the version but answers 500, as if it died before replying.
        var client = registry(post -> -500);

        var version = client.register("m", new byte[] {1}, Map.of(), LINEAGE);

        assertThat(version.lineage()).containsEntry(RegistryClient.JOB, "job-1");
        assertThat(posts).hasValue(1);
        assertThat(registered).hasSize(1);
    }

    @Test
    void aRefusalIsFinalAtOnce() throws IOException {
        var client = registry(post -> 400);

        assertThatThrownBy(() -> client.register("m", new byte[] {1}, Map.of(), LINEAGE))
                .isInstanceOf(RegistryCallException.class).hasMessageContaining("answered 400");
        assertThat(posts).hasValue(1);
    }

    @Test
    void aRegistryThatNeverAnswersFailsAfterTheLastAttempt() throws IOException {
        var client = registry(post -> 201);
        server.stop(0);

        assertThatThrownBy(() -> client.register("m", new byte[] {1}, Map.of(), LINEAGE))
                .isInstanceOf(RegistryCallException.class)
                .satisfies(e -> assertThat(((RegistryCallException) e).retryable()).isTrue());
    }

    interface Answer {
        /** The status for the n-th POST; negative: keep the version but answer with the absolute status. */
        int status(int post);
    }

    RegistryClient registry(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/models/m/versions", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                reply(exchange, 200, Json.MAPPER.writeValueAsString(registered));
                return;
            }
            int status = answer.status(posts.incrementAndGet());
            if (status == 201 || status < 0) {
                var lineage = Json.MAPPER.readValue(exchange.getRequestHeaders().getFirst("Samuel-Lineage"), Map.class);
                registered.add(new VersionRecord("m", registered.size() + 1, "00", 1, Map.of(), lineage,
                        Instant.now(), null));
            }
            reply(exchange, Math.abs(status), status == 201
                    ? Json.MAPPER.writeValueAsString(registered.get(registered.size() - 1)) : "{\"message\":\"no\"}");
        });
        server.start();
        return new RegistryClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "t", QUICK);
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
