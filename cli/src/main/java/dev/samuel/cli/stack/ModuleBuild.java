package dev.samuel.cli.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Builds the services whose packaged jar is missing, with the Maven of the machine, as a user would. */
final class ModuleBuild {

    private final Path home;
    private final PrintStream out;

    ModuleBuild(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    void buildMissing() throws InterruptedException {
        List<String> missing = Arrays.stream(QuarkusService.values())
                .filter(service -> !service.packaged(home).isBuilt())
                .map(QuarkusService::module).toList();
        if (missing.isEmpty()) {
            return;
        }
        out.println("Building " + String.join(", ", missing) + " (mvn package, a few minutes the first time) ...");
        var command = List.of("mvn", "-B", "-q", "-Dstyle.color=never", "-DskipTests", "package", "-pl", String.join(",", missing), "-am");
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
