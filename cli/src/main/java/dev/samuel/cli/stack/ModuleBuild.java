package dev.samuel.cli.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the services (and the schema registry) whose packaged jar is missing or stale ({@link ModuleSources}), with the Maven of the machine,
 * as a user would: after a {@code git pull}, {@code up} runs the services of the sources it finds.
 */
record ModuleBuild(Path home, PrintStream out) {

    /**
     * The modules to build: a service, or the schema registry, whose jar is missing or older than its sources, its
     * dependencies' sources, or a pom.
     */
    List<String> stale() {
        var sources = new ModuleSources(home);
        var jars = new LinkedHashMap<String, Path>();
        Arrays.stream(QuarkusService.values()).forEach(service -> jars.put(service.module(),
                service.packaged(home).jar()));
        jars.put(SchemaRegistryNode.NAME, SchemaRegistryNode.packaged(home).jar());
        return jars.entrySet().stream().filter(jar -> sources.isStale(jar.getKey(), jar.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    void buildStale() throws InterruptedException {
        List<String> stale = stale();
        if (stale.isEmpty()) {
            return;
        }
        out.println("Building " + String.join(", ", stale) + " (missing, or older than their sources; mvn package, a"
                + " few minutes the first time, when the schema registry's Apicurio comes from Maven Central) ...");
        var command = List.of("mvn", "-B", "-q", "-Dstyle.color=never", "-DskipTests", "package", "-pl",
                String.join(",", stale), "-am");
        try {
            var process = new ProcessBuilder(command).directory(home.toFile()).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new StackException("the build failed: " + String.join(" ", command) + " in " + home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Maven (is mvn on the PATH?): " + e.getMessage(), e);
        }
    }
}
