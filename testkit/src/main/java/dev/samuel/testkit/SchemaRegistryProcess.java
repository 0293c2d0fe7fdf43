package dev.samuel.testkit;

import dev.samuel.contracts.avro.SchemaRegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;

/**
 * A real Confluent-compatible schema registry for tests: the repository's {@code schema-registry} module (Apicurio
 * Registry, in-memory storage) run as a child JVM on a free loopback port. Each one starts empty; {@link #close}
 * stops it. Its output goes to a temporary log file, kept after it stops; a failed start reports the file's end.
 */
public final class SchemaRegistryProcess implements AutoCloseable {

    public static final String MODULE = "schema-registry";
    static final Path JAR = Path.of(MODULE, "target", "quarkus-app", "quarkus-run.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread reaper;

    private SchemaRegistryProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        // A test JVM that ends without closing it must not leave a registry running.
        this.reaper = new Thread(process::destroyForcibly, "schema-registry-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts a registry and waits until it answers; fails naming the build command when the module is not built. */
    public static SchemaRegistryProcess start() {
        var jar = jar();
        int port = freePort();
        try {
            var log = Files.createTempFile("samuel-schema-registry-", ".log");
            // A small heap and the C1 compiler only: about 170 MB and a second less to start, plenty for tests.
            var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + port, "-jar", jar.toString());
            var process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            var registry = new SchemaRegistryProcess(process, port, log);
            registry.awaitReady();
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the schema registry " + jar, e);
        }
    }

    /**
     * The packaged registry: {@code samuel.schema-registry.jar} if set, else the module's build output in the first
     * folder at or above the working directory (a module's, when Maven runs its tests) that holds the module.
     */
    public static Path jar() {
        var configured = System.getProperty("samuel.schema-registry.jar");
        if (configured != null) {
            return requireBuilt(Path.of(configured));
        }
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(MODULE).resolve("pom.xml"))) {
                return requireBuilt(dir.resolve(JAR));
            }
        }
        throw new IllegalStateException("no " + MODULE + " module at or above " + Path.of("").toAbsolutePath()
                + ": run the tests from the Samuel repository, or set -Dsamuel.schema-registry.jar");
    }

    /** The registry's root URL, {@code http://127.0.0.1:port}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The root of its Confluent-compatible API, as a Confluent client's {@code schema.registry.url} takes it. */
    public String confluentUrl() {
        return url() + "/apis/ccompat/v7";
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Registers an Avro schema under {@code subject} as a Confluent serializer does; returns its id. */
    public int register(String subject, String avroSchema) {
        // Its first registration can take a few seconds while the registry warms up.
        return new SchemaRegistryClient(confluentUrl(), Duration.ofSeconds(10))
                .register(subject, new Schema.Parser().parse(avroSchema));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs anyway, on a process that is gone.
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                var what = process.isAlive() ? "was not ready within " + START_TIMEOUT.toSeconds() + " s"
                        : "stopped while starting";
                close();
                throw new IllegalStateException("the schema registry on port " + port + " " + what + ". The end of "
                        + log + ":\n" + tail());
            }
            sleep();
        }
    }

    private boolean answers() {
        try {
            var request = HttpRequest.newBuilder(URI.create(url() + "/apis/registry/v2/system/info"))
                    .timeout(Duration.ofSeconds(3)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the schema registry", e);
        }
    }

    private static Path requireBuilt(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the schema registry first (mvn -B install -pl "
                    + MODULE + ")");
        }
        return jar.toAbsolutePath();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the schema registry", e);
        }
    }
}
