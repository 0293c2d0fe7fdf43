package dev.samuel.contracts.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** One layer: {@code {"dense": 128, "activation": "relu"}} or {@code {"dropout": 0.2}}. */
public record Layer(Integer dense, String activation, Double dropout) {

    public static final List<String> ACTIVATIONS = List.of("relu", "leaky_relu", "sigmoid", "tanh", "linear");

    public static Layer dense(int units, String activation) {
        return new Layer(units, activation, null);
    }

    public static Layer dense(int units) {
        return new Layer(units, null, null);
    }

    public static Layer dropout(double rate) {
        return new Layer(null, null, rate);
    }

    @JsonIgnore
    public boolean isDense() {
        return dense != null;
    }

    @JsonIgnore
    public boolean isDropout() {
        return dropout != null;
    }

    /** The activation after a dense layer; none given means linear. */
    public String activationOrLinear() {
        return activation == null ? "linear" : activation;
    }
}
