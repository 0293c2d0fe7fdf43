package dev.samuel.trainer;

import dev.samuel.plumbing.launch.PackagedService;
import dev.samuel.plumbing.launch.RunningService;
import dev.samuel.testkit.KafkaTestResource;
import dev.samuel.testkit.SharedKafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared test broker and the packaged model-registry on it, as its own process: the trainer publishes and
 * promotes through the real API, not a stand-in.
 */
public class TrainerTestResource extends KafkaTestResource {

    /** The platform's one write token, for the registry and the trainer, as in production. */
    public static final String TOKEN = "test-token";

    private RunningService registry;

    @Override
    public Map<String, String> start() {
        var config = new HashMap<>(super.start());
        try {
            registry = startRegistry(SharedKafkaBroker.get().bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the model-registry for the trainer's tests", e);
        }
        config.put("samuel.trainer.registry-url", registry.url());
        config.put("samuel.trainer.registry-token", TOKEN);
        // The packaged jar (the IT) has no test-profile default.
        config.put("samuel.trainer.write-token", TOKEN);
        return config;
    }

    /** Built before the trainer by `mvn verify` (the trainer's pom names it for the build order). */
    public static RunningService startRegistry(String bootstrapServers) throws IOException, InterruptedException {
        int port = freePort();
        var artifacts = Files.createTempDirectory("registry-artifacts");
        return PackagedService.in(Path.of(".."), "model-registry")
                .start(port, Path.of("target/model-registry-" + port + ".log"), command -> command
                        .option("-Xmx256m")
                        .property("kafka.bootstrap.servers", bootstrapServers)
                        .property("samuel.registry.write-token", TOKEN)
                        .property("samuel.registry.artifacts.dir", artifacts)
                        .property("quarkus.log.level", "WARN"))
                .awaitReady(Duration.ofSeconds(60));
    }

    @Override
    public void inject(TestInjector testInjector) {
        super.inject(testInjector);
        testInjector.injectIntoFields(URI.create(registry.url()),
                new TestInjector.AnnotatedAndMatchesType(RegistryUrl.class, URI.class));
    }

    @Override
    public void stop() {
        super.stop();
        try {
            if (registry != null) {
                registry.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
