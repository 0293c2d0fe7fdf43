package dev.samuel.contracts.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleNodeBrokerTest {

    @Test
    void aPlaintextNodeListensOnLoopbackWithItsControllerBeside() {
        var p = SingleNodeBroker.properties(Path.of("/data"), 9092, 9093);

        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(p.getProperty("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:9093");
        assertThat(p.getProperty("listener.security.protocol.map")).isEqualTo("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        assertThat(p.getProperty("log.dirs")).isEqualTo("/data");
    }

    @Test
    void everyInternalTopicHasOneReplica() {
        var p = SingleNodeBroker.properties(Path.of("/data"), 1, 2);

        assertThat(p.stringPropertyNames().stream().filter(key -> key.endsWith("replication.factor")))
                .isNotEmpty().allSatisfy(key -> assertThat(p.getProperty(key)).isEqualTo("1"));
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
    }

    @Test
    void aSaslNodeUsesTheProtocolOnBothListeners() {
        var p = SingleNodeBroker.properties(Path.of("/data"), 1, 2, "SASL_PLAINTEXT");

        assertThat(p.getProperty("listener.security.protocol.map"))
                .isEqualTo("SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        assertThat(p.getProperty("inter.broker.listener.name")).isEqualTo("SASL_PLAINTEXT");
    }

    @Test
    void theFileReadsBackAsTheSameProperties(@TempDir Path dir) throws IOException {
        var p = SingleNodeBroker.properties(dir.resolve("data"), 1, 2);
        var file = dir.resolve("kafka/server.properties");

        SingleNodeBroker.write(p, file);

        var read = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            read.load(in);
        }
        assertThat(read).isEqualTo(p);
    }
}
