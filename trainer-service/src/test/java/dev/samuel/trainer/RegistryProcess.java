package dev.samuel.trainer;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The packaged model-registry, run as its own process against the test broker: the trainer publishes and
 * promotes through the real API, not a stand-in.
 */
public final class RegistryProcess implements AutoCloseable {

    public static final String TOKEN = "test-token";
    private static final Path JAR = Path.of("../model-registry/target/quarkus-app/quarkus-run.jar");

    private final Process process;
    private final URI url;

    private RegistryProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    public static RegistryProcess start(String bootstrapServers) throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build model-registry first"
                    + " (mvn -B verify builds it before trainer-service)");
        }
        int port = freePort();
        var artifacts = Files.createTempDirectory("registry-artifacts");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Dsamuel.registry.write-token=" + TOKEN,
                "-Dsamuel.registry.artifacts.dir=" + artifacts,
                "-Dquarkus.log.level=WARN",
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/model-registry-" + port + ".log"))
                .start();
        var registry = new RegistryProcess(process, URI.create("http://127.0.0.1:" + port));
        registry.awaitReady(Duration.ofSeconds(60));
        return registry;
    }

    public URI url() {
        return url;
    }

    private void awaitReady(Duration patience) throws InterruptedException {
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("model-registry exited with " + process.exitValue()
                        + "; see target/model-registry-*.log");
            }
            try {
                var ready = http.send(HttpRequest.newBuilder(url.resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("model-registry was not ready within " + patience);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
