package dev.samuel.trainer.engine;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.model.ProgramMetadata;
import dev.samuel.contracts.monitoring.InputSummary;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.spec.SpecGraphs;
import dev.samuel.onnx.train.FreezeMetadata;
import dev.samuel.onnx.train.TrainingSession;
import dev.samuel.trainer.data.ExampleSet;
import dev.samuel.trainer.jobs.TrainingEngine;
import dev.samuel.trainer.jobs.WarmStart;

/**
 * Training with the {@code onnx-training} library: the {@link StartingNetwork}, one ONNX Runtime run per
 * mini-batch, batches reshuffled every epoch with the job's seed (the set laid out once, each batch gathered from it), frozen with what the program says about itself,
 * the training split's input summary included.
 */
public final class OnnxTrainingEngine implements TrainingEngine {

    @Override
    public Trained train(ModelSpec spec, ExampleSet train, WarmStart start, long seed, StepListener listener) {
        // Laid out once; each epoch's mini-batches are gathered from it in the epoch's shuffled order.
        var data = TrainingData.of(spec, train.examples());
        var network = StartingNetwork.of(spec, start, data, seed);
        int batchSize = spec.training().batchSize();
        long started = System.nanoTime();
        long examples = 0;
        double loss = Double.NaN;
        try (var session = TrainingSession.create(network.model(), SpecGraphs.trainingConfig(spec, seed),
                network.init())) {
            for (int epoch = 1; epoch <= spec.training().epochs(); epoch++) {
                int[] order = train.order(seed + epoch);
                for (int from = 0; from < order.length; from += batchSize) {
                    var batch = data.gather(order, from, Math.min(order.length, from + batchSize));
                    loss = session.step(batch.batch(0, batch.rows()));
                    examples += batch.rows();
                    listener.step(epoch, session.steps(), loss, examples / seconds(started));
                }
            }
            return new Trained(session.freeze(described(network.metadata(), train)), loss, examples / seconds(started));
        }
    }

    /**
     * The training split's distribution of each feature goes with the version ({@link InputSummary}): inference
     * compares the events it scores with it. A fine-tuned foreign program gets one too; inputs wider than
     * {@link InputSummary#MAX_FEATURES} get none.
     */
    static FreezeMetadata described(FreezeMetadata metadata, ExampleSet train) {
        return InputSummary.of(train.examples().stream().map(ResolvedExample::features).toList())
                .map(summary -> metadata.with(ProgramMetadata.INPUT_SUMMARY, summary.toJson()))
                .orElse(metadata);
    }

    private static double seconds(long since) {
        return Math.max(1e-9, (System.nanoTime() - since) / 1e9);
    }
}
