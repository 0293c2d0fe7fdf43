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
import java.util.ArrayList;

/**
 * Training with the {@code onnx-training} library: the {@link StartingNetwork}, one ONNX Runtime run per
 * mini-batch, batches reshuffled every epoch with the job's seed, frozen with what the program says about itself,
 * the training split's input summary included.
 */
public final class OnnxTrainingEngine implements TrainingEngine {

    @Override
    public Trained train(ModelSpec spec, ExampleSet train, WarmStart start, long seed, StepListener listener) {
        var network = StartingNetwork.of(spec, start, TrainingData.of(spec, train.examples()), seed);
        int batchSize = spec.training().batchSize();
        long started = System.nanoTime();
        long examples = 0;
        double loss = Double.NaN;
        try (var session = TrainingSession.create(network.model(), SpecGraphs.trainingConfig(spec, seed),
                network.init())) {
            for (int epoch = 1; epoch <= spec.training().epochs(); epoch++) {
                var shuffled = new ArrayList<ResolvedExample>(train.size());
                train.forEachBatch(train.size(), seed + epoch, shuffled::addAll);
                for (var batch : TrainingData.of(spec, shuffled).batches(batchSize)) {
                    loss = session.step(batch);
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
