package dev.samuel.cli.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the services whose packaged jar is missing or stale ({@link ModuleSources}), with the Maven of the machine,
 * as a user would: after a {@code git pull}, {@code up} runs the services of the sources it finds.
 */
record ModuleBuild(Path home, PrintStream out) {

    /** The services to build: a jar missing, or older than its sources, its dependencies' sources, or a pom. */
    List<String> stale() {
        var sources = new ModuleSources(home);
        return Arrays.stream(QuarkusService.values())
                .filter(service -> sources.isStale(service.module(), service.packaged(home).jar()))
                .map(QuarkusService::module).toList();
    }

    void buildStale() throws InterruptedException {
        List<String> stale = stale();
        if (stale.isEmpty()) {
            return;
        }
        out.println("Building " + String.join(", ", stale)
                + " (missing, or older than their sources; mvn package, a few minutes the first time) ...");
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
