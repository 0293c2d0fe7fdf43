package dev.samuel.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.ConfigMapArgs;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.SecretArgs;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.KafkaUserTlsClientAuthentication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The Kustomize base in k8s/: its kustomization and every document of the files it lists, read strictly. */
final class Manifests {

    static final Path DIR = Repo.path("k8s");
    static final Path KUSTOMIZATION = DIR.resolve("kustomization.yaml");

    record Manifest(Path file, JsonNode json, Object model) {

        @Override
        public String toString() {
            return file.getFileName() + ": " + json.path("kind").asText() + " " + json.path("metadata").path("name").asText();
        }
    }

    private static Manifests base;

    final Kustomization kustomization = StrictModel.kustomization(Yaml.read(KUSTOMIZATION));
    final List<Manifest> all = load(kustomization);

    private Manifests() {
    }

    /** The base as the files are now, read once per test run. */
    static synchronized Manifests base() {
        if (base == null) {
            base = new Manifests();
        }
        return base;
    }

    <T> List<T> ofType(Class<T> type) {
        return all.stream().map(Manifest::model).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return ofType(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    /** The pod template of the service's workload, a Deployment or a StatefulSet named after it. */
    PodTemplateSpec podTemplate(String service) {
        return find(Deployment.class, service).map(d -> d.getSpec().getTemplate())
                .or(() -> find(StatefulSet.class, service).map(s -> s.getSpec().getTemplate()))
                .orElseThrow(() -> new AssertionError("no Deployment or StatefulSet " + service));
    }

    /** The one container of the service's pod. */
    Container container(String service) {
        var containers = podTemplate(service).getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(service + " has " + containers.size() + " containers, not one");
        }
        return containers.get(0);
    }

    /** The pod's volumes. */
    List<Volume> volumes(String service) {
        return nonNull(podTemplate(service).getSpec().getVolumes());
    }

    /** The container's own variables (env), without those of envFrom. */
    List<EnvVar> env(String service) {
        var env = container(service).getEnv();
        return env == null ? List.of() : env;
    }

    Kafka kafka() {
        return ofType(Kafka.class).get(0);
    }

    /** The listener the services use: the one internal listener, behind the bootstrap service. */
    GenericKafkaListener servicesListener() {
        var listeners = kafka().getSpec().getKafka().getListeners().stream()
                .filter(l -> l.getType().toValue().equals("internal")).toList();
        if (listeners.size() != 1) {
            throw new AssertionError("the Kafka has " + listeners.size() + " internal listeners, not one");
        }
        return listeners.get(0);
    }

    /** The TriggerAuthentication a trigger names: one of the base (a ClusterTriggerAuthentication is not). */
    TriggerAuthentication triggerAuthentication(ScaledObject.AuthenticationRef ref) {
        if (ref.kind() != null && !ref.kind().equals("TriggerAuthentication")) {
            throw new AssertionError("authenticationRef " + ref.name() + " is a " + ref.kind() + ", not part of the base");
        }
        return ofType(TriggerAuthentication.class).stream().filter(a -> a.metadata().getName().equals(ref.name()))
                .findFirst().orElseThrow(() -> new AssertionError("no TriggerAuthentication " + ref.name()));
    }

    /**
     * The Secret in which Strimzi's Cluster Operator publishes the Kafka's cluster CA certificate, the one that signs
     * the brokers' certificates and that clients of a TLS listener trust: {@code <cluster>-cluster-ca-cert}, with the
     * certificate as PEM ({@code ca.crt}) and as a PKCS12 truststore ({@code ca.p12}, its password {@code ca.password}).
     */
    String clusterCaSecret() {
        return kafka().getMetadata().getName() + "-cluster-ca-cert";
    }

    /**
     * The Secrets that exist once the base is applied, each with its keys: those kustomization.yaml generates,
     * those it lists, the cluster CA certificate's that Strimzi's Cluster Operator writes for the Kafka, and the one
     * its User Operator writes for each KafkaUser, named after the user (with the operator's default empty secret
     * prefix) and holding what its authentication type needs.
     */
    Map<String, Set<String>> secrets() {
        var secrets = new HashMap<String, Set<String>>();
        for (SecretArgs generator : nonNull(kustomization.getSecretGenerator())) {
            secrets.put(generator.getName(), generatedKeys(generator.getLiterals(), generator.getEnvs(), generator.getFiles()));
        }
        ofType(Secret.class).forEach(secret -> secrets.put(secret.getMetadata().getName(), keys(secret.getData(),
                secret.getStringData())));
        secrets.put(clusterCaSecret(), Set.of("ca.crt", "ca.p12", "ca.password"));
        for (var user : ofType(KafkaUser.class)) {
            var authentication = user.getSpec().getAuthentication();
            if (authentication instanceof KafkaUserScramSha512ClientAuthentication) {
                secrets.put(user.getMetadata().getName(), Set.of("password", "sasl.jaas.config"));
            } else if (authentication instanceof KafkaUserTlsClientAuthentication) {
                secrets.put(user.getMetadata().getName(), Set.of("ca.crt", "user.crt", "user.key", "user.p12",
                        "user.password"));
            }
        }
        return secrets;
    }

    /** The ConfigMaps of the base, listed or generated, each with its keys. */
    Map<String, Set<String>> configMaps() {
        var configMaps = new HashMap<String, Set<String>>();
        for (ConfigMapArgs generator : nonNull(kustomization.getConfigMapGenerator())) {
            configMaps.put(generator.getName(), generatedKeys(generator.getLiterals(), generator.getEnvs(),
                    generator.getFiles()));
        }
        ofType(ConfigMap.class).forEach(map -> configMaps.put(map.getMetadata().getName(), keys(map.getData(), null)));
        return configMaps;
    }

    /** Keys of a generator: a literal's or an env file's name before '=', a file's key or its file name. */
    private static Set<String> generatedKeys(List<String> literals, List<String> envs, List<String> files) {
        var keys = new TreeSet<String>();
        nonNull(literals).forEach(literal -> keys.add(literal.substring(0, literal.indexOf('='))));
        for (var env : nonNull(envs)) {
            Repo.read(DIR.resolve(env)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> keys.add(line.substring(0, line.indexOf('='))));
        }
        for (var file : nonNull(files)) {
            keys.add(file.contains("=") ? file.substring(0, file.indexOf('=')) : Path.of(file).getFileName().toString());
        }
        return keys;
    }

    private static Set<String> keys(Map<String, String> data, Map<String, String> stringData) {
        var keys = new TreeSet<String>();
        keys.addAll(data == null ? Set.of() : data.keySet());
        keys.addAll(stringData == null ? Set.of() : stringData.keySet());
        return keys;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    static List<Manifest> load(Kustomization kustomization) {
        var manifests = new ArrayList<Manifest>();
        for (var resource : kustomization.getResources()) {
            var file = DIR.resolve(resource);
            for (var json : Yaml.readAll(file)) {
                try {
                    manifests.add(new Manifest(file, json, StrictModel.read(json)));
                } catch (IllegalArgumentException e) {
                    throw new AssertionError(file.getFileName() + ": " + json.path("kind").asText() + " "
                            + json.path("metadata").path("name").asText() + ": " + e.getMessage(), e);
                }
            }
        }
        return manifests;
    }
}
