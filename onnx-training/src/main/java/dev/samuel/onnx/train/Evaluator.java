package dev.samuel.onnx.train;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.samuel.onnx.graph.Graph;
import dev.samuel.onnx.io.OnnxWriter;
import dev.samuel.onnx.runtime.SessionConfig;
import dev.samuel.onnx.runtime.Sessions;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the evaluation graph (forward without dropout, parameters read from the session's current state
 * tensors) over datasets. Owns its ORT session and batch tensors.
 */
final class Evaluator implements AutoCloseable {
    private final ForwardModel model;
    private final boolean classLabels;
    private final OrtSession session;
    private final Supplier<Map<String, OnnxTensor>> parameters;
    private final Map<Integer, BatchTensors> batches = new HashMap<>();
    private final boolean hasCorrect;

    Evaluator(ForwardModel model, Graph graph, TrainingConfig cfg, Supplier<Map<String, OnnxTensor>> parameters) {
        this.model = model;
        this.classLabels = cfg.loss().hasClassLabels();
        this.parameters = parameters;
        this.hasCorrect = graph.outputs().stream().anyMatch(v -> v.name().equals(TrainingGraph.CORRECT));
        this.session = Sessions.open(OnnxWriter.write(graph, Map.of()), new SessionConfig(cfg.threads(), false, true));
    }

    Evaluation evaluate(Dataset data, int batchSize) throws OrtException {
        double lossSum = 0;
        double weightSum = 0;
        double correct = 0;
        Set<String> wanted = hasCorrect ? Set.of(TrainingGraph.LOSS_SUM, TrainingGraph.WEIGHT_SUM, TrainingGraph.CORRECT)
                : Set.of(TrainingGraph.LOSS_SUM, TrainingGraph.WEIGHT_SUM);
        for (Batch batch : data.batches(batchSize)) {
            try (OrtSession.Result r = session.run(inputs(batch), wanted)) {
                lossSum += scalar(r, TrainingGraph.LOSS_SUM);
                weightSum += scalar(r, TrainingGraph.WEIGHT_SUM);
                correct += hasCorrect ? scalar(r, TrainingGraph.CORRECT) : 0;
            }
        }
        return new Evaluation(lossSum / weightSum, hasCorrect ? correct / data.rows() : Double.NaN, data.rows());
    }

    /** The forward output for a batch, row-major. */
    float[] predict(Batch batch) throws OrtException {
        try (OrtSession.Result r = session.run(inputs(batch), Set.of(model.output()))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        }
    }

    private Map<String, OnnxTensor> inputs(Batch batch) throws OrtException {
        BatchTensors bt = batches.get(batch.rows());
        if (bt == null) {
            bt = new BatchTensors(batch.rows(), model.input(), model.featureCount(),
                    StepInputs.categoriesInput(model), classLabels, model.outputWidth(), List.of());
            batches.put(batch.rows(), bt);
        }
        bt.fill(batch);
        Map<String, OnnxTensor> in = new HashMap<>(bt.tensors());
        in.putAll(parameters.get());
        return in;
    }

    private static double scalar(OrtSession.Result r, String name) {
        return ((OnnxTensor) r.get(name).orElseThrow()).getFloatBuffer().get(0);
    }

    @Override
    public void close() throws OrtException {
        batches.values().forEach(BatchTensors::close);
        session.close();
    }
}
