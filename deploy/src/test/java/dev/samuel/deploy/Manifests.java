package dev.samuel.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
