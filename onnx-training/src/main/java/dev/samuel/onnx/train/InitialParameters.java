package dev.samuel.onnx.train;

import dev.samuel.onnx.graph.Tensor;
import java.util.Map;
import java.util.Set;

/**
 * Where parameters start: drawn at random (seeded He for ReLU-family layers, Xavier otherwise) or
 * given (warm start from a registered version or an imported model; shapes must match), and which
 * parameters stay frozen. Parameters a given map leaves out keep the model's own initial values.
 */
public record InitialParameters(long seed, Map<String, Tensor> values, Set<String> frozen) {

    public InitialParameters {
        values = Map.copyOf(values);
        frozen = Set.copyOf(frozen);
    }

    public static InitialParameters random(long seed) {
        return new InitialParameters(seed, Map.of(), Set.of());
    }

    public static InitialParameters given(Map<String, Tensor> values) {
        return new InitialParameters(42L, values, Set.of());
    }

    /** The model's own initial values (an imported model's initializers). */
    public static InitialParameters fromModel() {
        return given(Map.of());
    }

    public InitialParameters withFrozen(Set<String> names) {
        return new InitialParameters(seed, values, names);
    }
}
