package dev.samuel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Over SASL_SSL the broker is reached only by clients that trust its CA, check its name and log in. */
class SaslSslBrokerTest {

    static final SaslPlain USERS = SaslPlain.withUsers("alice");
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.startWithSaslSsl(USERS);
        broker.createTopic("records", 1);
        broker.allowOnTopic("alice", "records", AclOperation.ALL);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aUserWhoTrustsTheCaWritesAndReadsWithHostnameVerificationOn() throws Exception {
        var login = broker.login("alice");
        assertThat(login).containsEntry("security.protocol", "SASL_SSL").containsEntry("ssl.truststore.type", "PKCS12")
                // Kafka's default, https, checks the broker's name against the certificate.
                .doesNotContainKey("ssl.endpoint.identification.algorithm");
        var producerSettings = settings(login);
        producerSettings.put("max.block.ms", "10000");
        try (var producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("records", "k", "v")).get(30, TimeUnit.SECONDS);
        }
        try (var consumer = new KafkaConsumer<>(settings(login), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition("records", 0)));
            consumer.seekToBeginning(consumer.assignment());
            assertThat(consumer.poll(Duration.ofSeconds(10))).extracting(r -> r.value()).contains("v");
        }
    }

    @Test
    void aClientWithoutTheTruststoreFailsTheHandshake() {
        var login = new HashMap<>(broker.login("alice"));
        login.keySet().removeIf(key -> key.startsWith("ssl.truststore."));
        try (var admin = Admin.create(settings(login))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SslAuthenticationException.class);
        }
    }

    @Test
    void aPlaintextClientIsNotServedEvenWithTheRightPassword() {
        var login = new HashMap<>(broker.login("alice"));
        login.put("security.protocol", "SASL_PLAINTEXT");
        try (var admin = Admin.create(settings(login))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    private static Map<String, Object> settings(Map<String, Object> login) {
        var settings = new HashMap<>(login);
        settings.put("bootstrap.servers", broker.bootstrapServers());
        // Fail in seconds: a refused client must not wait out the default minute.
        settings.put("request.timeout.ms", "5000");
        settings.put("default.api.timeout.ms", "5000");
        return settings;
    }
}
