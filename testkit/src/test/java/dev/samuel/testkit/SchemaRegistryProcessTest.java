package dev.samuel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The packaged registry as a process: the Confluent API's register and read-back, and what stopping it does. */
class SchemaRegistryProcessTest {

    private static final String HOUSE = """
            {"type": "record", "name": "House", "namespace": "test", "fields": [
              {"name": "rooms", "type": "int"}, {"name": "city", "type": "string"}]}""";

    @Test
    void registersAnAvroSchemaAndReadsItBackByIdUntilClosed() throws Exception {
        SchemaRegistryProcess stopped;
        try (var registry = SchemaRegistryProcess.start()) {
            stopped = registry;
            int id = registry.register("houses-value", HOUSE);

            var answer = get(registry.confluentUrl() + "/schemas/ids/" + id);
            assertThat(answer.statusCode()).isEqualTo(200);
            var schema = Json.MAPPER.readTree(answer.body()).get("schema").asText();
            assertThat(Json.MAPPER.readTree(schema)).isEqualTo(Json.MAPPER.readTree(HOUSE));
            assertThat(registry.register("houses-value", HOUSE)).as("the same schema keeps its id").isEqualTo(id);
            assertThat(get(registry.confluentUrl() + "/schemas/ids/" + (id + 1000)).statusCode()).isEqualTo(404);
        }

        assertThat(stopped.isAlive()).isFalse();
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
