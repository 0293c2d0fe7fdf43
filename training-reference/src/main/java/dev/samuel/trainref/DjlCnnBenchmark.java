package dev.samuel.trainref;

import dev.samuel.bench.training.CnnBenchmark;
import dev.samuel.bench.training.EpochOrders;
import dev.samuel.bench.training.Mnist;
import dev.samuel.bench.training.TrainingProtocol;
import dev.samuel.contracts.spec.ModelSpec;

/**
 * bench/run training-cnn, the DJL side: CnnBenchmark's CNN (the same -Dbench.* variations) in PyTorch through DJL,
 * from Samuel's initial parameters, over the same sequence of shuffled orders ({@link EpochOrders}), under the same
 * {@link TrainingProtocol}. Arguments: the MNIST folder, the epochs (15). Last line:
 * RESULT djl_cnn_train_eps=... djl_cnn_cold_train_eps=... djl_cnn_heldout_acc=...
 */
public final class DjlCnnBenchmark {
    private DjlCnnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ModelSpec spec = CnnBenchmark.spec();
        TrainingProtocol.Result result = ReferenceRun.run(spec, Mnist.fromArgs(args), train -> {
            EpochOrders orders = new EpochOrders(train, spec.training().batchSize());
            return epoch -> orders.next();
        }, TrainingProtocol.epochs(args, 1));
        System.out.printf("RESULT djl_cnn_train_eps=%.0f djl_cnn_cold_train_eps=%.0f djl_cnn_heldout_acc=%.4f%n",
                result.warmed(), result.cold(), result.heldOut().accuracy());
    }
}
