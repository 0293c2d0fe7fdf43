package dev.samuel.testkit;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a {@link KafkaBroker} of the kind {@code samuel.test.kafka} (system property, or env
 * {@code SAMUEL_TEST_KAFKA}) asks for: {@code embedded}, {@code testcontainers}, or {@code auto} (the
 * default: Testcontainers when a Docker engine answers, the embedded broker otherwise).
 */
public final class KafkaBrokers {

    public static final String MODE_PROPERTY = "samuel.test.kafka";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokers.class);

    public enum Mode {
        EMBEDDED, TESTCONTAINERS, AUTO;

        static Mode parse(String value) {
            if (value == null) {
                return AUTO;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "embedded":
                    return EMBEDDED;
                case "testcontainers":
                case "container":
                case "docker":
                    return TESTCONTAINERS;
                case "auto":
                    return AUTO;
                default:
                    throw new IllegalArgumentException(
                            MODE_PROPERTY + "=" + value + " is not one of embedded, testcontainers, auto");
            }
        }
    }

    private KafkaBrokers() {
    }

    public static Mode mode() {
        return Mode.parse(Settings.get(MODE_PROPERTY));
    }

    /** Starts a new broker owned by the caller (close it). Most tests want {@link SharedKafkaBroker#get()}. */
    public static KafkaBroker start() {
        Mode mode = mode();
        switch (mode) {
            case EMBEDDED:
                return EmbeddedKafkaBroker.start();
            case TESTCONTAINERS:
                if (!DockerProbe.dockerAvailable()) {
                    throw new IllegalStateException(MODE_PROPERTY + "=testcontainers but no Docker engine answered");
                }
                return ContainerKafkaBroker.start();
            default:
                if (DockerProbe.dockerAvailable()) {
                    LOG.info("Docker engine found: using Testcontainers' Kafka (set {}=embedded to avoid it)", MODE_PROPERTY);
                    return ContainerKafkaBroker.start();
                }
                return EmbeddedKafkaBroker.start();
        }
    }
}
