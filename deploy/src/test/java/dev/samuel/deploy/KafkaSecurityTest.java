package dev.samuel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.topic.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The base's Kafka admits only logged-in clients, over TLS, and enforces ACLs; the services and KEDA trust Strimzi's
 * cluster CA and log in as the services' KafkaUser with the password from Strimzi's Secret, never from the
 * repository; and that user's ACLs allow what the services do (README.md, "Kafka security").
 */
class KafkaSecurityTest {

    static final List<String> SERVICES = Repo.SERVICES;

    /** The KafkaUser the four services and KEDA log in as. */
    static final String SERVICES_USER = "samuel-services";

    // Read once: the fabric8 and Strimzi models take a while to load, the files do not change during a run.
    private final Manifests manifests = Manifests.base();

    @Test
    void kafkaTakesOnlyLoggedInClientsOverTlsAndAuthorizesEveryRequest() {
        var kafka = manifests.kafka().getSpec().getKafka();
        assertThat(kafka.getListeners()).allSatisfy(listener -> {
            assertThat(listener.getAuth()).as("authentication of listener " + listener.getName())
                    .isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
            assertThat(listener.isTls()).as("records cross the network encrypted on " + listener.getName()).isTrue();
        });
        assertThat(kafka.getAuthorization()).as("ACLs are enforced").isInstanceOf(KafkaAuthorizationSimple.class);
        assertThat(manifests.kafka().getSpec().getEntityOperator().getUserOperator()).as("KafkaUsers need it")
                .isNotNull();
    }

