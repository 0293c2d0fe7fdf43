package dev.samuel.contracts.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * One layer, named in JSON by its one kind field: {@code {"dense": 128, "activation": "relu"}}, {@code {"dropout": 0.2}},
 * {@code {"conv2d": 16, "kernel": 3, "stride": 1, "padding": 1, "dilation": 1, "groups": 1, "activation": "relu"}},
 * {@code {"max_pool2d": 2, "stride": 2}} and {@code {"avg_pool2d": 2}}, {@code {"global_avg_pool": true}},
 * {@code {"batch_norm": true}} and {@code {"flatten": true}} (every field: docs/model-spec.md). One record per kind;
 * {@link LayerJson} reads and writes the JSON form, refusing a layer that names no kind, two kinds, or a field its kind
 * does not take. A record may hold values the validator refuses ({@code dense(0)}): {@link #validate} names them.
 */
@JsonDeserialize(using = LayerJson.Reader.class)
@JsonSerialize(using = LayerJson.Writer.class)
public sealed interface Layer
        permits DenseLayer, DropoutLayer, Conv2dLayer, Pool2dLayer, GlobalAvgPoolLayer, BatchNormLayer, FlattenLayer {

    List<String> ACTIVATIONS = List.of("relu", "leaky_relu", "sigmoid", "tanh", "linear");
    /** The JSON names of the layer kinds, in the order the refusal of a layer without exactly one lists them. */
    List<String> KINDS = List.of("dense", "dropout", "conv2d", "max_pool2d", "avg_pool2d", "global_avg_pool",
            "batch_norm", "flatten");

    /** The JSON name of this layer's kind, one of {@link #KINDS}. */
    String kind();

    /**
     * This kind's rule in {@link ModelSpecValidator}: names each problem of the layer's values, given what it reads
     * (maps of a known size, or flat values), and tells the check what the next layer reads.
     */
    void validate(LayerCheck check);

    static Layer dense(int units) {
        return new DenseLayer(units, null);
    }

    static Layer dense(int units, String activation) {
        return new DenseLayer(units, activation);
    }

    static Layer dropout(double rate) {
        return new DropoutLayer(rate);
    }

    static Layer conv2d(int filters, int kernel, String activation) {
        return new Conv2dLayer(filters, kernel, null, null, null, null, activation);
    }

    static Layer conv2d(int filters, int kernel, int stride, int padding, int dilation, int groups, String activation) {
        return new Conv2dLayer(filters, kernel, stride, padding, dilation, groups, activation);
    }

    static Layer maxPool2d(int window) {
        return new Pool2dLayer(Pool2dLayer.Pooling.MAX, window, null);
    }

    static Layer avgPool2d(int window, int stride) {
        return new Pool2dLayer(Pool2dLayer.Pooling.AVERAGE, window, stride);
    }

    static Layer batchNormalization() {
        return new BatchNormLayer();
    }

    static Layer flattened() {
        return new FlattenLayer();
    }
}
