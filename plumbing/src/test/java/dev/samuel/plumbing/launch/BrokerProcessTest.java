package dev.samuel.plumbing.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real broker process from this JVM's class path (Kafka's broker jars are test dependencies here). */
class BrokerProcessTest {

    static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void aBrokerRestartedOnItsDirectoryFindsItsTopicsAgain() throws Exception {
        var broker = new BrokerProcess(System.getProperty("java.class.path"), dir, freePort(), freePort());

        var first = start(broker);
        try (var admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } finally {
            stop(first);
        }
        var second = start(broker);
        try (var admin = admin(broker)) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept");
            assertThat(admin.describeTopics(List.of("kept")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("kept").partitions()).hasSize(2);
        } finally {
            stop(second);
        }
    }

    private Process start(BrokerProcess broker) throws InterruptedException {
        broker.prepare(dir.resolve("format.log"));
        var log = dir.resolve("broker.log");
        var process = broker.command().option("-Xmx512m").log(log).start();
        broker.awaitReady(process, log, START);
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static Admin admin(BrokerProcess broker) {
        return Admin.create(Map.of("bootstrap.servers", broker.bootstrap()));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
