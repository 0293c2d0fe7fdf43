package dev.samuel.plumbing.kafka;

import static dev.samuel.plumbing.kafka.TopicFollowerTest.await;
import static dev.samuel.plumbing.kafka.TopicFollowerTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.testkit.EmbeddedKafkaBroker;
import dev.samuel.testkit.SaslPlain;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On a broker that authenticates every client and authorizes every request by ACLs. */
class SecuredTopicFollowerTest {

    static final SaslPlain USERS = SaslPlain.withUsers("trainer");
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.startWithSasl(USERS);
        broker.createTopic("granted", 1);
        broker.createTopic("denied", 1);
        try (var admin = broker.admin()) {
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "granted",
                    PatternType.LITERAL), new AccessControlEntry(SaslPlain.principal("trainer"), "*", AclOperation.READ,
                    AclPermissionType.ALLOW)))).all().get(30, TimeUnit.SECONDS);
        }
        send("granted", "1");
        send("denied", "1");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aTopicItMayNotReadStopsNothingElse() throws Exception {
        var applied = new CopyOnWriteArrayList<String>();
        try (var follower = new TopicFollower("secured-follower", login("trainer", USERS.passwords().get("trainer")),
                record -> applied.add(record.topic() + ":" + new String(record.value(), StandardCharsets.UTF_8)))) {
            follower.follow(List.of("denied", "granted")).start();

            await(() -> applied.contains("granted:1"));
            send("granted", "2");
            await(() -> applied.contains("granted:2"));
            assertThat(applied).noneMatch(value -> value.startsWith("denied"));
            assertThat(follower.isFollowing()).isTrue();
        }
    }

    @Test
    void aRefusedLoginEndsItAndSaysWhy() throws Exception {
        try (var follower = new TopicFollower("refused-follower", login("trainer", "not-its-password"), record -> {
        })) {
            follower.follow(List.of("granted")).start();

            await(() -> !follower.isFollowing());
            assertThat(follower.status().following()).isFalse();
            assertThat(follower.status().failure()).contains("Authentication failed");
        }
    }

    /** Sent as the super user. */
    private static void send(String topic, String value) throws Exception {
        try (var producer = new KafkaProducer<>(broker.clientSettings(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, bytes("k"), bytes(value))).get(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Object> login(String user, String password) {
        var settings = new HashMap<String, Object>(SaslPlain.client(user, password));
        settings.put("bootstrap.servers", broker.bootstrapServers());
        return settings;
    }
}
