package dev.samuel.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource pointing the application at the JVM's shared {@link KafkaBroker}:
 * {@code @QuarkusTestResource(KafkaTestResource.class)} or {@code @WithTestResource(KafkaTestResource.class)}.
 * Dev Services stay off: the broker is ours, and Dev Services would need Docker. Fields of type
 * {@link KafkaBroker} annotated {@link InjectKafkaBroker} receive the broker.
 *
 * <p>{@link #stop()} leaves the broker running: later test classes (and Quarkus restarts for other
 * profiles) reuse it; it stops with the JVM or the root JUnit context.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = SharedKafkaBroker.get();
        return config(broker.bootstrapServers());
    }

    /** The configuration handed to the application; public so other resources can reuse it. */
    public static Map<String, String> config(String bootstrapServers) {
        Map<String, String> config = new LinkedHashMap<>();
        // Default bootstrap for every Kafka client Quarkus configures (kafka-client, SmallRye, Streams).
        config.put("kafka.bootstrap.servers", bootstrapServers);
        if (onClassPath("org.apache.kafka.streams.KafkaStreams")) {
            // Kafka Streams reads its own key first; set it so an application value cannot win over the
            // test's. Only with Streams present: Quarkus warns about keys no extension recognises.
            config.put("quarkus.kafka-streams.bootstrap-servers", bootstrapServers);
        }
        // Connector-wide default for every SmallRye Reactive Messaging Kafka channel.
        config.put("mp.messaging.connector.smallrye-kafka.bootstrap.servers", bootstrapServers);
        // Dev Services would start a second broker in Docker (and fail without Docker).
        config.put("quarkus.kafka.devservices.enabled", "false");
        return config;
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, KafkaTestResource.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        if (broker != null) {
            testInjector.injectIntoFields(broker,
                    new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, KafkaBroker.class));
        }
    }

    /** Intentionally keeps the shared broker running; see the class comment. */
    @Override
    public void stop() {
        broker = null;
    }
}
