package dev.samuel.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.cli.Samuel;
import dev.samuel.cli.stack.LocalStack;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.testkit.EmbeddedKafkaBroker;
import dev.samuel.testkit.SaslPlain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged services and the cli on a broker that speaks only TLS (SASL_SSL, with a CA and a certificate made for
 * this run), authenticates every client (SASL/PLAIN) and authorizes every request by ACLs. The services log in as
 * {@code samuel}, with the settings a user would give them (the truststore among them), and may use every topic but
 * one: an ACL denies them {@code classified.labelled}. A user, {@code alice}, may only write her models' input and read
 * the open model's predictions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureKafkaIT {

    static final String SERVICES = "samuel";
    static final String USER = "alice";
    static final String OPEN = "open";
    static final String CLASSIFIED = "classified";

    final SaslPlain users = SaslPlain.withUsers(SERVICES, USER);
    final ModelTopics open = Topics.of(OPEN);
    final ModelTopics classified = Topics.of(CLASSIFIED);
    EmbeddedKafkaBroker broker;
    Platform platform;
    @TempDir
    Path dir;

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedKafkaBroker.startWithSaslSsl(users);
        // The ACLs the README asks for: models' topics share no prefix, the services' groups and transactions do.
        grant(SERVICES, List.of(
                allow(ResourceType.TOPIC, "*", PatternType.LITERAL, AclOperation.ALL),
                allow(ResourceType.GROUP, "samuel-", PatternType.PREFIXED, AclOperation.ALL),
                allow(ResourceType.TRANSACTIONAL_ID, "samuel-", PatternType.PREFIXED, AclOperation.ALL),
                allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.IDEMPOTENT_WRITE),
                // A deny wins over every allow.
                new Acl(ResourceType.TOPIC, classified.labelled().name(), PatternType.LITERAL, AclOperation.ALL,
                        AclPermissionType.DENY)));
        grant(USER, List.of(
                allow(ResourceType.TOPIC, OPEN + ".", PatternType.PREFIXED, AclOperation.WRITE),
                allow(ResourceType.TOPIC, CLASSIFIED + ".", PatternType.PREFIXED, AclOperation.WRITE),
                allow(ResourceType.TOPIC, open.predictions().name(), PatternType.LITERAL, AclOperation.READ)));
        // security.protocol=SASL_SSL, the login and the truststore: what the services' client properties would hold.
        var services = new HashMap<String, String>();
        broker.login(SERVICES).forEach((key, value) -> services.put(key, value.toString()));
        platform = Platform.startOnBroker("secure", broker.bootstrapServers(), services, broker.clientSettings());
    }

    @Test
    void theServicesWorkOnTheTopicsTheyMayUseAndNeverReadTheDeniedOne() throws Exception {
        platform.registerClassifier(OPEN, 10);
        platform.registerClassifier(CLASSIFIED, 10);
        var denied = new Stream(as(USER), classified, "classified", 100).start();
        try (denied; var examples = new Stream(as(USER), open, "open", 300).start()) {
            Thread.sleep(4000);
        }
        platform.awaitDataset(OPEN, 600);
        var job = platform.awaitJob(OPEN, platform.trainer().requestJob(OPEN).id(), JobRecord::isFinished);
        assertThat(job.status()).as(job.message()).isEqualTo(JobStatus.SUCCEEDED);

        try (var stream = new Stream(as(USER), open, "served", 200).start()) {
            Thread.sleep(3000);
            stream.close();
            var audit = StreamAudit.settle(platform.kafka(), open, stream, Platform.SETTLE);
            assertThat(audit.lost()).as("records lost: %s", audit).isZero();
            assertThat(audit.duplicated()).as("records duplicated: %s", audit).isZero();
            assertThat(audit.misrouted()).as("malformed records accepted: %s", audit).isZero();
        }

        assertThat(denied.examples()).as("examples alice wrote to the denied topic").isNotEmpty();
        // Read after a job's worth of time, and after the open model's later examples all reached train or test.
        assertThat(TopicCensus.count(platform.kafka(), classified.train().name(), classified.test().name()))
                .as("examples the services were denied").isEmpty();
        assertThat(platform.trainer().dataset(CLASSIFIED).path("train").asInt()).isZero();
        assertThat(platform.stack.health()).as("ingest, beside a topic it may not read")
                .filteredOn(part -> part.name().equals(QuarkusService.INGEST.module()))
                .extracting(LocalStack.Part::state).containsExactly("ready");

        // Every client of the services reached the broker over TLS: the registry's log (the spec was stored), ingest's
        // Streams (the examples above) and its topic provisioner (the train topic has the table's compaction, which
        // a topic made by a producer would lack), the trainer (the job), the scoring loop (the audit) and the judge.
        assertThat(topicConfig(open.train().name(), "cleanup.policy")).isEqualTo("compact");
        Platform.await("the judge to write " + open.performance().name(),
                () -> !TopicCensus.count(platform.kafka(), open.performance().name()).isEmpty());
        aliceUsesTheCli();
    }

    /** The cli as alice, her client properties in a file as a user writes them: SASL_SSL, her login, the truststore. */
    void aliceUsesTheCli() throws Exception {
        var properties = new Properties();
        as(USER).forEach((key, value) -> properties.setProperty(key, value.toString()));
        var config = dir.resolve("alice.properties");
        try (var out = Files.newBufferedWriter(config)) {
            properties.store(out, "alice's Kafka client settings");
        }
        var ids = IntStream.range(0, 20).mapToObj(n -> "cli-" + n).toList();
        var events = Files.write(dir.resolve("events.jsonl"), ids.stream()
                .map(id -> "{\"id\": \"" + id + "\", \"features\": [1.0, 2.0, 3.0, 4.0]}").toList());
        var asAlice = List.of("--bootstrap", broker.bootstrapServers(), "--kafka-config", config.toString());
        cli(List.of("produce", events.toString(), "--model", OPEN), asAlice);
        Platform.await("the cli to read the predictions of its events", () -> {
            var printed = cli(List.of("predictions", OPEN), asAlice);
            return ids.stream().allMatch(id -> printed.contains("\"id\":\"" + id + "\""));
        });
    }

    /** Without the CA a client cannot finish the handshake; without TLS it is not served, even with a login. */
    @Test
    void aClientWithoutTheTruststoreOrWithoutTlsIsRefused() {
        var untrusting = new HashMap<>(as(USER));
        untrusting.keySet().removeIf(key -> key.startsWith("ssl.truststore."));
        assertThatThrownBy(() -> describeCluster(untrusting)).hasCauseInstanceOf(SslAuthenticationException.class);
        var plaintext = new HashMap<>(as(USER));
        plaintext.put("security.protocol", "SASL_PLAINTEXT");
        assertThatThrownBy(() -> describeCluster(plaintext)).hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void aUserMayNotReadWhatTheServicesWrite() {
        var settings = new HashMap<>(as(USER));
        settings.put("default.api.timeout.ms", 10_000);
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(open.train().name(), 0)));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    Map<String, Object> as(String user) {
        var settings = new HashMap<>(broker.login(user));
        settings.put("bootstrap.servers", broker.bootstrapServers());
        return settings;
    }

    /** Runs {@code bin/samuel} in this JVM and returns what it printed; fails unless it succeeds. */
    static String cli(List<String> command, List<String> connection) {
        var args = new ArrayList<>(command);
        args.addAll(connection);
        var printed = new ByteArrayOutputStream();
        var stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(Samuel.commandLine().execute(args.toArray(String[]::new))).as("samuel " + args).isZero();
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    static void describeCluster(Map<String, Object> settings) throws Exception {
        var client = new HashMap<>(settings);
        // Refused in seconds rather than the default minute.
        client.put("request.timeout.ms", 5_000);
        client.put("default.api.timeout.ms", 5_000);
        try (var admin = Admin.create(client)) {
            admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        }
    }

    String topicConfig(String topic, String key) throws Exception {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (var admin = broker.admin()) {
            return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource).get(key)
                    .value();
        }
    }

    record Acl(ResourceType type, String name, PatternType pattern, AclOperation operation,
            AclPermissionType permission) {
    }

    static Acl allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new Acl(type, name, pattern, operation, AclPermissionType.ALLOW);
    }

    void grant(String user, List<Acl> acls) throws Exception {
        try (var admin = broker.admin()) {
            admin.createAcls(acls.stream().map(acl -> new AclBinding(
                    new ResourcePattern(acl.type(), acl.name(), acl.pattern()),
                    new AccessControlEntry(SaslPlain.principal(user), "*", acl.operation(), acl.permission())))
                    .toList()).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
