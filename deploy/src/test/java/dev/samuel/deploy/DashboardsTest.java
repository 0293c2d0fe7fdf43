package dev.samuel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.contracts.metrics.MetricNames;
import java.util.List;
import java.util.TreeSet;
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
    void theFourDashboardsExist() {
        assertThat(dashboards()).extracting(Dashboards.Dashboard::name)
                .containsExactly("performance.json", "pipeline.json", "serving.json", "training.json");
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
        // A summary in seconds: Micrometer appends its base unit.
        assertThat(MetricCatalog.exposed()).contains("samuel_performance_label_delay_seconds_bucket",
                "samuel_performance_accuracy", "samuel_drift_events_total").doesNotContain("samuel_performance_label_delay_bucket");
    }

    /** The live-performance dashboard shows each figure the judge exports. */
    @Test
    void thePerformanceDashboardShowsEveryFigureOfTheJudge() {
        var performance = dashboards().stream().filter(d -> d.name().equals("performance.json")).findFirst().orElseThrow();
        assertThat(performance.json().path("title").asText()).isEqualTo("Samuel: live performance");
        var queried = new TreeSet<String>();
        performance.queries().forEach(query -> queried.addAll(PromQl.metricNames(query.expr())));
        assertThat(queried).contains("samuel_performance_accuracy", "samuel_performance_loss", "samuel_test_accuracy",
                "samuel_test_loss", "samuel_performance_judged_total", "samuel_performance_label_delay_seconds_bucket",
                "samuel_performance_waiting", "samuel_performance_expired_total", "samuel_performance_unjudged_total",
                "samuel_drift_events_total", "samuel_inference_served_version", "samuel_registry_alias_moves_total");
        var selected = new TreeSet<String>();
        performance.queries().forEach(query -> PromQl.selectors(query.expr()).forEach(selector -> selector.matchers()
                .forEach(m -> selected.add(selector.metric() + "{" + m.label() + m.op() + m.value() + "}"))));
        assertThat(selected).as("both windows").contains("samuel_performance_accuracy{window=examples}",
                "samuel_performance_accuracy{window=time}", "samuel_performance_loss{window=examples}",
                "samuel_performance_loss{window=time}");
        assertThat(performance.annotations()).extracting(a -> a.path("name").asText())
                .containsExactly("Served version changed", "Drift detections and retrain requests");
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
    void everyAnnotationQueriesTheProvisionedPrometheusForTheSelectedModel(Dashboards.Dashboard dashboard) {
        for (var annotation : dashboard.annotations()) {
            var name = "annotation '" + annotation.path("name").asText() + "'";
            assertThat(annotation.path("datasource").path("uid").asText()).as(name).isEqualTo(Dashboards.DATASOURCE_UID);
            assertThat(annotation.path("expr").asText()).as(name).isNotBlank().contains("$model");
        }
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void queriesOnlySeriesThePlatformExposes(Dashboards.Dashboard dashboard) {
        var exposed = MetricCatalog.exposed();
        for (var query : dashboard.queries()) {
            var names = PromQl.metricNames(query.expr());
            assertThat(names).as(query.source() + ": " + query.expr()).isNotEmpty();
            assertThat(exposed).as(query.source()).containsAll(names);
        }
    }

    /**
     * A label a query matches on or groups by is one the series carry (a meter's tags, job, instance, le on
     * buckets, quantile on percentiles), and a value it matches a fixed tag on is one the tag takes: a typo
     * here selects nothing, and a panel that falls back to 0 would not show it.
     */
    @ParameterizedTest
    @MethodSource("dashboards")
    void matchesOnlyLabelsAndValuesTheSeriesCarry(Dashboards.Dashboard dashboard) {
        for (var query : dashboard.queries()) {
            var where = query.source() + ": " + query.expr();
            var carried = new TreeSet<String>();
            boolean samuelsOnly = true;
            for (var name : PromQl.metricNames(query.expr())) {
                var labels = MetricCatalog.labels(name);
                if (labels == null) {
                    samuelsOnly = false;
                } else {
                    carried.addAll(labels);
                }
            }
            for (var selector : PromQl.selectors(query.expr())) {
                var labels = MetricCatalog.labels(selector.metric());
                if (labels == null) {
                    continue;
                }
                for (var matcher : selector.matchers()) {
                    assertThat(labels).as(where + ": label of " + selector.metric()).contains(matcher.label());
                    var values = MetricCatalog.TAG_VALUES.get(matcher.label());
                    if (values != null && matcher.op().equals("=") && !matcher.value().contains("$")) {
                        assertThat(values).as(where + ": value of " + matcher.label()).contains(matcher.value());
                    }
                }
            }
            if (samuelsOnly) {
                assertThat(carried).as(where + ": grouping labels").containsAll(PromQl.groupingLabels(query.expr()));
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
