package dev.samuel.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/**
 * The local stack's broker: one KRaft node (broker and controller) run as its own process from the Kafka jars in
 * the cli's lib folder. Its data survives {@code down}, so a later {@code up} finds every topic again.
 */
final class KafkaNode {

    private final StackLayout layout;
    private final StackPorts ports;

    KafkaNode(StackLayout layout, StackPorts ports) {
        this.layout = layout;
        this.ports = ports;
    }

    StackState.Started start(String marker) throws InterruptedException {
        var config = writeConfig();
        if (!Files.exists(layout.kafkaData().resolve("data/meta.properties"))) {
            ProcessLauncher.run("formatting the broker's storage", List.of("-cp", classpath(),
                    "kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()), layout.log("kafka-format"));
        }
        return ProcessLauncher.start("kafka", List.of("-Xms256m", "-Xmx768m",
                        "-Dlog4j2.configurationFile=" + writeLogConfig(), "-cp", classpath(), "kafka.Kafka",
                        config.toString()), Map.of(), layout.log("kafka"), marker);
    }

    private String classpath() {
        return layout.cliLib().resolve("*").toString();
    }

    private Path writeConfig() {
        var file = layout.kafkaData().resolve("server.properties");
        write(file, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + ports.controller(),
                "listeners=PLAINTEXT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:" + ports.controller(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + ports.kafka(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + layout.kafkaData().resolve("data"),
                "# One broker: every internal topic has one replica.",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "# Users' topics (M.labelled, M.unlabelled) get three partitions when a producer creates them.",
                "num.partitions=3",
                "# No reason to wait for more group members on one machine.",
                "group.initial.rebalance.delay.ms=0",
                ""));
        return file;
    }

    private Path writeLogConfig() {
        var file = layout.kafkaData().resolve("log4j2.properties");
        write(file, String.join("\n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                ""));
        return file;
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
