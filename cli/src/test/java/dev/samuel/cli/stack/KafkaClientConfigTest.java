package dev.samuel.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client settings of services run on a broker the stack did not start. */
class KafkaClientConfigTest {

    static final Map<String, String> SASL = Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" "
                    + "password=\"p=q;\\\\r\";");

    @TempDir
    Path dir;

    @Test
    void theServicesGetEveryKeyUnderBothPrefixesInAFileOnlyItsOwnerReads() throws Exception {
        var file = dir.resolve("run/kafka-client.properties");
        KafkaClientConfig.write(file, SASL);

        var written = KafkaClientConfig.load(file);
        assertThat(written).containsEntry("kafka.sasl.jaas.config", SASL.get("sasl.jaas.config"))
                .containsEntry("kafka-streams.security.protocol", "SASL_SSL").hasSize(6);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KafkaClientConfig.read(file)).as("what the cli logs in with").isEqualTo(SASL);
        assertThat(KafkaClientConfig.location(file)).contains(file.toUri().toString());
    }

    @Test
    void noFileMeansNoSettings() {
        var file = dir.resolve("kafka-client.properties");
        assertThat(KafkaClientConfig.read(file)).isEmpty();
        assertThat(KafkaClientConfig.location(file)).isEmpty();
    }

    @Test
    void anUnreadableUserFileIsNamedInTheError() {
        var missing = dir.resolve("client.properties");
        assertThatThrownBy(() -> KafkaClientConfig.load(missing)).isInstanceOf(StackException.class)
                .hasMessageContaining("cannot read the Kafka client settings " + missing);
    }

    @Test
    void theServicesFindABrokerTheStackDidNotStartByItsAddress() {
        var ports = StackPorts.DEFAULT.onBroker("kafka.example:9093");
        assertThat(ports.bootstrap()).isEqualTo("kafka.example:9093");
        assertThat(StackPorts.DEFAULT.bootstrap()).isEqualTo("127.0.0.1:9092");
    }
}
