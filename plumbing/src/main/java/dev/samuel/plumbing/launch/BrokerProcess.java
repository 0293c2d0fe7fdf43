package dev.samuel.plumbing.launch;

import dev.samuel.contracts.broker.SingleNodeBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.Uuid;

/**
 * A {@link SingleNodeBroker} as a process of its own, run from a class path that holds Kafka's broker jars
 * ({@code kafka_2.13} and the modules it needs): the local stack's broker and the benchmarks'. Its storage is formatted
 * once, by Kafka's own tool as {@code kafka-storage format --standalone} does, so a later start finds its topics again.
 *
 * @param dir holds its {@code server.properties} and its logs ({@code data/})
 */
public record BrokerProcess(String classpath, Path dir, int port, int controllerPort) {

    public String bootstrap() {
        return SingleNodeBroker.HOST + ":" + port;
    }

    public Path config() {
        return dir.resolve("server.properties");
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    /** Writes its configuration, and formats its storage unless a previous run did. */
    public void prepare(Path formatLog) throws InterruptedException {
        SingleNodeBroker.write(SingleNodeBroker.properties(dataDir(), port, controllerPort), config());
        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            JavaCommand.main(classpath, "kafka.tools.StorageTool")
                    .args("format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", config().toString())
                    .log(formatLog).runToEnd("formatting the broker's storage in " + dataDir());
        }
    }

    /** The command that runs it, after {@link #prepare}; the caller adds heap, logging and the log file. */
    public JavaCommand command() {
        return JavaCommand.main(classpath, "kafka.Kafka").args(config().toString());
    }

    /** Waits until it answers a metadata request; fails with the end of its log if it dies first. */
    public void awaitReady(Process process, Path log, Duration timeout) throws InterruptedException {
        Readiness.await("kafka", process.pid(), () -> Readiness.kafkaReady(bootstrap()), log, timeout);
    }
}
