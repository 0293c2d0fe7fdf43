package dev.samuel.inference.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.plumbing.kafka.TransactionalProducers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application's kafka.* settings, security included, reach every client of the scoring loop. */
class LoopSettingsTest {

    static final Map<String, Object> SECURED = Map.of("bootstrap.servers", "broker:9093",
            "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.location", "/etc/samuel/truststore.p12");

    final LoopSettings settings = new LoopSettings(SECURED, "i-0", "group", 100, Duration.ofMillis(50),
            Duration.ofSeconds(10), Duration.ofMillis(20));

    @Test
    void everyClientStartsFromTheCommonSettings() {
        for (var client : new Map[] {settings.consumer(), settings.producer(), settings.admin()}) {
            assertThat(client).containsAllEntriesOf(SECURED);
        }
    }

    @Test
    void theLoopsOwnSettingsComeOnTop() {
        assertThat(settings.consumer()).containsEntry("isolation.level", "read_committed")
                .containsEntry("group.instance.id", "samuel-inference-i-0");
        assertThat(settings.producer()).containsEntry("transactional.id", "samuel-inference-i-0")
                .containsAllEntriesOf(TransactionalProducers.settings());
    }
}
