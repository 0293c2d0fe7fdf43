package dev.samuel.trainref;

import dev.samuel.bench.training.Mnist;
import dev.samuel.bench.training.TrainingBenchmark;
import dev.samuel.bench.training.TrainingProtocol;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.train.Batch;
import java.util.List;

/**
 * bench/run training, the DJL side: TrainingBenchmark's MLP 784-128-10 in PyTorch through DJL, from Samuel's initial
 * parameters, over the same batches (64, no shuffle, the last one short), under the same {@link TrainingProtocol}.
 * Arguments: the MNIST folder, the epochs (15). Last line: RESULT djl_train_eps=... djl_cold_train_eps=... djl_heldout_acc=...
 */
public final class DjlTrainingBenchmark {
    private DjlTrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ModelSpec spec = TrainingBenchmark.spec();
        TrainingProtocol.Result result = ReferenceRun.run(spec, Mnist.fromArgs(args), train -> {
            List<Batch> batches = train.batches(spec.training().batchSize());
            return epoch -> batches;
        }, TrainingProtocol.epochs(args, 1));
        System.out.printf("RESULT djl_train_eps=%.0f djl_cold_train_eps=%.0f djl_heldout_acc=%.4f%n",
                result.warmed(), result.cold(), result.heldOut().accuracy());
    }
}
