package dev.samuel.contracts.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of every Kafka broker Samuel runs itself: the broker inside test JVMs (testkit), the local stack's
 * ({@code bin/samuel up}) and the benchmarks'. One KRaft node that is broker and controller at once, on loopback, with
 * a dynamic quorum of itself (storage formatted with {@code --standalone}); so tests, the stack and the benchmarks
 * measure the same broker. Pure data, so that testkit can share it without depending on plumbing.
 */
public final class SingleNodeBroker {

    public static final String HOST = "127.0.0.1";
    public static final int NODE_ID = 1;
    public static final String CONTROLLER_LISTENER = "CONTROLLER";
    public static final String PLAINTEXT = "PLAINTEXT";

    private SingleNodeBroker() {
    }

    /** A plaintext broker on {@code port}, its controller on {@code controllerPort}, its logs in {@code logDir}. */
    public static Properties properties(Path logDir, int port, int controllerPort) {
        return properties(logDir, port, controllerPort, PLAINTEXT);
    }

    /**
     * {@code protocol} is both listeners' security protocol, which is also the client listener's name: PLAINTEXT, or
     * SASL_PLAINTEXT for a broker whose caller adds the SASL settings.
     */
    public static Properties properties(Path logDir, int port, int controllerPort, String protocol) {
        var p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // A dynamic quorum of this node alone: what `kafka-storage format --standalone` sets up, and what the local
        // stack's data in .samuel/kafka was formatted with.
        p.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        // Loopback only: nothing outside this machine needs the broker.
        p.put("listeners", protocol + "://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                + controllerPort);
        p.put("advertised.listeners", protocol + "://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", protocol + ":" + protocol + "," + CONTROLLER_LISTENER + ":" + protocol);
        p.put("inter.broker.listener.name", protocol);
        p.put("log.dirs", logDir.toString());
        // One node: internal topics default to 3 replicas and would never become available, which blocks consumer
        // groups (offsets) and transactions (transaction state); acks=all needs an ISR of one to be enough.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        // One partition instead of 50: a first group join or first transaction is much faster, and one node gains
        // nothing from spreading the coordinators.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        // A topic a producer creates (a user's M.labelled, M.unlabelled) gets three partitions, room for a few
        // consumers; topics whose count matters are created explicitly.
        p.put("num.partitions", "3");
        // Kafka waits 3 s for more members before a new group's first rebalance: pure waiting on one machine.
        p.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner preallocates 128 MiB by default, a large part of a small broker's heap; compacted topics here
        // are small, and a larger one is only cleaned in more passes.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    /** Writes them as {@code server.properties}, the file {@code kafka.Kafka} and {@code kafka-storage} read. */
    public static void write(Properties properties, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "Samuel's single-node broker (dev.samuel.contracts.broker.SingleNodeBroker)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
