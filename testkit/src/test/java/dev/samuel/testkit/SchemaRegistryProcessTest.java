package dev.samuel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.avro.RegistryUnavailableException;
import dev.samuel.contracts.avro.SchemaRegistryClient;
import dev.samuel.contracts.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The packaged registry as a process: the Confluent API's register and read-back, and what stopping it does to
 * contracts' client (a cached schema is still served, any other id is an unavailable registry, not an unknown id).
 */
class SchemaRegistryProcessTest {

    private static final String HOUSE = """
            {"type": "record", "name": "House", "namespace": "test", "fields": [
              {"name": "rooms", "type": "int"}, {"name": "city", "type": "string"}]}""";

    @Test
    void registersAnAvroSchemaAndReadsItBackByIdUntilClosed() throws Exception {
        SchemaRegistryProcess stopped;
        SchemaRegistryClient client;
        int id;
        try (var registry = SchemaRegistryProcess.start()) {
            stopped = registry;
            id = registry.register("houses-value", HOUSE);

            var answer = get(registry.confluentUrl() + "/schemas/ids/" + id);
            assertThat(answer.statusCode()).isEqualTo(200);
            var schema = Json.MAPPER.readTree(answer.body()).get("schema").asText();
            assertThat(Json.MAPPER.readTree(schema)).isEqualTo(Json.MAPPER.readTree(HOUSE));
            assertThat(registry.register("houses-value", HOUSE)).as("the same schema keeps its id").isEqualTo(id);
            assertThat(get(registry.confluentUrl() + "/schemas/ids/" + (id + 1000)).statusCode()).isEqualTo(404);

            client = new SchemaRegistryClient(registry.confluentUrl(), Duration.ofSeconds(2));
            assertThat(client.schema(id).getFullName()).isEqualTo("test.House");
        }

        assertThat(stopped.isAlive()).isFalse();
        assertThat(client.schema(id).getFullName()).as("an id's schema never changes: served from the cache")
                .isEqualTo("test.House");
        int other = id + 1;
        assertThatThrownBy(() -> client.schema(other)).isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void theJarIsTheModulesBuildOutput() {
        assertThat(SchemaRegistryProcess.jar()).isAbsolute().endsWith(SchemaRegistryProcess.JAR).isRegularFile();
    }

    @Test
    void aMissingJarFailsNamingTheBuildCommand() {
        System.setProperty("samuel.schema-registry.jar", "/nonexistent/quarkus-run.jar");
        try {
            assertThatThrownBy(SchemaRegistryProcess::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("/nonexistent/quarkus-run.jar is missing")
                    .hasMessageContaining("mvn -B install -pl schema-registry");
        } finally {
            System.clearProperty("samuel.schema-registry.jar");
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
