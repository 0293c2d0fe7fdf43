package dev.samuel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.plumbing.kafka.TransactionalProducers;
import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Ingest's Kafka Streams settings are properties; those every transactional producer shares match their one home. */
class IngestSettingsTest {

    @Test
    void itsProducerRetriesARefusedTransactionAsEveryTransactionalProducerOfThePlatformDoes() throws IOException {
        var properties = new Properties();
        try (var in = IngestSettingsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        TransactionalProducers.settings().forEach((key, value) ->
                assertThat(properties.getProperty("kafka-streams.producer." + key)).as(key).isEqualTo(value.toString()));
    }
}
