package dev.samuel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;

/** The lifecycle manager outside Quarkus: its configuration and field injection. */
class KafkaTestResourceTest {

    static class FakeQuarkusTest {
        @InjectKafkaBroker
        KafkaBroker broker;
        KafkaBroker notAnnotated;
    }

    @Test
    void startReturnsSharedBrokerConfigAndInjects() throws Exception {
        KafkaTestResource resource = new KafkaTestResource();
        Map<String, String> config = resource.start();
        String bootstrap = SharedKafkaBroker.get().bootstrapServers();
        assertThat(config)
                .containsEntry("kafka.bootstrap.servers", bootstrap)
                .containsEntry("quarkus.kafka-streams.bootstrap-servers", bootstrap)
                .containsEntry("mp.messaging.connector.smallrye-kafka.bootstrap.servers", bootstrap)
                .containsEntry("quarkus.kafka.devservices.enabled", "false");

        FakeQuarkusTest test = new FakeQuarkusTest();
        resource.inject(new FieldInjector(test));
        assertThat(test.broker.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(test.notAnnotated).isNull();

        resource.stop();
        // stop() leaves the shared broker up for the next test class.
        SharedKafkaBroker.get().createTopic("after-stop", 1);
    }

    /** What Quarkus' injector does: set matching fields of the test instance. */
    private static final class FieldInjector implements TestInjector {
        private final Object instance;

        FieldInjector(Object instance) {
            this.instance = instance;
        }

        @Override
        public void injectIntoFields(Object value, Predicate<Field> predicate) {
            for (Field f : instance.getClass().getDeclaredFields()) {
                if (predicate.test(f)) {
                    try {
                        f.setAccessible(true);
                        f.set(instance, value);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
