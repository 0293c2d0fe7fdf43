package dev.samuel.onnx.spec;

import dev.samuel.contracts.spec.BatchNormLayer;
import dev.samuel.contracts.spec.Conv2dLayer;
import dev.samuel.contracts.spec.FlattenLayer;
import dev.samuel.contracts.spec.GlobalAvgPoolLayer;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.Pool2dLayer;
import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import dev.samuel.onnx.train.Standardization;
import java.util.List;
import java.util.Random;

/**
 * The layers of a spec that work on [N, C, H, W] maps, plus batch norm and flatten: Conv (He normal
 * weights before ReLU-family activations, Xavier uniform otherwise; zero bias), MaxPool, AveragePool,
 * GlobalAveragePool, BatchNormalization (inference form in the forward graph; training replaces it with
 * batch statistics and updates the running statistics, see {@code GraphReplay}) and Flatten.
 */
final class ConvLayers {
    /** ONNX's convention: running = momentum running + (1 - momentum) batch, i.e. PyTorch's momentum 0.1. */
    static final double BN_MOMENTUM = 0.9;
    static final double BN_EPSILON = 1e-5;

    private final GraphBuilder b;
    private final Random rng;
    private final List<String> parameters;
    private int convs;
    private int norms;

    ConvLayers(GraphBuilder b, Random rng, List<String> parameters) {
        this.b = b;
        this.rng = rng;
        this.parameters = parameters;
    }

    /**
     * Per-feature statistics pooled per channel (every pixel of a channel gets the channel's mean and std), so an
     * image model is standardised like torchvision's Normalize rather than pixel by pixel, where border pixels that
     * are almost always 0 get tiny deviations and huge standardised values. Pooled exactly from the per-pixel
     * means and deviations (equal counts); a std of exactly 1 is read as {@code Standardization.fit}'s stand-in for
     * a constant pixel (variance 0).
     */
    static Standardization perChannel(Standardization s, List<Integer> shape) {
        int channels = shape.get(0);
        int pixels = shape.get(1) * shape.get(2);
        float[] mean = new float[channels * pixels];
        float[] std = new float[channels * pixels];
        for (int c = 0; c < channels; c++) {
            double m = 0;
            double second = 0;
            for (int p = c * pixels; p < (c + 1) * pixels; p++) {
                double sd = s.std()[p] == 1f ? 0 : s.std()[p];
                m += s.mean()[p];
                second += sd * sd + (double) s.mean()[p] * s.mean()[p];
            }
            m /= pixels;
            double sd = Math.sqrt(Math.max(0, second / pixels - m * m));
            java.util.Arrays.fill(mean, c * pixels, (c + 1) * pixels, (float) m);
            java.util.Arrays.fill(std, c * pixels, (c + 1) * pixels, sd < 1e-6 ? 1f : (float) sd);
        }
        return new Standardization(mean, std);
    }

    /** The flat features [N, C*H*W] read as maps [N, C, H, W]. */
    static Value toMaps(GraphBuilder b, Value flat, List<Integer> shape) {
        return b.reshape(flat, b.longs(-1, shape.get(0), shape.get(1), shape.get(2)));
    }

    /** [N, C, H, W] to [N, C*H*W] (before a dense layer); flat values pass through. */
    static Value flat(GraphBuilder b, Value h) {
        return h.rank() > 2 ? b.apply(Op.FLATTEN, Attrs.of("axis", 1L), h) : h;
    }

    Value apply(Value h, Layer layer) {
        if (layer instanceof Conv2dLayer conv) {
            return conv(h, conv);
        }
        if (layer instanceof Pool2dLayer pool) {
            long k = pool.window();
            long s = pool.strideOrWindow();
            Attrs at = Attrs.of("kernel_shape", new long[] {k, k}, "strides", new long[] {s, s});
            return b.apply(pool.pooling() == Pool2dLayer.Pooling.MAX ? Op.MAX_POOL : Op.AVERAGE_POOL, at, h);
        }
        if (layer instanceof GlobalAvgPoolLayer) {
            return b.apply(Op.GLOBAL_AVERAGE_POOL, h);
        }
        if (layer instanceof BatchNormLayer) {
            return batchNorm(h);
        }
        if (layer instanceof FlattenLayer) {
            return flat(b, h);
        }
        throw new IllegalArgumentException("not a convolution-family layer: " + layer);
    }

    private Value conv(Value h, Conv2dLayer layer) {
        convs++;
        long in = h.shape().dim(1);
        long filters = layer.filters();
        long k = layer.kernel();
        long groups = layer.groupsOrOne();
        long fanIn = in / groups * k * k;
        String act = layer.activationOrLinear();
        boolean he = act.equals("relu") || act.equals("leaky_relu");
        double scale = he ? Math.sqrt(2.0 / fanIn) : Math.sqrt(6.0 / (fanIn + filters * k * k / groups));
        float[] w = new float[Math.toIntExact(filters * fanIn)];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (he ? rng.nextGaussian() * scale : (2 * rng.nextDouble() - 1) * scale);
        }
        Tensor weight = Tensor.floats("conv" + convs + ".weight", w, filters, in / groups, k, k);
        Tensor bias = Tensor.filled("conv" + convs + ".bias", DType.FLOAT, 0, filters);
        long s = layer.strideOrOne();
        long p = layer.paddingOrZero();
        long d = layer.dilationOrOne();
        Attrs at = Attrs.of("kernel_shape", new long[] {k, k}, "strides", new long[] {s, s})
                .with("pads", new long[] {p, p, p, p}).with("dilations", new long[] {d, d}).with("group", groups);
        Value y = b.apply(Op.CONV, at, h, b.initializer(weight), b.initializer(bias));
        parameters.add(weight.name());
        parameters.add(bias.name());
        return SpecGraphs.activation(b, y, act);
    }

    private Value batchNorm(Value h) {
        norms++;
        long c = h.shape().dim(1);
        String p = "bn" + norms + ".";
        Tensor scale = Tensor.filled(p + "scale", DType.FLOAT, 1, c);
        Tensor bias = Tensor.filled(p + "bias", DType.FLOAT, 0, c);
        Tensor mean = Tensor.filled(p + "running_mean", DType.FLOAT, 0, c);
        Tensor var = Tensor.filled(p + "running_var", DType.FLOAT, 1, c);
        List.of(scale, bias, mean, var).forEach(t -> parameters.add(t.name()));
        return b.apply(Op.BATCH_NORMALIZATION, Attrs.of("epsilon", BN_EPSILON, "momentum", BN_MOMENTUM), h,
                b.initializer(scale), b.initializer(bias), b.initializer(mean), b.initializer(var));
    }
}
