package dev.samuel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Constructor and method injection via {@code @ExtendWith}. */
@ExtendWith(KafkaExtension.class)
class ExtensionParameterTest {

    private final KafkaBroker fromConstructor;

    ExtensionParameterTest(KafkaBroker broker) {
        this.fromConstructor = broker;
    }

    @Test
    void injectsTheSharedBroker(KafkaBroker fromMethod) {
        SeenBrokers.BOOTSTRAPS.add(fromMethod.bootstrapServers());
        assertThat(fromMethod.bootstrapServers()).isEqualTo(fromConstructor.bootstrapServers());
        assertThat(SeenBrokers.BOOTSTRAPS).hasSize(1);
        assertThat(fromMethod.bootstrapServers()).isEqualTo(SharedKafkaBroker.get().bootstrapServers());
    }

    @Test
    void sharedBrokerWorks(KafkaBroker broker) throws Exception {
        broker.createTopic("ext-param", 1);
        try (KafkaProducer<String, String> producer = broker.producer()) {
            producer.send(new ProducerRecord<>("ext-param", "k", "v")).get();
        }
        assertThat(broker.drain("ext-param", 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void closingTheSharedViewDoesNotStopIt(KafkaBroker broker) {
        broker.close();
        broker.createTopic("still-up", 1);
    }
}
