package dev.samuel.onnx.spec;

import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Value;

/**
 * Batch normalisation in training mode, written with primitive ops (ReduceMean, Sub, Mul, Div, Sqrt) so the
 * existing gradient rules differentiate it: statistics over every axis but the channel axis 1 of the batch.
 * The frozen program uses ONNX BatchNormalization in inference mode with the running statistics instead.
 */
public final class BatchNorms {
    private BatchNorms() {
    }

    /** The normalised output and the batch mean and (biased) variance per channel, each of shape [C]. */
    public record Training(Value y, Value mean, Value variance) {
    }

    // y = (x - mean) / sqrt(var + eps) * scale + bias, mean and var over the batch and spatial axes
    public static Training training(GraphBuilder b, Value x, Value scale, Value bias, double eps) {
        int rank = x.rank();
        long channels = x.shape().dim(1);
        long[] axes = new long[rank - 1];
        axes[0] = 0;
        for (int i = 2; i < rank; i++) {
            axes[i - 1] = i;
        }
        Value mean = b.reduceMean(x, true, axes);
        Value centred = b.sub(x, mean);
        Value variance = b.reduceMean(b.mul(centred, centred), true, axes);
        Value normalised = b.div(centred, b.sqrt(b.add(variance, b.scalarLike(eps, x))));
        Value y = b.add(b.mul(normalised, perChannel(b, scale, rank)), perChannel(b, bias, rank));
        Value flat = b.longs(channels);
        return new Training(y, b.reshape(mean, flat), b.reshape(variance, flat));
    }

    /** A [C] vector shaped [C, 1, ...] to broadcast along axis 1 of a rank-{@code rank} tensor. */
    static Value perChannel(GraphBuilder b, Value v, int rank) {
        if (rank <= 2) {
            return v;
        }
        long[] axes = new long[rank - 2];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        return b.unsqueeze(v, axes);
    }
}
