package dev.samuel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every Kafka client of the cli starts from where the cluster is and how to log in to it. */
class EndpointsTest {

    @TempDir
    Path dir;

    @Test
    void aClientPropertiesFileGivesTheLoginAndTheTruststore() throws Exception {
        var file = Files.writeString(dir.resolve("client.properties"), """
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                # a comment, as such files have
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";
                ssl.truststore.location=/etc/samuel/kafka-ca.p12
                ssl.truststore.password=changeit
                ssl.truststore.type=PKCS12
                """);
        var endpoints = CommandLine.populateCommand(new Endpoints(), "--bootstrap", "kafka.example:9093",
                "--kafka-config", file.toString());

        assertThat(endpoints.kafka()).containsEntry("bootstrap.servers", "kafka.example:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"u\" password=\"p\";")
                .containsEntry("ssl.truststore.location", "/etc/samuel/kafka-ca.p12")
                .containsEntry("ssl.truststore.password", "changeit").containsEntry("ssl.truststore.type", "PKCS12")
                .hasSize(7);
    }

    @Test
    void withoutOneAPlaintextClusterIsAssumed() {
        var endpoints = CommandLine.populateCommand(new Endpoints(), "--bootstrap", "127.0.0.1:9092");
        assertThat(endpoints.kafka()).containsOnlyKeys("bootstrap.servers");
    }
}
