package dev.samuel.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema registry as a part of the local stack: its port, who is told its URL, and that `up` builds it. */
class SchemaRegistryPartTest {

    @TempDir
    Path home;

    @Test
    void ingestTheTrainerAndInferenceReadAvroThroughTheStacksRegistry() throws IOException {
        var ports = StackPorts.free();
        var layout = StackLayout.of(home);
        var url = "http://127.0.0.1:" + ports.schemaRegistry() + "/apis/ccompat/v7";

        assertThat(ports.schemaRegistryUrl()).isEqualTo(url);
        assertThat(ServiceCommand.environment(QuarkusService.INGEST, ports, "t", layout))
                .containsEntry("SAMUEL_INGEST_SCHEMA_REGISTRY", url);
        assertThat(ServiceCommand.environment(QuarkusService.TRAINER, ports, "t", layout))
                .containsEntry("SAMUEL_TRAINER_SCHEMA_REGISTRY", url);
        assertThat(ServiceCommand.environment(QuarkusService.INFERENCE, ports, "t", layout))
                .containsEntry("SAMUEL_INFERENCE_SCHEMA_REGISTRY", url);
        assertThat(ServiceCommand.environment(QuarkusService.REGISTRY, ports, "t", layout).keySet())
                .noneMatch(key -> key.contains("SCHEMA_REGISTRY"));
        assertThat(StackParts.address(ports, "schema-registry")).isEqualTo(url);
        assertThat(StackPorts.DEFAULT.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8085/apis/ccompat/v7");
    }

    @Test
    void theStateOfAStackStartedBeforeItRanARegistryReadsWithTheDefaultPort() throws IOException {
        var state = Json.MAPPER.readValue("""
                {"ports": {"kafka": 9092, "controller": 9093, "services": {"REGISTRY": 8082, "INGEST": 8081,
                  "TRAINER": 8084, "INFERENCE": 8083}, "broker": null}, "processes": []}""", StackState.class);

        assertThat(state.ports().schemaRegistry()).isEqualTo(StackPorts.SCHEMA_REGISTRY);
        assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(StackPorts.free()), StackPorts.class))
                .as("a free port round-trips through the state file").isNotNull();
    }

    @Test
    void aTakenRegistryPortStopsUpBeforeAnythingStarts() throws IOException {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var free = StackPorts.free();
            var ports = new StackPorts(free.kafka(), free.controller(), free.services(), taken.getLocalPort(), null);

            assertThatThrownBy(ports::requireFree).isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " for the schema registry is in use");
        }
    }

    @Test
    void upBuildsTheRegistryWhenItsJarIsMissing() throws IOException {
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        for (var module : new String[] {"model-registry", "ingest-service", "trainer-service", "inference-service",
                "schema-registry"}) {
            Files.createDirectories(home.resolve(module));
            Files.writeString(home.resolve(module).resolve("pom.xml"), "<project/>");
        }
        for (var service : QuarkusService.values()) {
            var jar = service.packaged(home).jar();
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "jar");
        }

        var build = new ModuleBuild(home, new PrintStream(OutputStream.nullOutputStream()));

        assertThat(build.stale()).containsExactly("schema-registry");
    }
}
