package dev.samuel.bench.ooc;

import dev.samuel.bench.broker.OnLocalBroker;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.plumbing.launch.RunningService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real model-registry and trainer-service, from the jars {@code mvn package} leaves in their
 * {@code target/quarkus-app}, each its own JVM on a free loopback port, configured as the local stack configures them
 * (the registry's heap included) but for what the benchmark sets: the trainer's heap, where it keeps its data, and
 * JMX on loopback, so that {@link HeapPeak} reads its memory pools.
 */
final class Services {

    private Services() {
    }

    static RunningService registry(Path root, String bootstrap, String token, Path artifacts, Path log)
            throws IOException {
        Files.deleteIfExists(log);
        return QuarkusService.REGISTRY.packaged(root).start(OnLocalBroker.freePort(), log, command -> command
                .option("-Xmx384m")
                .property("kafka.bootstrap.servers", bootstrap)
                .property("samuel.registry.write-token", token)
                .property("samuel.registry.artifacts.dir", artifacts)
                .property("quarkus.log.level", "WARN"));
    }

    /**
     * The trainer at {@code heap}, keeping its models' examples on disk under {@code store}
     * ({@code samuel.trainer.store-dir}). JMX answers on {@code jmxPort} of 127.0.0.1 alone, without authentication:
     * a loopback port of a benchmark's own process.
     */
    static RunningService trainer(Path root, String bootstrap, String registryUrl, String token, String heap,
                                  Path store, int jmxPort, Path log) throws IOException {
        Files.deleteIfExists(log);
        return QuarkusService.TRAINER.packaged(root).start(OnLocalBroker.freePort(), log, command -> command
                .option("-Xmx" + heap)
                .property("com.sun.management.jmxremote.port", jmxPort)
                .property("com.sun.management.jmxremote.rmi.port", jmxPort)
                .property("com.sun.management.jmxremote.host", "127.0.0.1")
                .property("java.rmi.server.hostname", "127.0.0.1")
                .property("com.sun.management.jmxremote.authenticate", false)
                .property("com.sun.management.jmxremote.ssl", false)
                .property("kafka.bootstrap.servers", bootstrap)
                .property("samuel.trainer.registry-url", registryUrl)
                .property("samuel.trainer.registry-token", token)
                .property("samuel.trainer.write-token", token)
                .property("samuel.trainer.instance", "bench-0")
                .property("samuel.trainer.store-dir", store)
                .property("quarkus.log.level", "WARN")
                .property("quarkus.log.category.\"dev.samuel\".level", "INFO"));
    }
}
