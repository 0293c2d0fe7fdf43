package dev.samuel.onnx.spec;

import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.spec.DenseLayer;
import dev.samuel.contracts.spec.DropoutLayer;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Optimizer;
import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import dev.samuel.onnx.loss.LossKind;
import dev.samuel.onnx.optim.OptimizerConfig;
import dev.samuel.onnx.train.ForwardModel;
import dev.samuel.onnx.train.Imputation;
import dev.samuel.onnx.train.InputPreparation;
import dev.samuel.onnx.train.Vocabularies;
import dev.samuel.onnx.train.Standardization;
import dev.samuel.onnx.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A model spec (docs/model-spec.md) as a forward graph: input {@value #INPUT} [batch, features], optional
 * standardisation, dense layers (Gemm) with activations, dropout, and an output activation that matches
 * the loss: softmax scores for softmax cross-entropy, sigmoid for binary cross-entropy, none for MSE.
 * Weights are drawn from a seeded generator: He normal before ReLU-family activations, Xavier uniform otherwise.
 */
public final class SpecGraphs {
    public static final String INPUT = "features";
    public static final String SCORES = "scores";
    public static final String OUTPUTS = "outputs";
    public static final double LEAKY_RELU_ALPHA = 0.01;

    private SpecGraphs() {
    }

    /** The forward graph of a spec none of whose features may be missing. */
    public static ForwardModel forward(ModelSpec spec, Standardization standardization, long seed) {
        return forward(spec, Imputation.none(), standardization, seed);
    }

    public static ForwardModel forward(ModelSpec spec, Imputation imputation, Standardization standardization,
                                       long seed) {
        return forward(spec, new InputPreparation(imputation, Vocabularies.none(), standardization), seed);
    }

    /** The forward graph of a spec, with what a job learned from its training data about the inputs. */
    public static ForwardModel forward(ModelSpec spec, InputPreparation prepared, long seed) {
        GraphBuilder b = new GraphBuilder(spec.name());
        Value h = b.input(INPUT, DType.FLOAT, Shape.of(Shape.DYNAMIC, spec.input().featureCount()));
        h = MissingInputs.fill(b, h, spec.input(), prepared.imputation());
        int features = prepared.imputation().width(spec.input().featureCount());
        Standardization standardization = prepared.standardization();
        if (spec.input().standardize()) {
            boolean maps = spec.input().shape() != null && standardization != null && standardization.featureCount() == features;
            h = standardize(b, h, maps ? ConvLayers.perChannel(standardization, spec.input().shape()) : standardization, features);
        }
        Random rng = new Random(seed);
        List<String> parameters = new ArrayList<>();
        List<Value> categories = CategoricalInputs.encode(b, spec.input(), prepared.vocabularies(), rng, parameters);
        if (!categories.isEmpty()) {
            List<Value> parts = new ArrayList<>(List.of(h));
            parts.addAll(categories);
            h = b.apply(Op.CONCAT, Attrs.of("axis", 1L), parts.toArray(Value[]::new));
        }
        if (spec.input().shape() != null) {
            h = ConvLayers.toMaps(b, h, spec.input().shape());
        }
        ConvLayers maps = new ConvLayers(b, rng, parameters);
        int denseLayers = 0;
        for (Layer layer : spec.layers()) {
            if (layer instanceof DropoutLayer dropout) {
                h = b.apply(Op.DROPOUT, h, b.scalar(dropout.rate(), DType.FLOAT));
            } else if (layer instanceof DenseLayer dense) {
                denseLayers++;
                h = dense(b, ConvLayers.flat(b, h), dense, "dense" + denseLayers, rng, parameters);
            } else {
                h = maps.apply(h, layer);
            }
        }
        LossKind loss = LossKind.of(spec.loss());
        Value out = switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> b.named(SCORES, Op.SOFTMAX, Attrs.of("axis", 1), h);
            case BINARY_CROSS_ENTROPY -> b.named(SCORES, Op.SIGMOID, Attrs.NONE, h);
            case MSE -> b.named(OUTPUTS, Op.IDENTITY, Attrs.NONE, h);
        };
        b.output(out);
        return new ForwardModel(b.build(), INPUT, h.name(), out.name(), parameters);
    }

    /** Gemm with parameters {@code name.weight} [in, out] and {@code name.bias}, then the activation. */
    private static Value dense(GraphBuilder b, Value h, DenseLayer layer, String name, Random rng, List<String> parameters) {
        int width = Math.toIntExact(h.shape().dim(1));
        Tensor w = weights(name + ".weight", width, layer.units(), layer.activationOrLinear(), rng);
        Tensor bias = Tensor.filled(name + ".bias", DType.FLOAT, 0, layer.units());
        parameters.add(w.name());
        parameters.add(bias.name());
        return activation(b, b.gemm(h, b.initializer(w), b.initializer(bias), false, false), layer.activationOrLinear());
    }

    /** What the forward graph of a spec outputs: probabilities for a classifier (softmax or sigmoid), else values. */
    public static OutputKind outputKind(ModelSpec spec) {
        return spec.task().isClassification() ? OutputKind.PROBABILITIES : OutputKind.VALUES;
    }

    public static TrainingConfig trainingConfig(ModelSpec spec, long seed) {
        Optimizer o = spec.optimizer();
        return TrainingConfig.of(LossKind.of(spec.loss()), optimizer(o), o.learningRate()).withSeed(seed);
    }

    public static OptimizerConfig optimizer(Optimizer o) {
        OptimizerConfig base = switch (o.type()) {
            case Optimizer.SGD -> OptimizerConfig.sgd();
            case Optimizer.MOMENTUM -> OptimizerConfig.momentum(o.momentum());
            case Optimizer.ADAM -> new OptimizerConfig(OptimizerConfig.Kind.ADAM, 0, o.beta1(), o.beta2(), o.epsilon(),
                    o.weightDecay(), 0);
            default -> throw new IllegalArgumentException("unknown optimizer '" + o.type() + "'");
        };
        return base.withClipNorm(o.clipNorm());
    }

    // x' = (x - mean) / std, so the frozen program takes raw features
    private static Value standardize(GraphBuilder b, Value x, Standardization s, int features) {
        if (s == null) {
            throw new IllegalArgumentException("the spec standardises its input: pass the training data's Standardization");
        }
        if (s.featureCount() != features) {
            throw new IllegalArgumentException("standardisation for " + s.featureCount() + " features, spec has " + features);
        }
        Value mean = b.initializer(Tensor.floats("standardize.mean", s.mean(), features));
        Value std = b.initializer(Tensor.floats("standardize.std", s.std(), features));
        return b.div(b.sub(x, mean), std);
    }

    static Value activation(GraphBuilder b, Value h, String name) {
        return switch (name) {
            case "relu" -> b.relu(h);
            case "leaky_relu" -> b.apply(Op.LEAKY_RELU, Attrs.of("alpha", LEAKY_RELU_ALPHA), h);
            case "sigmoid" -> b.sigmoid(h);
            case "tanh" -> b.apply(Op.TANH, h);
            case "linear" -> h;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'");
        };
    }

    /** [in, out] weights: He normal (std sqrt(2 / in)) before ReLU-family, Xavier uniform otherwise. */
    private static Tensor weights(String name, int in, int out, String activation, Random rng) {
        boolean he = activation.equals("relu") || activation.equals("leaky_relu");
        double scale = he ? Math.sqrt(2.0 / in) : Math.sqrt(6.0 / (in + out));
        float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (he ? rng.nextGaussian() * scale : (2 * rng.nextDouble() - 1) * scale);
        }
        return Tensor.floats(name, w, in, out);
    }
}
