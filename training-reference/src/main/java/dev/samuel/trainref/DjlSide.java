package dev.samuel.trainref;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.samuel.bench.training.TrainingProtocol;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.train.Batch;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.Evaluation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * The DJL side of {@link TrainingProtocol}: a spec's network ({@link SpecBlocks}) trained by DJL's {@link Trainer} on
 * PyTorch as a DJL user trains one (a gradient collector, the loss, {@code trainer.step()}). Each batch's features are
 * copied inside the timed loop from the already standardised arrays into one reused direct buffer that the batch's
 * tensor wraps, as Samuel's step copies them into its pinned ORT input.
 * Softmax cross-entropy on the logits, mean over the batch; DJL's Adam with the spec's lr, beta1, beta2 and
 * epsilon. DJL's Adam adds epsilon outside the bias correction (w -= lr sqrt(c2) / c1 m / (sqrt(v) + eps)), i.e.
 * eps / sqrt(c2) in torch.optim.Adam's and Samuel's terms: 3.2e-7 at the first step, falling towards 1e-8.
 */
final class DjlSide implements TrainingProtocol.Side, AutoCloseable {
    private final Model model;
    private final Trainer trainer;
    private final Shape example;
    private final Dataset test;
    private final ByteBuffer input;

    private DjlSide(Model model, Trainer trainer, Shape example, Dataset test, int batchSize) {
        this.model = model;
        this.trainer = trainer;
        this.example = example;
        this.test = test;
        this.input = ByteBuffer.allocateDirect(Math.toIntExact(batchSize * example.size() * Float.BYTES)).order(ByteOrder.nativeOrder());
    }

    /** The spec's network, starting from {@code initial} (Samuel's parameters, by their SpecGraphs names). */
    static DjlSide create(ModelSpec spec, Map<String, Tensor> initial, Dataset test) {
        SpecBlocks network = SpecBlocks.of(spec);
        Model model = Model.newInstance(spec.name(), "PyTorch");
        Trainer trainer = null;
        try {
            model.setBlock(network.block());
            trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(adam(spec)));
            Shape example = exampleShape(spec);
            trainer.initialize(new Shape(spec.training().batchSize()).addAll(example));
            copyParameters(network, initial);
            return new DjlSide(model, trainer, example, test, spec.training().batchSize());
        } catch (RuntimeException e) {
            if (trainer != null) {
                trainer.close();
            }
            model.close();
            throw e;
        }
    }

    private static Optimizer adam(ModelSpec spec) {
        var o = spec.optimizer();
        if (!"adam".equals(o.type()) || o.weightDecay() != 0 || o.clipNorm() != 0) {
            throw new IllegalArgumentException("training-reference trains with plain Adam, not " + o);
        }
        return Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) o.learningRate())).optBeta1((float) o.beta1())
                .optBeta2((float) o.beta2()).optEpsilon((float) o.epsilon()).build();
    }

    /** One example's shape: [features], or the spec's [C, H, W] (Samuel reshapes the flat features to it in the graph). */
    private static Shape exampleShape(ModelSpec spec) {
        List<Integer> maps = spec.input().shape();
        return maps == null ? new Shape(spec.input().featureCount()) : new Shape(maps.get(0), maps.get(1), maps.get(2));
    }

    /** Samuel's values into DJL's parameters; dense weights transposed ([in, out] in Gemm, [out, in] in DJL's Linear). */
    private static void copyParameters(SpecBlocks network, Map<String, Tensor> initial) {
        ParameterList parameters = network.block().getParameters();
        if (parameters.size() != network.parameterNames().size()) {
            throw new IllegalStateException("DJL has " + parameters.size() + " parameters, SpecGraphs " + network.parameterNames());
        }
        for (int i = 0; i < parameters.size(); i++) {
            String name = network.parameterNames().get(i);
            Tensor value = initial.get(name);
            long[] dims = value.shape().dims();
            boolean dense = dims.length == 2 && name.startsWith("dense");
            Shape shape = dense ? new Shape(dims[1], dims[0]) : new Shape(dims);
            NDArray target = parameters.valueAt(i).getArray();
            if (!target.getShape().equals(shape)) {
                throw new IllegalStateException(name + " " + value.shape() + " does not fit DJL's " + parameters.keyAt(i) + " " + target.getShape());
            }
            target.set(FloatBuffer.wrap(dense ? transpose(value.floats(), dims[0], dims[1]) : value.floats()));
        }
    }

    private static float[] transpose(float[] w, long rows, long cols) {
        float[] t = new float[w.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[Math.toIntExact(c * rows + r)] = w[Math.toIntExact(r * cols + c)];
            }
        }
        return t;
    }

    @Override
    public void step(Batch b) {
        try (NDManager step = trainer.getManager().newSubManager()) {
            NDList x = new NDList(batchFeatures(step, b));
            NDList y = new NDList(step.create(LongBuffer.wrap(b.data().classes(), b.from(), b.rows()), new Shape(b.rows())));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                collector.backward(trainer.getLoss().evaluate(y, trainer.forward(x)));
            }
            trainer.step();
        }
    }

    @Override
    public Evaluation heldOut() {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            Batch all = Batch.of(test);
            NDArray logits = logits(scope, all);
            NDArray labels = scope.create(test.classes());
            NDArray logP = logits.logSoftmax(1);
            float loss = -logP.gather(labels.reshape(-1, 1), 1).mean().getFloat();
            long correct = logits.argMax(1).eq(labels).sum().getLong();
            return new Evaluation(loss, (double) correct / test.rows(), test.rows());
        }
    }

    /** Softmax scores of the current parameters for a batch, row-major: what Samuel's {@code predict} gives. */
    float[] scores(Batch b) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            return logits(scope, b).softmax(1).toFloatArray();
        }
    }

    private NDArray logits(NDManager scope, Batch b) {
        return trainer.evaluate(new NDList(features(scope, b))).singletonOrThrow();
    }

    /**
     * A training batch's features in the reused buffer, which the tensor wraps without a copy (PyTorch's from_blob):
     * the tensor must be closed before the next batch overwrites it, as each step's manager closes it.
     */
    private NDArray batchFeatures(NDManager manager, Batch b) {
        int f = b.data().featureCount();
        input.clear();
        input.asFloatBuffer().put(b.data().features(), b.from() * f, b.rows() * f);
        input.limit(b.rows() * f * Float.BYTES);
        return manager.create(input, new Shape(b.rows()).addAll(example), DataType.FLOAT32);
    }

    /** Any batch's features (evaluation's are larger than a training batch), copied into a tensor of their own. */
    private NDArray features(NDManager manager, Batch b) {
        int f = b.data().featureCount();
        return manager.create(FloatBuffer.wrap(b.data().features(), b.from() * f, b.rows() * f), new Shape(b.rows()).addAll(example));
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
