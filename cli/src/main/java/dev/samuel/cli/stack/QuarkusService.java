package dev.samuel.cli.stack;

import dev.samuel.plumbing.launch.PackagedService;
import java.nio.file.Path;

/** The four services of the platform as the local stack runs them: module, default port, heap. */
public enum QuarkusService {

    // Started first: the trainer and inference read the registry at start-up.
    REGISTRY("model-registry", 8082, "384m"),
    INGEST("ingest-service", 8081, "384m"),
    // The trainer holds every model's train and test examples in memory.
    TRAINER("trainer-service", 8084, "1g"),
    INFERENCE("inference-service", 8083, "512m");

    private final String module;
    private final int defaultPort;
    private final String heap;

    QuarkusService(String module, int defaultPort, String heap) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.heap = heap;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    String heap() {
        return heap;
    }

    /** The service as `mvn package` leaves it in the repository at {@code home}. */
    public PackagedService packaged(Path home) {
        return PackagedService.in(home, module);
    }
}
