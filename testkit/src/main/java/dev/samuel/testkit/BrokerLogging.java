package dev.samuel.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lowers the embedded broker's own loggers to WARNING: at INFO it writes hundreds of lines per start,
 * burying the test's output. Client loggers ({@code org.apache.kafka.clients}) are left to the caller's
 * configuration. Works when slf4j is bound to jboss-logmanager (Quarkus, and testkit's default) or to JUL;
 * with another binding it changes nothing. Set {@code -Dsamuel.test.kafka.quiet=false} to keep broker logs.
 */
final class BrokerLogging {

    private static final String[] BROKER_CATEGORIES = {
        "kafka", // Scala core: kafka.server, kafka.log, kafka.network, kafka.coordinator...
        "state.change.logger",
        "org.apache.kafka.controller",
        "org.apache.kafka.raft",
        "org.apache.kafka.metadata",
        "org.apache.kafka.image",
        "org.apache.kafka.queue",
        "org.apache.kafka.snapshot",
        "org.apache.kafka.server",
        "org.apache.kafka.storage",
        "org.apache.kafka.coordinator",
        "org.apache.kafka.network",
        "org.apache.kafka.security",
        "org.apache.kafka.common.network",
        // Where Kafka 4 logs every config dump ("KafkaConfig values: ..."), clients' included: a
        // hundred lines per client in a test log. Warnings about unknown configs still show.
        "org.apache.kafka.common.config.AbstractConfig",
    };

    /** Warnings logged on every healthy start of a fresh single-node broker. */
    private static final String[] NOISY_AT_WARN = {
        // "Performing controller activation. The metadata log appears to be empty..."
        "org.apache.kafka.controller.QuorumController",
    };

    /** JUL keeps loggers weakly; holding them keeps the level from being garbage collected away. */
    private static final List<Object> HELD = new ArrayList<>();

    private BrokerLogging() {
    }

    static synchronized void quietBroker() {
        if (!HELD.isEmpty() || "false".equalsIgnoreCase(Settings.get("samuel.test.kafka.quiet"))) {
            return;
        }
        for (String category : BROKER_CATEGORIES) {
            setAtLeast(category, Level.WARNING);
        }
        for (String category : NOISY_AT_WARN) {
            setAtLeast(category, Level.SEVERE);
        }
    }

    private static void setAtLeast(String category, Level level) {
        HELD.add(raise(Logger.getLogger(category), level));
        try {
            // slf4j-jboss-logmanager logs through jboss' system context even when the JDK's JUL
            // LogManager is active (no -Djava.util.logging.manager), so set the level there too.
            HELD.add(raise(org.jboss.logmanager.LogContext.getSystemLogContext().getLogger(category), level));
        } catch (LinkageError absent) {
            // jboss-logmanager excluded by the consumer: JUL alone it is.
        }
    }

    /** Only raises the threshold: a category already configured stricter stays as it is. */
    private static Logger raise(Logger logger, Level level) {
        if (logger.getLevel() == null || logger.getLevel().intValue() < level.intValue()) {
            logger.setLevel(level);
        }
        return logger;
    }
}
