package dev.samuel.onnx.train;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphException;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.io.OnnxWriter;
import dev.samuel.onnx.optim.Slot;
import dev.samuel.onnx.runtime.SessionConfig;
import dev.samuel.onnx.runtime.Sessions;
import dev.samuel.onnx.spec.SpecGraphs;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains a forward model with ONNX Runtime, one graph run per mini-batch. Parameters and optimizer state
 * live in native tensors between steps ({@link StateBuffers}); the session owns every native resource it
 * creates and releases them in {@link #close}. Not thread-safe: one trainer drives one session.
 */
public final class TrainingSession implements AutoCloseable {
    private final ForwardModel model;
    private final TrainingConfig config;
    private final Set<String> frozen;
    private final TrainingGraph graph;
    private final OrtSession train;
    private final StateBuffers state;
    private final StepInputs stepInputs;
    private Map<String, Tensor> frozenValues;
    private Evaluator evaluator;
    private long step;
    private double learningRate;

    private TrainingSession(ForwardModel model, TrainingConfig config, InitialParameters init) {
        this.model = model;
        this.config = config;
        this.frozen = init.frozen();
        this.learningRate = config.learningRate();
        this.graph = TrainingGraph.training(model, config, frozen);
        this.train = Sessions.open(OnnxWriter.write(graph.graph(), Map.of()), new SessionConfig(config.threads(), false, true));
        StateBuffers buffers = null;
        try {
            buffers = new StateBuffers(graph.slots());
            this.state = buffers;
            this.stepInputs = new StepInputs(model, config.loss().hasClassLabels(), graph.dropouts(), config.seed());
        } catch (RuntimeException e) {
            if (buffers != null) {
                buffers.close();
            }
            closeQuietly(train);
            throw e;
        }
        initialise(init);
    }

    /** A session for a spec: its forward graph (standardisation baked in), loss and optimizer. */
    public static TrainingSession create(ModelSpec spec, Standardization standardization, InitialParameters init) {
        ForwardModel model = SpecGraphs.forward(spec, standardization, init.seed());
        return create(model, SpecGraphs.trainingConfig(spec, init.seed()), init);
    }

    public static TrainingSession create(ForwardModel model, TrainingConfig config, InitialParameters init) {
        return new TrainingSession(model, config, init);
    }

    private void initialise(InitialParameters init) {
        Map<String, Tensor> start = new LinkedHashMap<>(model.initialValues());
        init.values().forEach((name, t) -> {
            if (!start.containsKey(name)) {
                throw new GraphException("model " + model.graph().name() + " has no parameter '" + name + "'");
            }
            start.put(name, t.withName(name));
        });
        List<Slot> slots = state.slots();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            Tensor initial = s.role() == Slot.Role.PARAMETER ? start.get(s.input())
                    : Tensor.filled(s.input(), DType.FLOAT, 0, s.shape().dims());
            state.write(i, initial);
        }
        frozenValues = new LinkedHashMap<>();
        frozen.forEach(f -> frozenValues.put(f, start.get(f)));
    }

    /** One update on the batch; returns the batch's loss before the update. */
    public float step(Batch batch) {
        check(batch.data());
        Map<String, OnnxTensor> inputs = new HashMap<>(stepInputs.prepare(batch, step + 1, learningRate));
        inputs.putAll(state.inputs());
        Map<String, OnnxValue> outputs = new HashMap<>(state.pinnedOutputs());
        outputs.put(TrainingGraph.LOSS, stepInputs.loss());
        try (OrtSession.Result ignored = train.run(inputs, outputs)) {
            // every output is pinned: the result owns nothing
        } catch (OrtException e) {
            throw new GraphException("training step " + (step + 1) + " failed: " + e.getMessage(), e);
        }
        state.swap();
        step++;
        return stepInputs.lossValue();
    }

    /** Loss and accuracy of the current parameters, dropout off, in batches of the configured size. */
    public Evaluation evaluate(Dataset data) {
        check(data);
        try {
            return evaluator().evaluate(data, config.evaluationBatch());
        } catch (OrtException e) {
            throw new GraphException("evaluation failed: " + e.getMessage(), e);
        }
    }

    /** The forward output (scores or regression outputs) of the current parameters for a batch, row-major. */
    public float[] predict(Batch batch) {
        check(batch.data());
        try {
            return evaluator().predict(batch);
        } catch (OrtException e) {
            throw new GraphException("prediction failed: " + e.getMessage(), e);
        }
    }

    /**
     * Forward-only ONNX bytes with the current parameters as initializers, as they ship: the input
     * standardisation folded into the first dense layer where the graph allows it ({@link FreezeOptions#DEFAULT}).
     */
    public byte[] freeze(FreezeMetadata metadata) {
        return freeze(metadata, FreezeOptions.DEFAULT);
    }

    /** As {@link #freeze(FreezeMetadata)}; {@link FreezeOptions#AS_TRAINED} gives the training forward graph itself. */
    public byte[] freeze(FreezeMetadata metadata, FreezeOptions options) {
        return Freezer.freeze(model, parameters(), metadata, options);
    }

    /** Current values of every parameter, trainable and frozen. */
    public Map<String, Tensor> parameters() {
        Map<String, Tensor> out = new LinkedHashMap<>(frozenValues);
        List<Slot> slots = state.slots();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).role() == Slot.Role.PARAMETER) {
                out.put(slots.get(i).input(), state.read(i));
            }
        }
        return out;
    }

    public Checkpoint checkpoint() {
        Map<String, Tensor> slots = new LinkedHashMap<>();
        for (int i = 0; i < state.slots().size(); i++) {
            Tensor t = state.read(i);
            slots.put(t.name(), t);
        }
        return new Checkpoint(step, learningRate, stepInputs.seed(), slots);
    }

    /** Puts parameters, optimizer state, step count and learning rate back as the checkpoint had them. */
    public void restore(Checkpoint checkpoint) {
        List<Slot> slots = state.slots();
        for (int i = 0; i < slots.size(); i++) {
            Tensor t = checkpoint.slots().get(slots.get(i).input());
            if (t == null) {
                throw new IllegalArgumentException("checkpoint lacks '" + slots.get(i).input() + "'");
            }
            state.write(i, t);
        }
        step = checkpoint.step();
        learningRate = checkpoint.learningRate();
        stepInputs.reseed(checkpoint.dropoutSeed());
    }

    public void setLearningRate(double lr) {
        this.learningRate = lr;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Updates taken so far. */
    public long steps() {
        return step;
    }

    public ForwardModel model() {
        return model;
    }

    private Evaluator evaluator() {
        if (evaluator == null) {
            evaluator = new Evaluator(model, TrainingGraph.evaluation(model, config, frozen), config, state::parameters);
        }
        return evaluator;
    }

    private void check(Dataset data) {
        if (data.featureCount() != model.featureCount() || data.hasClasses() != config.loss().hasClassLabels()
                || (!data.hasClasses() && data.targetWidth() != model.outputWidth())) {
            throw new IllegalArgumentException("data with " + data.featureCount() + " features and "
                    + (data.hasClasses() ? "class labels" : data.targetWidth() + " targets") + " does not fit model "
                    + model.graph().name() + " (" + model.featureCount() + " features, loss " + config.loss().specName() + ")");
        }
    }

    @Override
    public void close() {
        if (evaluator != null) {
            closeQuietly(evaluator);
        }
        stepInputs.close();
        state.close();
        closeQuietly(train);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing native handles: nothing useful to do with a failure here
        }
    }
}
