package dev.samuel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.topic.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The manifests of k8s/ fit together and fit the services: ports, probes, configuration, the Secrets and ConfigMaps
 * they read, Kafka, scaling, scraping. Who may use Kafka: {@link KafkaSecurityTest}.
 */
class KubernetesManifestsTest {

    static final List<String> SERVICES = Repo.SERVICES;

    // Read once: the fabric8 and Strimzi models take a while to load, the files do not change during a run.
    private final Manifests manifests = Manifests.base();

    @ParameterizedTest
    @FieldSource("SERVICES")
    void runsEachServiceOnItsPortWithHealthProbesAndResources(String service) {
        var port = ServiceConfig.of(service).httpPort();
        var container = container(service);
        assertThat(container.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(port);
        });
        assertProbe(container.getReadinessProbe(), "/q/health/ready");
        assertProbe(container.getLivenessProbe(), "/q/health/live");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(container.getImage()).startsWith("samuel/" + service + ":");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void exposesEachServiceUnderItsNameAndPort(String service) {
        var port = ServiceConfig.of(service).httpPort();
        var spec = manifests.named(Service.class, service).getSpec();
        assertThat(spec.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(port);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
        assertThat(manifests.podTemplate(service).getMetadata().getLabels()).containsAllEntriesOf(spec.getSelector());
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void setsOnlyVariablesTheServiceReadsFromConfigMapsAndSecretsThatExist(String service) {
        var config = ServiceConfig.of(service);
        var names = environment(service).keySet();
        assertThat(names).contains("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(names).allSatisfy(name -> assertThat(config.reads(name) || ServiceConfig.IMAGE_ENVIRONMENT.contains(name))
                .as(service + " gets " + name + ", which it does not read; it reads " + config.environment()).isTrue());
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void reachesKafkaThroughTheStrimziBootstrapService(String service) {
        assertThat(environment(service)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
    }

    @Test
    void reachesTheRegistryThroughItsService() {
        var url = "http://model-registry:" + manifests.named(Service.class, "model-registry").getSpec().getPorts().get(0).getPort();
        assertThat(environment("inference-service")).containsEntry("SAMUEL_REGISTRY_URL", url);
        assertThat(environment("trainer-service")).containsEntry("SAMUEL_REGISTRY_URL", url);
    }

    /** One replica: an in-memory registry numbers its schemas on its own. */
    @Test
    void reachesTheSchemaRegistryThroughItsService() {
        var port = manifests.named(Service.class, "schema-registry").getSpec().getPorts().get(0).getPort();
        var url = "http://schema-registry:" + port + "/apis/ccompat/v7";
        assertThat(environment("ingest-service")).containsEntry("SAMUEL_INGEST_SCHEMA_REGISTRY", url);
        assertThat(environment("trainer-service")).containsEntry("SAMUEL_TRAINER_SCHEMA_REGISTRY", url);
        assertThat(environment("inference-service")).containsEntry("SAMUEL_INFERENCE_SCHEMA_REGISTRY", url);
        var registry = manifests.named(Deployment.class, "schema-registry").getSpec();
        assertThat(registry.getReplicas()).isEqualTo(1);
        var container = registry.getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("apicurio/apicurio-registry-mem:2.4.2.Final");
        assertThat(container.getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(port));
        assertProbe(container.getReadinessProbe(), "/health/ready");
        assertProbe(container.getLivenessProbe(), "/health/live");
    }

    @Test
    void givesTheRegistryAndTheTrainerTheGeneratedToken() {
        var token = manifests.kustomization.getSecretGenerator().stream()
                .filter(g -> g.getName().equals("samuel-registry-token")).findFirst().orElseThrow();
        assertThat(token.getLiterals()).singleElement().asString().startsWith("SAMUEL_REGISTRY_WRITE_TOKEN=");
        for (var service : List.of("model-registry", "trainer-service")) {
            assertThat(environment(service)).containsKey("SAMUEL_REGISTRY_WRITE_TOKEN");
        }
        assertThat(environment("inference-service")).doesNotContainKey("SAMUEL_REGISTRY_WRITE_TOKEN");
        assertThat(Repo.read("k8s/registry-token.env.example")).contains("SAMUEL_REGISTRY_WRITE_TOKEN=");
    }

    @Test
    void theRegistryIsOneWriterWithItsArtifactsOnTheClaimedVolume() {
        var registry = manifests.named(Deployment.class, "model-registry").getSpec();
        assertThat(registry.getReplicas()).isEqualTo(1);
        assertThat(registry.getStrategy().getType()).isEqualTo("Recreate");
        var pod = registry.getTemplate().getSpec();
        var volume = pod.getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null).findFirst().orElseThrow();
        manifests.named(PersistentVolumeClaim.class, volume.getPersistentVolumeClaim().getClaimName());
        var mount = container("model-registry").getVolumeMounts().stream()
                .filter(m -> m.getName().equals(volume.getName())).findFirst().orElseThrow();
        assertThat(environment("model-registry")).containsEntry("SAMUEL_REGISTRY_ARTIFACTS_DIR", mount.getMountPath())
                .containsEntry("SAMUEL_REGISTRY_WRITER_ENABLED", "true");
        assertThat(pod.getSecurityContext().getFsGroup()).as("user 185 writes the volume").isEqualTo(185L);
    }

    @Test
    void trainerReplicasShareTheModelsEachUnderItsPodsName() {
        var trainer = manifests.named(Deployment.class, "trainer-service").getSpec();
        assertThat(trainer.getReplicas()).isBetween(2, Topics.JOBS.settings().partitions());
        assertThat(trainer.getStrategy().getType()).isEqualTo("RollingUpdate");
        // One name for every replica would make them fence each other in the group: it must be the pod's.
        var instance = container("trainer-service").getEnv().stream()
                .filter(variable -> variable.getName().equals("SAMUEL_TRAINER_INSTANCE")).findFirst().orElseThrow();
        assertThat(instance.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        assertThat(ServiceConfig.of("trainer-service").reads("SAMUEL_TRAINER_INSTANCE")).isTrue();
    }

    /** The examples are on the pod's own volume, and the budget refuses before the volume's limit evicts the pod. */
    @Test
    void theTrainersExamplesLiveOnItsOwnVolumeWithinABudgetBelowItsLimit() {
        var mount = container("trainer-service").getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(environment("trainer-service").get("SAMUEL_TRAINER_STORE_DIR")))
                .findFirst().orElseThrow();
        var volume = manifests.volumes("trainer-service").stream().filter(v -> v.getName().equals(mount.getName()))
                .findFirst().orElseThrow();
        long limit = volume.getEmptyDir().getSizeLimit().getNumericalAmount().longValueExact();
        long budget = bytes(environment("trainer-service").get("SAMUEL_TRAINER_STORE_BUDGET"));
        assertThat(budget).isPositive().isLessThan(limit);
        assertThat(ServiceConfig.of("trainer-service").reads("SAMUEL_TRAINER_STORE_DIR")).isTrue();
        assertThat(ServiceConfig.of("trainer-service").reads("SAMUEL_TRAINER_STORE_BUDGET")).isTrue();
    }

    /** A size as Quarkus's {@code MemorySize} reads it: a number, then K, M, G or T for powers of 1024. */
    private static long bytes(String size) {
        int unit = "KMGT".indexOf(Character.toUpperCase(size.charAt(size.length() - 1)));
        return unit < 0 ? Long.parseLong(size) : Long.parseLong(size.substring(0, size.length() - 1)) << (10 * (unit + 1));
    }

    @Test
    void inferenceReplicasKeepTheirNamesAsInstanceIds() {
        var inference = manifests.named(StatefulSet.class, "inference-service").getSpec();
        assertThat(manifests.find(Service.class, inference.getServiceName())).isPresent();
        // One value for every replica would make them fence each other: the id must come from the pod name.
        assertThat(environment("inference-service")).doesNotContainKey("SAMUEL_INFERENCE_INSTANCE_ID");
        assertThat(ServiceConfig.of("inference-service").properties().get("samuel.inference.instance-id"))
                .startsWith("${HOSTNAME");
    }

    @Test
    void kedaScalesInferenceOnItsGroupsLagUpToThePartitionCount() {
        var scaledObject = manifests.ofType(ScaledObject.class).get(0);
        assertThat(scaledObject.problems()).isEmpty();
        var target = scaledObject.spec().scaleTargetRef();
        assertThat(target.kind()).isEqualTo("StatefulSet");
        manifests.named(StatefulSet.class, target.name());

        var trigger = scaledObject.spec().triggers().get(0);
        assertThat(trigger.type()).isEqualTo("kafka");
        var groupId = environment("inference-service").getOrDefault("SAMUEL_INFERENCE_GROUP_ID",
                ServiceConfig.of("inference-service").readmeDefaults().get("samuel.inference.group-id"));
        assertThat(trigger.metadata()).containsEntry("consumerGroup", groupId)
                .containsEntry("bootstrapServers", bootstrapServers())
                .doesNotContainKey("topic");
        var partitions = Integer.parseInt(environment("inference-service").get("SAMUEL_INFERENCE_TOPIC_PARTITIONS"));
        assertThat(scaledObject.spec().maxReplicaCount()).isEqualTo(partitions)
                .isEqualTo(kafka().getSpec().getKafka().getConfig().get("num.partitions"));
        assertThat(scaledObject.spec().minReplicaCount()).isGreaterThanOrEqualTo(1);
    }

    /**
     * Every Secret or ConfigMap a pod (in a variable or a volume) or KEDA reads exists once the base is applied, with
     * the key it reads.
     */
    @Test
    void everySecretAndConfigMapReferenceResolves() {
        var secrets = manifests.secrets();
        var configMaps = manifests.configMaps();
        for (var service : SERVICES) {
            var container = container(service);
            for (var source : container.getEnvFrom()) {
                if (source.getSecretRef() != null) {
                    assertThat(secrets).as(service + " envFrom").containsKey(source.getSecretRef().getName());
                }
                if (source.getConfigMapRef() != null) {
                    assertThat(configMaps).as(service + " envFrom").containsKey(source.getConfigMapRef().getName());
                }
            }
            for (var volume : manifests.volumes(service)) {
                var secret = volume.getSecret();
                if (secret != null) {
                    var reader = service + " volume " + volume.getName();
                    assertThat(secrets).as(reader).containsKey(secret.getSecretName());
                    secret.getItems().forEach(item -> assertKey(secrets, secret.getSecretName(), item.getKey(), reader));
                }
            }
            for (var variable : manifests.env(service)) {
                var from = variable.getValueFrom();
                var reader = service + " " + variable.getName();
                if (from != null && from.getSecretKeyRef() != null) {
                    assertKey(secrets, from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey(), reader);
                }
                if (from != null && from.getConfigMapKeyRef() != null) {
                    assertKey(configMaps, from.getConfigMapKeyRef().getName(), from.getConfigMapKeyRef().getKey(), reader);
                }
            }
        }
        for (var authentication : manifests.ofType(TriggerAuthentication.class)) {
            var name = "TriggerAuthentication " + authentication.metadata().getName();
            authentication.secrets().forEach(ref -> assertKey(secrets, ref.name(), ref.key(), name));
            authentication.configMaps().forEach(ref -> assertKey(configMaps, ref.name(), ref.key(), name));
        }
        for (var scaledObject : manifests.ofType(ScaledObject.class)) {
            scaledObject.spec().triggers().stream().filter(t -> t.authenticationRef() != null)
                    .forEach(t -> manifests.triggerAuthentication(t.authenticationRef()));
        }
    }

    @Test
    void kafkaIsAKraftClusterOfOneDualRolePool() {
        var kafka = kafka();
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        var pool = manifests.ofType(KafkaNodePool.class).get(0);
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        var config = kafka.getSpec().getKafka().getConfig();
        for (var key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            assertThat((Integer) config.get(key)).as(key).isBetween(1, pool.getSpec().getReplicas());
        }
        assertThat((Integer) config.get("transaction.state.log.min.isr"))
                .isLessThan((Integer) config.get("transaction.state.log.replication.factor"));
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).as("KafkaTopics need it").isNotNull();
    }

    @Test
    void declaresThePlatformTopicsWithTheLayoutTheServicesRequire() {
        var topics = new HashMap<String, KafkaTopic>();
        manifests.ofType(KafkaTopic.class).forEach(t -> topics.put(t.getSpec().getTopicName(), t));
        assertThat(topics).containsOnlyKeys(Topics.REGISTRY.name(), Topics.JOBS.name());
        var pool = manifests.ofType(KafkaNodePool.class).get(0);
        topics.values().forEach(topic -> {
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka().getMetadata().getName());
            assertThat(topic.getSpec().getReplicas()).isBetween(1, pool.getSpec().getReplicas());
            assertThat(topic.getSpec().getConfig()).containsEntry("cleanup.policy", "compact");
        });
        var registry = topics.get(Topics.REGISTRY.name()).getSpec();
        assertThat(Topics.REGISTRY.settings().problems(Topics.REGISTRY.name(), registry.getPartitions(),
                (String) registry.getConfig().get("cleanup.policy"))).isEmpty();
        // The trainer creates samuel.jobs from the same table when it is missing.
        assertThat(topics.get(Topics.JOBS.name()).getSpec().getPartitions())
                .isEqualTo(Topics.JOBS.settings().partitions());
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void aPodMonitorScrapesEachServiceAtQMetrics(String service) {
        var labels = manifests.podTemplate(service).getMetadata().getLabels();
        var monitors = manifests.ofType(PodMonitor.class).stream()
                .filter(m -> selects(m.getSpec().getSelector(), labels)).toList();
        assertThat(monitors).as("PodMonitors selecting " + service).hasSize(1);
        var monitor = monitors.get(0).getSpec();
        var portNames = container(service).getPorts().stream().map(p -> p.getName()).toList();
        assertThat(monitor.getPodMetricsEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
            assertThat(portNames).contains(endpoint.getPort());
        });
        // The job label reads as in the compose stack's prometheus.yml: the service's name.
        assertThat(labels).containsEntry(monitor.getJobLabel(), service);
    }

    private Kafka kafka() {
        return manifests.kafka();
    }

    private String bootstrapServers() {
        return kafka().getMetadata().getName() + "-kafka-bootstrap:" + manifests.servicesListener().getPort();
    }

    private Container container(String service) {
        return manifests.container(service);
    }

    private static void assertKey(Map<String, Set<String>> objects, String name, String key, String reader) {
        assertThat(objects).as(reader + " reads " + name + ", which the base does not make").containsKey(name);
        assertThat(objects.get(name)).as(reader + " reads key " + key + " of " + name).contains(key);
    }

    /** The variables the container gets: its ConfigMaps' data, the generated Secret's keys and its own env. */
    private Map<String, String> environment(String service) {
        var environment = new HashMap<String, String>();
        var container = container(service);
        for (var source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                environment.putAll(manifests.named(ConfigMap.class, source.getConfigMapRef().getName()).getData());
            } else if (source.getSecretRef() != null) {
                var name = source.getSecretRef().getName();
                var generator = manifests.kustomization.getSecretGenerator().stream()
                        .filter(g -> g.getName().equals(name)).findFirst()
                        .orElseThrow(() -> new AssertionError(service + " reads Secret " + name + ", which is not generated"));
                generator.getLiterals().forEach(literal -> environment.put(literal.substring(0, literal.indexOf('=')), "<secret>"));
            }
        }
        if (container.getEnv() != null) {
            container.getEnv().forEach(variable -> environment.put(variable.getName(),
                    variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null ? "<secret>"
                            : variable.getValue()));
        }
        return environment;
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        var matchLabels = selector.getMatchLabels() == null ? Map.<String, String>of() : selector.getMatchLabels();
        if (!matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        return selector.getMatchExpressions() == null || selector.getMatchExpressions().stream().allMatch(e ->
                switch (e.getOperator()) {
                    case "In" -> e.getValues().contains(labels.get(e.getKey()));
                    case "NotIn" -> !e.getValues().contains(labels.get(e.getKey()));
                    case "Exists" -> labels.containsKey(e.getKey());
                    case "DoesNotExist" -> !labels.containsKey(e.getKey());
                    default -> throw new AssertionError("unknown selector operator " + e.getOperator());
                });
    }
}
