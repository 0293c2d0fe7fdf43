package dev.samuel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheSelectedSeriesAndNothingElse() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.99, sum by (le) (rate(samuel_inference_latency_seconds_bucket{model=\"$model\"}[$__rate_interval])))"))
                .containsExactly("samuel_inference_latency_seconds_bucket");
        assertThat(PromQl.metricNames("sum(rate(a_sum{x=\"y}\"}[5m])) / sum(rate(b_count[1m] offset 1h)) by (split)"))
                .containsExactly("a_sum", "b_count");
        assertThat(PromQl.metricNames("max without (instance) (up) > bool 0 and on (job) other_metric * 1e3"))
                .containsExactly("other_metric", "up");
    }

    @Test
    void findsSelectorsWithTheirMatchersAndTheGroupingLabels() {
        var expr = "max by (version) (samuel_test_accuracy{model=\"$model\"}) and on (version) "
                + "samuel_performance_accuracy{model=\"$model\", window=\"time\"} or on() vector(0)";
        assertThat(PromQl.selectors(expr)).containsExactly(
                new PromQl.Selector("samuel_test_accuracy", List.of(new PromQl.Matcher("model", "=", "$model"))),
                new PromQl.Selector("samuel_performance_accuracy", List.of(new PromQl.Matcher("model", "=", "$model"),
                        new PromQl.Matcher("window", "=", "time"))));
        assertThat(PromQl.groupingLabels(expr)).containsExactly("version");
        assertThat(PromQl.groupingLabels("sum by (le, instance) (rate(a_bucket{job=~\"x|y\", le!=\"1\"}[1m]))"))
                .containsExactly("instance", "le");
        assertThat(PromQl.selectors("rate(a_bucket{job=~\"x|y\", le!=\"1\"}[1m])").get(0).matchers())
                .containsExactly(new PromQl.Matcher("job", "=~", "x|y"), new PromQl.Matcher("le", "!=", "1"));
    }

    @Test
    void ignoresLabelNamesVariablesAndStrings() {
        assertThat(PromQl.metricNames("count(kafka_consumer_fetch_manager_records_lag_max{topic=\"$model.labelled\", le=~'x'})"))
                .containsExactly("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(PromQl.metricNames("${metric}")).isEmpty();
    }
}
