package dev.samuel.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitoringTest {

    private static final String SPEC = """
            {"name": "m", "task": {"type": "classification", "classes": 2}, "input": {"features": 2},
             "layers": [{"dense": 2}]%s}""";

    @Test
    void aSpecWithoutMonitoringGetsTheDefaultsAndKeepsItsJson() {
        var spec = ModelSpecs.parse(SPEC.formatted(""));

        assertThat(spec.monitoring()).isEqualTo(Monitoring.DEFAULT);
        assertThat(spec.monitoring().labelDelay()).isEqualTo(Duration.ofDays(1));
        assertThat(spec.monitoring().window()).isEqualTo(1000);
        assertThat(spec.monitoring().windowTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.monitoring().drift()).isEmpty();
        assertThat(spec.monitoring().lossDrift()).containsEntry("detector", "page-hinkley");
        assertThat(spec.monitoring().retrainOnDrift()).isTrue();
        assertThat(spec.monitoring().driftMinExamples()).isEqualTo(500);
        assertThat(spec.monitoring().driftCooldown()).isEqualTo(1000);
        assertThat(spec.monitoring().inputDrift()).isEqualTo(new Monitoring.InputDrift(1000, 0.25, false));
        // A spec's hash is over its JSON: a spec written before monitoring existed must not change it.
        assertThat(ModelSpecs.toJson(spec)).doesNotContain("monitoring");
    }

    @Test
    void aMonitoringBlockIsReadAndWrittenBack() {
        var spec = ModelSpecs.parse(SPEC.formatted(", \"monitoring\": {\"labelDelay\": \"PT10M\", \"window\": 200,"
                + " \"drift\": {\"detector\": \"adwin\", \"delta\": 0.01}, \"retrainOnDrift\": false}"));

        assertThat(spec.monitoring().labelDelay()).isEqualTo(Duration.ofMinutes(10));
        assertThat(spec.monitoring().window()).isEqualTo(200);
        assertThat(spec.monitoring().drift()).isEqualTo(Map.of("detector", "adwin", "delta", 0.01));
        assertThat(spec.monitoring().retrainOnDrift()).isFalse();
        assertThat(ModelSpecs.parse(ModelSpecs.toJson(spec))).isEqualTo(spec);
    }

    @Test
    void anInputDriftBlockIsReadAndWrittenBackAndLeftOutWhenDefault() {
        var spec = ModelSpecs.parse(SPEC.formatted(", \"monitoring\": {\"inputDrift\": {\"window\": 500,"
                + " \"retrain\": true}}"));

        assertThat(spec.monitoring().inputDrift()).isEqualTo(new Monitoring.InputDrift(500, 0.25, true));
        assertThat(ModelSpecs.parse(ModelSpecs.toJson(spec))).isEqualTo(spec);
        // Only inputDrift's defaults given: the spec is the one without a monitoring block, JSON and all.
        var defaults = ModelSpecs.parse(SPEC.formatted(", \"monitoring\": {\"inputDrift\": {\"threshold\": 0.25}}"));
        assertThat(defaults.monitoring()).isEqualTo(Monitoring.DEFAULT);
        assertThat(ModelSpecs.toJson(defaults)).doesNotContain("monitoring");
        // Another monitoring field changed: the block is written, without the default inputDrift.
        var window = ModelSpecs.parse(SPEC.formatted(", \"monitoring\": {\"window\": 20}"));
        assertThat(ModelSpecs.toJson(window)).contains("\"window\":20").doesNotContain("inputDrift");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            "labelDelay": "PT0S"                               | monitoring.labelDelay must be a positive duration
            "windowTime": "-PT1M"                              | monitoring.windowTime must be a positive duration
            "window": 0                                        | monitoring.window must be >= 1
            "driftMinExamples": -1                             | monitoring.driftMinExamples must be >= 0
            "driftCooldown": -5                                | monitoring.driftCooldown must be >= 0
            "drift": {"detector": "kswin"}                     | monitoring.drift.detector: 'kswin' is not a detector
            "drift": {"delta": 2}                              | monitoring.drift.delta
            "lossDrift": {"detector": "page-hinkley", "lambda": -1} | monitoring.lossDrift.lambda
            "drift": {"detector": "adwin", "lambda": 3}        | monitoring.drift.lambda
            "labelDelay": "a day"                              | labelDelay
            "labeldelay": "P1D"                                | unknown field 'monitoring.labeldelay'
            "inputDrift": {"window": 99}                       | monitoring.inputDrift.window must be 100 to 100000
            "inputDrift": {"window": 100001}                   | monitoring.inputDrift.window must be 100 to 100000
            "inputDrift": {"threshold": 0}                     | monitoring.inputDrift.threshold must be a positive PSI
            "inputDrift": {"retrain": "yes"}                   | inputDrift.retrain
            "inputDrift": {"psi": 0.1}                         | unknown field 'monitoring.inputDrift.psi'
            """)
    void eachProblemIsNamed(String field, String expected) {
        var json = SPEC.formatted(", \"monitoring\": {" + field + "}");

        assertThatThrownBy(() -> ModelSpecs.parse(json)).isInstanceOf(InvalidModelSpecException.class)
                .hasMessageContaining(expected);
    }
}
