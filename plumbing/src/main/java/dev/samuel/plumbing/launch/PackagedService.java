package dev.samuel.plumbing.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A Quarkus service of this repository as {@code mvn package} leaves it, {@code <home>/<module>/target/quarkus-app/
 * quarkus-run.jar}, run as its own JVM on a loopback port: by the local stack, the tests that need a real service
 * and the benchmarks.
 */
public record PackagedService(Path home, String module) {

    public static PackagedService in(Path home, String module) {
        return new PackagedService(home.toAbsolutePath().normalize(), module);
    }

    /** Quarkus' fast-jar launcher. */
    public Path jar() {
        return home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public boolean isBuilt() {
        return Files.exists(jar());
    }

    /** The command that runs it on {@code 127.0.0.1:port} (0: a port of its choosing). */
    public JavaCommand command(int port) {
        if (!isBuilt()) {
            throw new LaunchException(jar() + " is missing: build it first (mvn -B package -DskipTests -pl " + module
                    + " -am)");
        }
        return JavaCommand.jar(jar()).property("quarkus.http.host", "127.0.0.1").property("quarkus.http.port", port);
    }

    /** Starts it with its output in {@code log}; {@code settings} adds options, properties and environment. */
    public RunningService start(int port, Path log, Consumer<JavaCommand> settings) {
        var command = command(port).log(log);
        settings.accept(command);
        return new RunningService(module, command.start(), "http://127.0.0.1:" + port, log);
    }
}
