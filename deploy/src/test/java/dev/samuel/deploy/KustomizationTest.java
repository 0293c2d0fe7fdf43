package dev.samuel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.kustomize.v1beta1.ConfigMapArgs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** kustomization.yaml lists every manifest and generates what Kustomize can build: the token and the dashboards. */
class KustomizationTest {

    // Read once: the fabric8 and Strimzi models take a while to load, the files do not change during a run.
    private final Manifests manifests = Manifests.base();

    @Test
    void listsEveryManifestOfTheFolderAndNothingElse() throws IOException {
        var yaml = new ArrayList<String>();
        try (Stream<Path> files = Files.list(Manifests.DIR)) {
            files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
                    .filter(name -> !name.equals("kustomization.yaml"))
                    .forEach(yaml::add);
        }
        assertThat(manifests.kustomization.getResources()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(yaml);
    }

    @Test
    void everyListedManifestParsesStrictly() {
        assertThat(manifests.all).extracting(m -> m.json().path("kind").asText())
                .contains("Namespace", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "ConfigMap", "Deployment",
                        "StatefulSet", "Service", "PersistentVolumeClaim", "ScaledObject", "TriggerAuthentication",
                        "PodMonitor");
        assertThat(manifests.all).allSatisfy(m -> assertThat(m.json().path("metadata").path("namespace").isMissingNode())
                .as(m + ": the kustomization sets the namespace").isTrue());
    }

    @Test
    void generatesTheDashboardsConfigMapFromExactCopiesOfTheDashboards() throws IOException {
        var generator = configMap("samuel-grafana-dashboards");
        assertThat(generator.getOptions().getLabels()).containsEntry("grafana_dashboard", "1");
        var originals = Repo.list(Dashboards.FOLDER, ".json");
        assertThat(generator.getFiles()).as("one entry per dashboard of " + Dashboards.FOLDER)
                .containsExactlyInAnyOrderElementsOf(originals.stream()
                        .map(f -> "dashboards/" + f.getFileName()).toList());
        for (var original : originals) {
            var copy = Manifests.DIR.resolve("dashboards").resolve(original.getFileName());
            assertThat(Files.mismatch(original, copy))
                    .as(copy + " differs from " + original + ": cp deploy/grafana/dashboards/*.json k8s/dashboards/")
                    .isEqualTo(-1L);
        }
    }

    @Test
    void generatorFilesExistInsideTheBase() {
        var files = new ArrayList<String>();
        manifests.kustomization.getConfigMapGenerator().forEach(g -> files.addAll(nonNull(g.getFiles())));
        manifests.kustomization.getSecretGenerator().forEach(g -> {
            files.addAll(nonNull(g.getFiles()));
            files.addAll(nonNull(g.getEnvs()));
        });
        for (var entry : files) {
            var path = entry.substring(entry.indexOf('=') + 1);
            var file = Manifests.DIR.resolve(path).normalize();
            assertThat(file.startsWith(Manifests.DIR)).as(entry + ": Kustomize refuses files outside the base").isTrue();
            assertThat(file).as(entry).isRegularFile();
        }
    }

    private ConfigMapArgs configMap(String name) {
        return manifests.kustomization.getConfigMapGenerator().stream().filter(g -> g.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no configMapGenerator " + name));
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : list;
    }
}
