package dev.samuel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SASL broker authenticates every client and authorizes every request by ACLs. */
class SaslBrokerTest {

    static final SaslPlain USERS = SaslPlain.withUsers("alice");
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.startWithSasl(USERS);
        broker.createTopic("granted", 1);
        broker.createTopic("denied", 1);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aUserWritesOnlyWhereAnAclAllowsIt() throws Exception {
        broker.allowOnTopic("alice", "granted", AclOperation.WRITE);
        try (var producer = producer(USERS.client("alice"))) {
            assertThat(producer.send(new ProducerRecord<>("granted", "k", "v")).get(30, TimeUnit.SECONDS).offset())
                    .isZero();
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("denied", "k", "v")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (var producer = producer(SaslPlain.client("alice", "not-her-password"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("granted", "k", "v")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aClientWithoutLoginIsNotServed() {
        var plain = new HashMap<String, Object>(Map.of("bootstrap.servers", broker.bootstrapServers()));
        plain.put("max.block.ms", "3000");
        try (var producer = new KafkaProducer<>(plain, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("granted", "k", "v")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> login) {
        var settings = TestClients.producerConfig(broker.bootstrapServers());
        settings.putAll(login);
        // Fail in seconds: an authorization or login error must not wait out the default minute.
        settings.put("max.block.ms", "10000");
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }
}
