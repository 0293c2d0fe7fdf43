package dev.samuel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** KafkaTestResource inside a real Quarkus test, where testkit classes live in Quarkus' class loader. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class QuarkusKafkaTestResourceTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void configuresTheApplicationAndInjectsTheBroker() throws Exception {
        assertThat(broker).isNotNull();
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("kafka.bootstrap.servers", String.class)).isEqualTo(broker.bootstrapServers());
        assertThat(config.getValue("quarkus.kafka-streams.bootstrap-servers", String.class)).isEqualTo(broker.bootstrapServers());
        assertThat(config.getValue("mp.messaging.connector.smallrye-kafka.bootstrap.servers", String.class))
                .isEqualTo(broker.bootstrapServers());
        assertThat(config.getValue("quarkus.kafka.devservices.enabled", Boolean.class)).isFalse();

        broker.createTopic("quarkus-resource", 1);
        try (KafkaProducer<String, String> producer = broker.producer()) {
            producer.send(new ProducerRecord<>("quarkus-resource", "k", "v")).get();
        }
        assertThat(broker.drain("quarkus-resource", 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void sharesTheBrokerOwnedOnTheSystemClassPath() throws Exception {
        Class<?> systemCopy = Class.forName(SharedKafkaBroker.class.getName(), true, ClassLoader.getSystemClassLoader());
        String[] owned = (String[]) systemCopy.getMethod("bootstrapServersAndDescription").invoke(null);
        assertThat(broker.bootstrapServers()).isEqualTo(owned[0]);
        System.out.println("Quarkus test: testkit loaded by " + SharedKafkaBroker.class.getClassLoader()
                + ", broker " + broker.describe());
    }
}
