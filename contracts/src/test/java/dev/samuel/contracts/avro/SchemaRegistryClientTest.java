package dev.samuel.contracts.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's answers to what a registry may do wrong, over real HTTP: a closed port, and a small HTTP server that
 * answers as a failing registry or a wrong URL would. The same calls against a real registry (Apicurio's, run as a
 * process) are testkit's {@code RegistryAvroTest}: contracts cannot depend on testkit, which depends on it.
 */
class SchemaRegistryClientTest {

    private static final Schema HOUSE = new Schema.Parser().parse("""
            {"type": "record", "name": "House", "fields": [{"name": "rooms", "type": "int"}]}""");

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Test
    void aClosedPortIsAnUnavailableRegistry() throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var client = new SchemaRegistryClient("http://127.0.0.1:" + port, Duration.ofSeconds(2));

        assertThatThrownBy(() -> client.schema(1)).isInstanceOf(RegistryUnavailableException.class)
                .isNotInstanceOf(InvalidRecordException.class).hasMessageContaining("cannot be reached");
    }

    @Test
    void aServerErrorIsAnUnavailableRegistry() throws IOException {
        var client = clientOf(503, "{\"error_code\": 50302, \"message\": \"storage down\"}", new AtomicInteger());

        assertThatThrownBy(() -> client.schema(1)).isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("503").hasMessageContaining("storage down");
    }

    @Test
    void aNotFoundWithoutTheConfluentErrorCodeIsAWrongUrlNotAnUnknownId() throws IOException {
        var client = clientOf(404, "<html>no such page</html>", new AtomicInteger());

        assertThatThrownBy(() -> client.schema(1)).isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("root of its Confluent API");
    }

    @Test
    void theConfluentSchemaNotFoundIsAnUnknownId() throws IOException {
        var client = clientOf(404, "{\"error_code\": 40403, \"message\": \"Schema 7 not found\"}", new AtomicInteger());

        assertThatThrownBy(() -> client.schema(7)).isInstanceOfSatisfying(UnknownSchemaException.class,
                e -> assertThat(e.schemaId()).isEqualTo(7));
    }

    @Test
    void aSchemaIsAskedForOnceAndThenServedFromTheCache() throws IOException {
        var calls = new AtomicInteger();
        var client = clientOf(200, "{\"schema\": \"{\\\"type\\\": \\\"record\\\", \\\"name\\\": \\\"R\\\","
                + " \\\"fields\\\": [{\\\"name\\\": \\\"x\\\", \\\"type\\\": \\\"int\\\"}]}\"}", calls);

        var first = client.schema(4);
        var second = client.schema(4);

        assertThat(first.getField("x")).isNotNull();
        assertThat(second).isSameAs(first);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aSchemaOfAnotherKindIsRefusedForTheRecord() throws IOException {
        var client = clientOf(200, "{\"schema\": \"syntax = \\\"proto3\\\";\", \"schemaType\": \"PROTOBUF\"}",
                new AtomicInteger());

        assertThatThrownBy(() -> client.schema(2)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("PROTOBUF");
    }

    @Test
    void registeringPostsTheSchemaAsTheConfluentApiHasItAndAnswersItsId() throws IOException {
        var request = new AtomicReference<String>();
        var client = clientOf("/ccompat/subjects/", 200, "{\"id\": 12}", request);

        int id = client.register("houses.labelled-value", HOUSE);

        assertThat(id).isEqualTo(12);
        assertThat(request.get()).startsWith("POST /ccompat/subjects/houses.labelled-value/versions\n");
        var sent = Json.MAPPER.readTree(request.get().substring(request.get().indexOf('\n') + 1));
        assertThat(new Schema.Parser().parse(sent.get("schema").asText())).isEqualTo(HOUSE);
    }

    @Test
    void aRefusedRegistrationNamesTheSubjectTheUrlAndTheStatus() throws IOException {
        var client = clientOf("/ccompat/subjects/", 409, "{\"error_code\": 409, \"message\": \"incompatible\"}",
                new AtomicReference<>());

        assertThatThrownBy(() -> client.register("houses-value", HOUSE)).isInstanceOf(SchemaRegistrationException.class)
                .hasMessageContainingAll("subject 'houses-value'", "/ccompat/subjects/houses-value/versions", "409",
                        "incompatible");
    }

    @Test
    void aFailingRegistryOrAnAnswerWithoutAnIdIsAnUnavailableRegistry() throws IOException {
        var failing = clientOf("/ccompat/subjects/", 500, "{\"message\": \"storage down\"}", new AtomicReference<>());
        assertThatThrownBy(() -> failing.register("houses-value", HOUSE))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContainingAll("500", "storage down");

        stop();
        var wrong = clientOf("/ccompat/subjects/", 200, "{\"version\": 1}", new AtomicReference<>());
        assertThatThrownBy(() -> wrong.register("houses-value", HOUSE))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("without a schema id");
    }

    /** A client whose registry answers every request with {@code status} and {@code body}, counting them. */
    private SchemaRegistryClient clientOf(int status, String body, AtomicInteger calls) throws IOException {
        return clientOf("/ccompat/schemas/ids/", status, body, new AtomicReference<>(), calls);
    }

    /** The same for requests under {@code path}, keeping the last one's method, path and body. */
    private SchemaRegistryClient clientOf(String path, int status, String body, AtomicReference<String> request)
            throws IOException {
        return clientOf(path, status, body, request, new AtomicInteger());
    }

    private SchemaRegistryClient clientOf(String path, int status, String body, AtomicReference<String> request,
            AtomicInteger calls) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            calls.incrementAndGet();
            request.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return new SchemaRegistryClient("http://127.0.0.1:" + server.getAddress().getPort() + "/ccompat/");
    }
}
