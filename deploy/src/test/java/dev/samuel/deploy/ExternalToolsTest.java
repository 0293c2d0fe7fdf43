package dev.samuel.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tools, where this machine has them (skipped otherwise): Kustomize builds the base as
 * {@code kubectl apply -k} would, and promtool accepts the scrape config and every dashboard query.
 */
class ExternalToolsTest {

    record Result(int exitCode, String output) {
    }

    @Test
    void kustomizeBuildsTheBase() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        var result = run(List.of("kubectl", "kustomize", Manifests.DIR.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        List<JsonNode> documents = Yaml.YAML.readerFor(JsonNode.class).<JsonNode>readValues(result.output()).readAll();
        var kinds = documents.stream().map(document -> document.path("kind").asText()).toList();
        assertThat(kinds).contains("Secret", "ConfigMap", "Deployment", "StatefulSet", "Kafka", "KafkaUser",
                "ScaledObject", "TriggerAuthentication", "PodMonitor");
        assertThat(result.output()).contains("grafana_dashboard: \"1\"").contains("namespace: samuel");
    }

    @Test
    void promtoolAcceptsTheScrapeConfig() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed");
        var result = run(List.of("promtool", "check", "config", Repo.path(MonitoringConfigTest.PROMETHEUS).toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    /**
     * Each dashboard query (panels' and annotations'), its Grafana variables filled in, as a recording rule:
     * promtool parses every one.
     */
    @Test
    void promtoolParsesEveryDashboardQuery(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed");
        var rules = JsonNodeFactory.instance.arrayNode();
        for (var dashboard : Dashboards.all()) {
            for (var query : dashboard.queries()) {
                var expr = query.expr().replace("$__rate_interval", "1m").replace("$model", "digits");
                rules.addObject().put("record", "samuel:dashboard_query:" + rules.size()).put("expr", expr);
            }
        }
        var file = dir.resolve("rules.yml");
        var groups = JsonNodeFactory.instance.objectNode();
        groups.putArray("groups").addObject().put("name", "dashboards").set("rules", rules);
        Yaml.YAML.writeValue(file.toFile(), groups);
        var result = run(List.of("promtool", "check", "rules", file.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(rules.size() + " rules found");
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), output);
    }
}
