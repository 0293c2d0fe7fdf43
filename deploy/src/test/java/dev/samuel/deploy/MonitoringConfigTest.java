package dev.samuel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** Prometheus scrapes exactly the compose stack's services; Grafana finds Prometheus and the dashboards. */
class MonitoringConfigTest {

    static final String PROMETHEUS = "deploy/prometheus/prometheus.yml";
    static final String DATASOURCES = "deploy/grafana/provisioning/datasources/prometheus.yml";
    static final String PROVIDERS = "deploy/grafana/provisioning/dashboards/samuel.yml";
    static final String DASHBOARDS = "deploy/grafana/dashboards";

    private final Compose compose = new Compose();

    @Test
    void prometheusScrapesEveryServiceOnItsPortAtQMetrics() {
        var expected = new HashMap<String, String>();
        for (var service : Repo.SERVICES) {
            expected.put(service, service + ":" + ServiceConfig.of(service).httpPort());
        }
        var actual = new HashMap<String, String>();
        for (var job : Yaml.read(Repo.path(PROMETHEUS)).path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText()).as(job.path("job_name").asText()).isEqualTo("/q/metrics");
            job.path("static_configs").forEach(group -> group.path("targets")
                    .forEach(target -> actual.put(job.path("job_name").asText(), target.asText())));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void prometheusGetsItsConfigFromTheRepository() {
        assertThat(compose.mountTarget("prometheus", "./" + PROMETHEUS)).isEqualTo("/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaDatasourceIsThePrometheusOfTheStackWithTheDashboardsUid() {
        var datasource = single(Yaml.read(Repo.path(DATASOURCES)).path("datasources"));
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("uid").asText()).isEqualTo(Dashboards.DATASOURCE_UID);
        var port = compose.ports("prometheus").get(0).container();
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:" + port);
    }

    @Test
    void grafanaLoadsTheDashboardsFolderThatComposeMounts() {
        assertThat(compose.mountTarget("grafana", "./deploy/grafana/provisioning")).isEqualTo("/etc/grafana/provisioning");
        var provider = single(Yaml.read(Repo.path(PROVIDERS)).path("providers"));
        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(provider.path("options").path("path").asText())
                .isEqualTo(compose.mountTarget("grafana", "./" + DASHBOARDS));
        assertThat(Repo.list(Repo.path(DASHBOARDS), ".json")).extracting(file -> file.getFileName().toString())
                .containsExactly("performance.json", "pipeline.json", "serving.json", "training.json");
    }

    private static JsonNode single(JsonNode list) {
        assertThat(list.size()).isEqualTo(1);
        return list.get(0);
    }
}
