package dev.samuel.contracts.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One layer, named by its one kind field: {@code {"dense": 128, "activation": "relu"}}, {@code {"dropout": 0.2}},
 * {@code {"conv2d": 16, "kernel": 3, "stride": 1, "padding": 1, "dilation": 1, "groups": 1, "activation": "relu"}}
 * (filters; stride and dilation default to 1, padding to 0, groups to 1), {@code {"max_pool2d": 2, "stride": 2}} and
 * {@code {"avg_pool2d": 2}} (window; stride defaults to the window), {@code {"global_avg_pool": true}},
 * {@code {"batch_norm": true}} (per channel; running statistics with momentum 0.1, epsilon 1e-5) and
 * {@code {"flatten": true}}. Convolution layers need {@code input.shape}; a dense layer after them flattens.
 */
public record Layer(Integer dense, String activation, Double dropout,
                    Integer conv2d, Integer kernel, Integer stride, Integer padding, Integer dilation, Integer groups,
                    @JsonProperty("max_pool2d") Integer maxPool2d,
                    @JsonProperty("avg_pool2d") Integer avgPool2d,
                    @JsonProperty("global_avg_pool") Boolean globalAvgPool,
                    @JsonProperty("batch_norm") Boolean batchNorm,
                    Boolean flatten) {

    public static final List<String> ACTIVATIONS = List.of("relu", "leaky_relu", "sigmoid", "tanh", "linear");
    /** The JSON names of the layer kinds, in the order {@link #kinds()} reports them. */
    public static final List<String> KINDS = List.of("dense", "dropout", "conv2d", "max_pool2d", "avg_pool2d",
            "global_avg_pool", "batch_norm", "flatten");

    public Layer(Integer dense, String activation, Double dropout) {
        this(dense, activation, dropout, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static Layer dense(int units, String activation) {
        return new Layer(units, activation, null);
    }

    public static Layer dense(int units) {
        return new Layer(units, null, null);
    }

    public static Layer dropout(double rate) {
        return new Layer(null, null, rate);
    }

    public static Layer conv2d(int filters, int kernel, String activation) {
        return new Layer(null, activation, null, filters, kernel, null, null, null, null, null, null, null, null, null);
    }

    public static Layer conv2d(int filters, int kernel, int stride, int padding, int dilation, int groups, String activation) {
        return new Layer(null, activation, null, filters, kernel, stride, padding, dilation, groups, null, null, null, null, null);
    }

    public static Layer maxPool2d(int window) {
        return new Layer(null, null, null, null, null, null, null, null, null, window, null, null, null, null);
    }

    public static Layer avgPool2d(int window, int stride) {
        return new Layer(null, null, null, null, null, stride, null, null, null, null, window, null, null, null);
    }

    public static Layer globalAvgPooling() {
        return new Layer(null, null, null, null, null, null, null, null, null, null, null, true, null, null);
    }

    public static Layer batchNormalization() {
        return new Layer(null, null, null, null, null, null, null, null, null, null, null, null, true, null);
    }

    public static Layer flattened() {
        return new Layer(null, null, null, null, null, null, null, null, null, null, null, null, null, true);
    }

    /** The JSON names of the kind fields this layer sets (a valid layer sets exactly one). */
    public List<String> kinds() {
        Object[] fields = {dense, dropout, conv2d, maxPool2d, avgPool2d, globalAvgPool, batchNorm, flatten};
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null) {
                out.add(KINDS.get(i));
            }
        }
        return out;
    }

    @JsonIgnore
    public boolean isDense() {
        return dense != null;
    }

    @JsonIgnore
    public boolean isDropout() {
        return dropout != null;
    }

    @JsonIgnore
    public boolean isConv2d() {
        return conv2d != null;
    }

    @JsonIgnore
    public boolean isMaxPool2d() {
        return maxPool2d != null;
    }

    @JsonIgnore
    public boolean isAvgPool2d() {
        return avgPool2d != null;
    }

    @JsonIgnore
    public boolean isGlobalAvgPool() {
        return globalAvgPool != null;
    }

    @JsonIgnore
    public boolean isBatchNorm() {
        return batchNorm != null;
    }

    @JsonIgnore
    public boolean isFlatten() {
        return flatten != null;
    }

    /** Whether the layer works on [N, C, H, W] maps (and so needs input.shape). */
    @JsonIgnore
    public boolean isSpatial() {
        return isConv2d() || isMaxPool2d() || isAvgPool2d() || isGlobalAvgPool();
    }

    /** The activation after a dense or conv2d layer; none given means linear. */
    public String activationOrLinear() {
        return activation == null ? "linear" : activation;
    }

    /** Stride of a conv2d (default 1) or pooling layer (default its window). */
    public int strideOrDefault() {
        if (stride != null) {
            return stride;
        }
        return isMaxPool2d() ? maxPool2d : isAvgPool2d() ? avgPool2d : 1;
    }

    public int paddingOrZero() {
        return padding == null ? 0 : padding;
    }

    public int dilationOrOne() {
        return dilation == null ? 1 : dilation;
    }

    public int groupsOrOne() {
        return groups == null ? 1 : groups;
    }
}
