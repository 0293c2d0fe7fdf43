package dev.samuel.bench.training;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.samuel.onnx.imports.OnnxImporter;
import dev.samuel.onnx.loss.LossKind;
import dev.samuel.onnx.optim.OptimizerConfig;
import dev.samuel.onnx.runtime.SessionConfig;
import dev.samuel.onnx.runtime.Sessions;
import dev.samuel.onnx.train.Batch;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.ForwardModel;
import dev.samuel.onnx.train.InitialParameters;
import dev.samuel.onnx.train.TrainingConfig;
import dev.samuel.onnx.train.TrainingSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Manual check against a model PyTorch really exported (examples/models/torch-mlp-untrained.onnx): the
 * imported graph reproduces ORT's output on the original bytes, then fine-tunes on MNIST (examples/mnist, raw
 * pixels / 255). Its argument is the repository's examples folder; by default {@code examples}, from the root.
 */
public final class ImportCheck {
    public static void main(String[] args) throws Exception {
        Path examples = Path.of(args.length > 0 ? args[0] : "examples");
        byte[] original = Files.readAllBytes(examples.resolve("models/torch-mlp-untrained.onnx"));
        Dataset all = Mnist.read(examples.resolve("mnist"));
        float[] x = all.features().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] /= 255f;
        }
        Mnist digits = Mnist.split(Dataset.classification(x, 784, all.classes()));
        Dataset train = digits.train();
        Dataset test = digits.test();
        ForwardModel model = OnnxImporter.read(original, OnnxImporter.OutputActivation.NONE);
        TrainingConfig cfg = TrainingConfig.of(LossKind.SOFTMAX_CROSS_ENTROPY, OptimizerConfig.adam(), 1e-3);
        try (TrainingSession s = TrainingSession.create(model, cfg, InitialParameters.fromModel())) {
            float[] ours = s.predict(Batch.of(test));
            float[] theirs = run(original, test);
            System.out.println("parameters " + model.parameters() + "; outputs identical to ORT on the original: "
                    + Arrays.equals(ours, theirs));
            System.out.printf("before: %s%n", s.evaluate(test));
            for (int e = 0; e < 3; e++) {
                train.batches(64).forEach(s::step);
            }
            System.out.printf("after 3 epochs: %s%n", s.evaluate(test));
        }
    }

    private static float[] run(byte[] model, Dataset data) throws Exception {
        try (OrtSession session = Sessions.open(model, SessionConfig.EXACT);
             OnnxTensor in = OnnxTensor.createTensor(Sessions.env(), FloatBuffer.wrap(data.features()),
                     new long[] {data.rows(), data.featureCount()});
             OrtSession.Result r = session.run(Map.of("x", in))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] v = new float[out.remaining()];
            out.get(v);
            return v;
        }
    }
}
