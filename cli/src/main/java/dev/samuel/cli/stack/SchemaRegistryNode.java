package dev.samuel.cli.stack;

import dev.samuel.plumbing.launch.JavaCommand;
import dev.samuel.plumbing.launch.PackagedService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The local stack's schema registry: the {@code schema-registry} module's Apicurio Registry, a Confluent-compatible
 * registry run from its jar on a loopback port. Its schemas are kept in an H2 file under the run directory, not in
 * memory as Apicurio's default has it: records on the topics name their schema's id, and the topics outlive
 * {@code down}, so the ids must too.
 */
record SchemaRegistryNode(StackLayout layout, StackPorts ports) {

    static final String NAME = "schema-registry";
    /** Where Apicurio serves the Confluent API. */
    static final String CONFLUENT_API = "/apis/ccompat/v7";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static PackagedService packaged(java.nio.file.Path home) {
        return PackagedService.in(home, NAME);
    }

    /** A small heap and the C1 compiler only: about 170 MB, and a second less to start; plenty for one machine. */
    JavaCommand command() {
        var database = layout.schemaRegistryData().toAbsolutePath().resolve("registry");
        return packaged(layout.home()).command(ports.schemaRegistry())
                .option("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .env(Map.of("REGISTRY_DATASOURCE_URL", "jdbc:h2:file:" + database));
    }

    /** Apicurio's readiness check, outside Quarkus' {@code /q}: it moves its non-application root to {@code /}. */
    static boolean ready(StackPorts ports) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.schemaRegistry()
                    + "/health/ready")).timeout(Duration.ofSeconds(3)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
