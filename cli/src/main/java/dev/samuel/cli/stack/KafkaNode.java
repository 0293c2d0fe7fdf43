package dev.samuel.cli.stack;

import dev.samuel.plumbing.launch.BrokerProcess;
import dev.samuel.plumbing.launch.JavaCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local stack's broker: the platform's one broker configuration run as its own process ({@link BrokerProcess})
 * from the Kafka jars in the cli's lib folder. Its data survives {@code down}, so a later {@code up} finds every topic
 * again.
 */
record KafkaNode(StackLayout layout, StackPorts ports) {

    /** Writes its configuration, formats its storage the first time, and answers the command that runs it. */
    JavaCommand prepare() throws InterruptedException {
        var broker = new BrokerProcess(layout.cliLib().resolve("*").toString(), layout.kafkaData(), ports.kafka(),
                ports.controller());
        broker.prepare(layout.log("kafka-format"));
        return broker.command().option("-Xms256m", "-Xmx768m")
                .property("log4j2.configurationFile", writeLogConfig());
    }

    private Path writeLogConfig() {
        var file = layout.kafkaData().resolve("log4j2.properties");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n",
                    "rootLogger.level=INFO",
                    "rootLogger.appenderRef.out.ref=out",
                    "appender.out.type=Console",
                    "appender.out.name=out",
                    "appender.out.layout.type=PatternLayout",
                    "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
