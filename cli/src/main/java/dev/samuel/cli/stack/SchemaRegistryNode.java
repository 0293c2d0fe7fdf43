package dev.samuel.cli.stack;

import dev.samuel.plumbing.launch.JavaCommand;
import dev.samuel.plumbing.launch.PackagedService;
import dev.samuel.plumbing.launch.Readiness;
import java.nio.file.Path;
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

    static PackagedService packaged(Path home) {
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
        return Readiness.answers("http://127.0.0.1:" + ports.schemaRegistry() + "/health/ready");
    }
}
