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
            HELD.add(raise(Logger.getLogger(category)));
            try {
                // slf4j-jboss-logmanager logs through jboss' system context even when the JDK's JUL
                // LogManager is active (no -Djava.util.logging.manager), so set the level there too.
                HELD.add(raise(org.jboss.logmanager.LogContext.getSystemLogContext().getLogger(category)));
            } catch (LinkageError absent) {
                // jboss-logmanager excluded by the consumer: JUL alone it is.
            }
        }
    }

    /** Only raises the threshold: a category configured to WARNING or stricter stays as it is. */
    private static Logger raise(Logger logger) {
        if (logger.getLevel() == null || logger.getLevel().intValue() < Level.WARNING.intValue()) {
            logger.setLevel(Level.WARNING);
        }
        return logger;
    }
}
