package dev.samuel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Field injection via {@code @WithKafka}, and the same broker as in {@link ExtensionParameterTest}. */
@WithKafka
class ExtensionFieldTest {

    private static String fromBeforeAll;

    @InjectKafkaBroker
    KafkaBroker broker;

    @BeforeAll
    static void beforeAll(KafkaBroker broker) {
        fromBeforeAll = broker.bootstrapServers();
    }

    @Test
    void injectsTheSameSharedBroker() {
        SeenBrokers.BOOTSTRAPS.add(broker.bootstrapServers());
        assertThat(broker.bootstrapServers()).isEqualTo(fromBeforeAll);
        assertThat(SeenBrokers.BOOTSTRAPS).hasSize(1);
    }
}
