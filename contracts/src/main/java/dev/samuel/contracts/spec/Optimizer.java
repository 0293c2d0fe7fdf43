package dev.samuel.contracts.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * The update rule, written as an object with one key naming it:
 * {@code {"adam": {"lr": 0.001}}}, {@code {"sgd": {"lr": 0.1}}}, {@code {"momentum": {"lr": 0.01, "momentum": 0.9}}}.
 * Unset parameters take the usual defaults of each rule; {@code clipNorm} (gradient clipping by global norm)
 * is off unless given.
 */
public record Optimizer(String type, Parameters parameters) {

    public static final String SGD = "sgd";
    public static final String MOMENTUM = "momentum";
    public static final String ADAM = "adam";
    public static final List<String> TYPES = List.of(SGD, MOMENTUM, ADAM);

    public static final Optimizer DEFAULT = new Optimizer(ADAM, null);

    /** Hyper-parameters; null means "the default for this optimizer". */
    public record Parameters(
            Double lr, Double momentum, Double beta1, Double beta2, Double epsilon, Double weightDecay,
            Double clipNorm) {

        static final Parameters NONE = new Parameters(null, null, null, null, null, null, null);
    }

    public Optimizer {
        parameters = parameters == null ? Parameters.NONE : parameters;
    }

    @JsonCreator
    static Optimizer fromJson(Map<String, Parameters> json) {
        if (json.size() != 1) {
            throw new IllegalArgumentException(
                    "optimizer must name exactly one of " + TYPES + ", got " + json.keySet());
        }
        var entry = json.entrySet().iterator().next();
        return new Optimizer(entry.getKey(), entry.getValue());
    }

    @JsonValue
    Map<String, Parameters> toJson() {
        return Map.of(type, parameters);
    }

    public double learningRate() {
        return orDefault(parameters.lr(), ADAM.equals(type) ? 1e-3 : 1e-2);
    }

    public double momentum() {
        return orDefault(parameters.momentum(), MOMENTUM.equals(type) ? 0.9 : 0.0);
    }

    public double beta1() {
        return orDefault(parameters.beta1(), 0.9);
    }

    public double beta2() {
        return orDefault(parameters.beta2(), 0.999);
    }

    public double epsilon() {
        return orDefault(parameters.epsilon(), 1e-8);
    }

    public double weightDecay() {
        return orDefault(parameters.weightDecay(), 0.0);
    }

    /** The global gradient norm to clip to, or 0 when clipping is off. */
    public double clipNorm() {
        return orDefault(parameters.clipNorm(), 0.0);
    }

    private static double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
