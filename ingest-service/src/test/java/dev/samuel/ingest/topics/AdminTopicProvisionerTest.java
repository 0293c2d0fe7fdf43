package dev.samuel.ingest.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provisioner's admin client logs in with the topology's kafka-streams.* security settings. */
class AdminTopicProvisionerTest {

    @Test
    void theAdminTakesTheStreamsSecuritySettingsAndNothingElse() {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "kafka-streams.security.protocol", "SASL_SSL",
                "kafka-streams.sasl.mechanism", "SCRAM-SHA-512",
                "kafka-streams.sasl.jaas.config", "ScramLoginModule required;",
                "kafka-streams.admin.retries", "7",
                "kafka-streams.processing.guarantee", "exactly_once_v2",
                "kafka-streams.producer.linger.ms", "5",
                "kafka.security.protocol", "PLAINTEXT"), "test", 100)).build();

        var settings = AdminTopicProvisioner.adminSettings(config, "broker:9093", "samuel-ingest");

        assertThat(settings).containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "ScramLoginModule required;")
                .containsEntry("retries", "7")
                .containsEntry("client.id", "samuel-ingest-provisioner")
                .doesNotContainKeys("processing.guarantee", "linger.ms", "producer.linger.ms");
    }
}
