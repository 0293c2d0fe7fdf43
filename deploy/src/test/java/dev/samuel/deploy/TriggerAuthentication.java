package dev.samuel.deploy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * KEDA's {@code keda.sh/v1alpha1} TriggerAuthentication, as far as this base may use it (no published model, as for
 * {@link ScaledObject}): parameters from Secrets, ConfigMaps (KEDA 2.13+) or the scale target's environment. Read
 * strictly, so a misspelt field, or a source this model leaves out (pod identity, vaults), fails.
 */
record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    static final String API_VERSION = ScaledObject.API_VERSION;

    /**
     * The Kafka scaler's authentication parameters (KEDA docs 2.13 to 2.17, "Apache Kafka", Authentication
     * Parameters), so a misspelt one is caught.
     */
    static final Set<String> KAFKA_PARAMETERS = Set.of("sasl", "saslTokenProvider", "username", "password", "keytab",
            "realm", "kerberosConfig", "kerberosServiceName", "kerberosDisableFAST", "oauthTokenEndpointUri", "scopes",
            "oauthExtensions", "tls", "ca", "cert", "key", "keyPassword", "awsRoleArn", "awsAccessKeyID",
            "awsSecretAccessKey");

    record Spec(List<TargetRef> secretTargetRef, List<TargetRef> configMapTargetRef, List<EnvRef> env) {
    }

    /** A parameter read from key {@code key} of the Secret or ConfigMap {@code name}. */
    record TargetRef(String parameter, String name, String key) {
    }

    /** A parameter read from the variable {@code name} of a container of the scale target. */
    record EnvRef(String parameter, String name, String containerName) {
    }

    List<TargetRef> secrets() {
        return spec == null || spec.secretTargetRef() == null ? List.of() : spec.secretTargetRef();
    }

    List<TargetRef> configMaps() {
        return spec == null || spec.configMapTargetRef() == null ? List.of() : spec.configMapTargetRef();
    }

    List<EnvRef> environment() {
        return spec == null || spec.env() == null ? List.of() : spec.env();
    }

    /** Every parameter this authentication supplies, with where it comes from ("secret a/b", "configmap c/d", ...). */
    Map<String, String> parameters() {
        var parameters = new TreeMap<String, String>();
        secrets().forEach(ref -> parameters.put(ref.parameter(), "secret " + ref.name() + "/" + ref.key()));
        configMaps().forEach(ref -> parameters.put(ref.parameter(), "configmap " + ref.name() + "/" + ref.key()));
        environment().forEach(ref -> parameters.put(ref.parameter(), "env " + ref.name()));
        return parameters;
    }

    /** What KEDA's CRD requires: a name, and parameter, name and key (or variable) in every reference, once each. */
    List<String> problems() {
        var problems = new ArrayList<String>();
        if (metadata == null || metadata.getName() == null) {
            problems.add("metadata.name is required");
        }
        if (spec == null) {
            return List.of("spec is required");
        }
        var seen = new HashSet<String>();
        for (var ref : concat(secrets(), configMaps())) {
            if (ref.parameter() == null || ref.name() == null || ref.key() == null) {
                problems.add("every secretTargetRef and configMapTargetRef needs parameter, name and key: " + ref);
            } else if (!seen.add(ref.parameter())) {
                problems.add("parameter '" + ref.parameter() + "' is given twice");
            }
        }
        for (var ref : environment()) {
            if (ref.parameter() == null || ref.name() == null) {
                problems.add("every env needs parameter and name: " + ref);
            } else if (!seen.add(ref.parameter())) {
                problems.add("parameter '" + ref.parameter() + "' is given twice");
            }
        }
        if (seen.isEmpty()) {
            problems.add("spec gives no parameter");
        }
        return problems;
    }

    /** What the Kafka scaler makes of these parameters: each one it knows. */
    List<String> kafkaProblems() {
        return parameters().keySet().stream().filter(p -> !KAFKA_PARAMETERS.contains(p))
                .map(p -> "the kafka scaler has no authentication parameter '" + p + "'").toList();
    }

    private static List<TargetRef> concat(List<TargetRef> a, List<TargetRef> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
