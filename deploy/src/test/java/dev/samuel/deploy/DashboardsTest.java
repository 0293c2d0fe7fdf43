package dev.samuel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.contracts.metrics.MetricNames;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every dashboard is loadable, queries only series the platform exposes, through the provisioned datasource. */
class DashboardsTest {

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((\\w+),\\s*model\\)");

    static List<Dashboards.Dashboard> dashboards() {
        return Dashboards.all();
    }

    @Test
    void theThreeDashboardsExist() {
        assertThat(dashboards()).extracting(Dashboards.Dashboard::name)
                .containsExactly("pipeline.json", "serving.json", "training.json");
    }

    @Test
    void everyMetricNameHasAKnownMeterType() {
        assertThat(MetricCatalog.micrometerNames()).hasSize(MetricCatalog.METERS.size())
                .containsExactlyInAnyOrderElementsOf(MetricCatalog.METERS.keySet());
    }

    @Test
    void derivesPrometheusNamesAsMicrometerDoes() {
        // The names the services' own metrics tests find in /q/metrics.
        assertThat(MetricCatalog.exposed()).contains("samuel_ingest_examples_total", "samuel_inference_latency_seconds",
                "samuel_inference_latency_seconds_bucket", "samuel_inference_swaps_seconds_count",
                "samuel_inference_batch_size_count", "samuel_inference_served_version", "samuel_train_loss",
                "samuel_registry_alias_version", "samuel_registry_artifact_corrupt_total")
                .doesNotContain("samuel_inference_swaps_seconds_bucket", "samuel_train_loss_total",
                        "samuel_ingest_examples");
        assertThat(MetricCatalog.prometheusNames(MetricNames.TRAIN_LOSS_STEPS, MetricCatalog.METERS.get(MetricNames.TRAIN_LOSS_STEPS)))
                .contains("samuel_train_loss_steps_bucket", "samuel_train_loss_steps_sum", "samuel_train_loss_steps_count");
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void isADashboardGrafanaLoads(Dashboards.Dashboard dashboard) {
        var json = dashboard.json();
        assertThat(json.path("uid").asText()).matches("[a-zA-Z0-9_-]{1,40}");
        assertThat(json.path("title").asText()).isNotBlank();
        assertThat(json.path("schemaVersion").asInt()).isBetween(36, 41);
        assertThat(dashboard.ids()).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isPositive());
        for (var panel : dashboard.panels()) {
            var grid = panel.path("gridPos");
            assertThat(grid.path("w").asInt() + grid.path("x").asInt()).as(title(panel)).isBetween(1, 24);
            assertThat(grid.path("h").asInt()).as(title(panel)).isPositive();
        }
    }

    @Test
    void dashboardUidsAreUnique() {
        assertThat(dashboards()).extracting(d -> d.json().path("uid").asText()).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void everyPanelQueriesTheProvisionedPrometheusForTheSelectedModel(Dashboards.Dashboard dashboard) {
        assertThat(dashboard.panels()).isNotEmpty();
        for (var panel : dashboard.panels()) {
            assertThat(panel.path("datasource").path("uid").asText()).as(title(panel)).isEqualTo(Dashboards.DATASOURCE_UID);
            assertThat(panel.path("targets").size()).as(title(panel) + " has targets").isPositive();
            for (var target : panel.path("targets")) {
                var expr = target.path("expr").asText();
                assertThat(expr).as(title(panel) + " expr").isNotBlank();
                // Samuel's metrics carry the model tag; Kafka's client metrics have none to filter on.
                if (!MetricCatalog.KAFKA_CLIENT_METRICS.containsAll(PromQl.metricNames(expr))) {
                    assertThat(expr).as(title(panel) + " filters by the selected model").contains("$model");
                }
                var uid = target.path("datasource").path("uid");
                assertThat(uid.isMissingNode() || uid.asText().equals(Dashboards.DATASOURCE_UID)).as(title(panel)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void queriesOnlySeriesThePlatformExposes(Dashboards.Dashboard dashboard) {
        var exposed = MetricCatalog.exposed();
        for (var panel : dashboard.panels()) {
            for (var target : panel.path("targets")) {
                var names = PromQl.metricNames(target.path("expr").asText());
                assertThat(names).as(title(panel) + ": " + target.path("expr").asText()).isNotEmpty();
                assertThat(exposed).as(title(panel)).containsAll(names);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void hasAModelVariableFromAnExposedSeries(Dashboards.Dashboard dashboard) {
        var model = dashboard.variable("model");
        assertThat(model).as("variable 'model'").isNotNull();
        assertThat(model.path("type").asText()).isEqualTo("query");
        assertThat(model.path("datasource").path("uid").asText()).isEqualTo(Dashboards.DATASOURCE_UID);
        var query = model.path("query").isTextual() ? model.path("query").asText() : model.path("query").path("query").asText();
        var matcher = LABEL_VALUES.matcher(query);
        assertThat(matcher.matches()).as(query).isTrue();
        assertThat(MetricCatalog.exposed()).contains(matcher.group(1));
    }

    private static String title(JsonNode panel) {
        return "panel '" + panel.path("title").asText() + "'";
    }
}