    @Test
    void theServicesUserIsAScramUserOfThisCluster() {
        var user = servicesUser();
        assertThat(user.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", manifests.kafka().getMetadata().getName());
        assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
        assertThat(manifests.secrets()).containsKey(SERVICES_USER);
    }

    /** Each service logs in with SCRAM as the services' user; the password reaches it only from Strimzi's Secret. */
    @ParameterizedTest
    @FieldSource("SERVICES")
    void logsInToKafkaAsTheServicesUser(String service) {
        var prefix = prefix(service);
        assertThat(configMapData(service)).containsEntry(prefix + "SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry(prefix + "SASL_MECHANISM", "SCRAM-SHA-512");
        assertFromSecret(service, prefix + "SASL_JAAS_CONFIG", SERVICES_USER, "sasl.jaas.config");
    }

    /**
     * Each service trusts Strimzi's cluster CA, which signs the brokers' certificates: a PKCS12 truststore that is
     * key ca.p12 of the Cluster Operator's Secret, mounted into the pod, opened with that Secret's password.
     */
    @ParameterizedTest
    @FieldSource("SERVICES")
    void trustsStrimzisClusterCa(String service) {
        var prefix = prefix(service);
        var data = configMapData(service);
        assertThat(data).containsEntry(prefix + "SSL_TRUSTSTORE_TYPE", "PKCS12")
                .doesNotContainKey(prefix + "SSL_ENDPOINT_IDENTIFICATION_ALGORITHM");
        var location = Path.of(data.get(prefix + "SSL_TRUSTSTORE_LOCATION"));
        var mount = manifests.container(service).getVolumeMounts().stream()
                .filter(m -> location.getParent().equals(Path.of(m.getMountPath()))).findFirst()
                .orElseThrow(() -> new AssertionError(service + " mounts nothing at " + location.getParent()));
        var volume = manifests.volumes(service).stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow();
        assertThat(volume.getSecret().getSecretName()).isEqualTo(manifests.clusterCaSecret());
        assertThat(volume.getSecret().getItems()).singleElement().satisfies(item -> {
            assertThat(item.getKey()).isEqualTo("ca.p12");
            assertThat(item.getPath()).isEqualTo(location.getFileName().toString());
        });
        assertFromSecret(service, prefix + "SSL_TRUSTSTORE_PASSWORD", manifests.clusterCaSecret(), "ca.password");
    }

    /** Nothing in a ConfigMap or a literal variable looks like a login: those come from Strimzi's Secrets. */
    @Test
    void noPasswordIsWrittenIntoTheBase() {
        for (var map : manifests.ofType(ConfigMap.class)) {
            assertThat(map.getData().values()).as("ConfigMap " + map.getMetadata().getName())
                    .noneMatch(value -> value.contains("LoginModule") || value.toLowerCase(Locale.ROOT).contains("password="));
        }
        for (var service : SERVICES) {
            assertThat(manifests.env(service)).as(service)
                    .noneMatch(variable -> variable.getValue() != null && variable.getValue().contains("LoginModule"));
        }
    }

    @Test
    void kedaLogsInAsTheServicesUser() {
        var trigger = manifests.ofType(ScaledObject.class).get(0).spec().triggers().get(0);
        assertThat(trigger.authenticationRef()).as("the cluster refuses a scaler that does not log in").isNotNull();
        var authentication = manifests.triggerAuthentication(trigger.authenticationRef());
        assertThat(authentication.problems()).isEmpty();
        assertThat(authentication.kafkaProblems()).isEmpty();

        // sasl and tls may be given in the trigger or in the TriggerAuthentication; this base gives them in the trigger.
        assertThat(authentication.parameters()).doesNotContainKeys("sasl", "tls");
        assertThat(trigger.metadata()).as("KEDA's name of the listener's mechanism").containsEntry("sasl", "scram_sha512");
        assertThat(trigger.metadata()).as("the listener takes TLS only").containsEntry("tls", "enable");
        assertThat(authentication.parameters()).as("the CA of the brokers' certificates, PEM")
                .containsEntry("ca", "secret " + manifests.clusterCaSecret() + "/ca.crt");

        assertThat(authentication.parameters()).containsEntry("password", "secret " + SERVICES_USER + "/password");
        var username = authentication.configMaps().stream().filter(ref -> ref.parameter().equals("username"))
                .findFirst().orElseThrow(() -> new AssertionError("username is not read from a ConfigMap"));
        assertThat(manifests.named(ConfigMap.class, username.name()).getData().get(username.key()))
                .as("a SCRAM user's name is its KafkaUser's").isEqualTo(SERVICES_USER);
    }

    /**
     * The services' ACLs let each service do what it does, whatever a model is called: read and write every model's
     * topics and the platform's, use its groups and transactions.
     */
    @Test
    void theServicesUsersAclsCoverWhatTheServicesDo() {
        var acls = KafkaAcls.of(servicesUser());
        var topics = new ArrayList<String>();
        Topics.of("any-model").all().forEach(topic -> topics.add(topic.name()));
        topics.addAll(List.of(Topics.REGISTRY.name(), Topics.JOBS.name()));
        for (var topic : topics) {
            for (var operation : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE,
                    AclOperation.DESCRIBE, AclOperation.DESCRIBECONFIGS)) {
                assertThat(acls.allows("topic", topic, operation)).as(operation + " on topic " + topic).isTrue();
            }
        }
        // Groups: ingest's is its Kafka Streams application id, inference's its scoring loop's group id.
        var ingestId = ServiceConfig.of("ingest-service").properties().get("quarkus.kafka-streams.application-id");
        var inferenceGroup = setting("inference-service", "SAMUEL_INFERENCE_GROUP_ID", "samuel.inference.group-id");
        for (var group : List.of(ingestId, inferenceGroup)) {
            for (var operation : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
                assertThat(acls.allows("group", group, operation)).as(operation + " on group " + group).isTrue();
            }
        }
        // Transactional ids: Kafka Streams' <application id>-<process>-<thread>, inference's
        // samuel-inference-<instance id> (LoopSettings), the registry's writer id.
        var writerId = setting("model-registry", "SAMUEL_REGISTRY_WRITER_ID", "samuel.registry.writer.id");
        for (var operation : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
            assertThat(acls.allowsEvery("transactionalId", ingestId + "-", operation))
                    .as(operation + " on " + ingestId + "-*").isTrue();
            assertThat(acls.allowsEvery("transactionalId", "samuel-inference-", operation))
                    .as(operation + " on samuel-inference-*").isTrue();
            assertThat(acls.allows("transactionalId", writerId, operation)).as(operation + " on " + writerId).isTrue();
        }
        assertThat(acls.allowsOnCluster(AclOperation.IDEMPOTENTWRITE)).as("idempotent producers").isTrue();
    }

    /** Quarkus' default Kafka configuration takes KAFKA_*; ingest's Kafka Streams its own typed settings. */
    private static String prefix(String service) {
        return ServiceConfig.of(service).usesDefaultKafka() ? "KAFKA_" : "QUARKUS_KAFKA_STREAMS_";
    }

    /** The service's variable comes from key {@code key} of the Secret {@code secret}, never from the repository. */
    private void assertFromSecret(String service, String variable, String secret, String key) {
        var found = manifests.env(service).stream().filter(v -> v.getName().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no " + variable));
        assertThat(found.getValue()).as("a secret in the repository").isNull();
        assertThat(found.getValueFrom().getSecretKeyRef().getName()).as(variable).isEqualTo(secret);
        assertThat(found.getValueFrom().getSecretKeyRef().getKey()).as(variable).isEqualTo(key);
    }

    private KafkaUser servicesUser() {
        return manifests.named(KafkaUser.class, SERVICES_USER);
    }

    /** A setting of the service: its ConfigMap's variable, else the default its README gives. */
    private String setting(String service, String variable, String key) {
        return configMapData(service).getOrDefault(variable, ServiceConfig.of(service).readmeDefaults().get(key));
    }

    /** The data of the service's ConfigMaps (envFrom). */
    private Map<String, String> configMapData(String service) {
        var data = new HashMap<String, String>();
        manifests.container(service).getEnvFrom().stream().filter(source -> source.getConfigMapRef() != null)
                .forEach(source -> data.putAll(manifests.named(ConfigMap.class, source.getConfigMapRef().getName())
                        .getData()));
        return data;
    }
}
