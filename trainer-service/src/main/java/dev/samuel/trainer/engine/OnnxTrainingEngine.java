package dev.samuel.trainer.engine;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.spec.SpecGraphs;
import dev.samuel.onnx.train.TrainingSession;
import dev.samuel.trainer.data.ExampleSet;
import dev.samuel.trainer.jobs.TrainingEngine;
import dev.samuel.trainer.jobs.WarmStart;
import java.util.ArrayList;

/**
 * Training with the {@code onnx-training} library: the {@link StartingNetwork}, one ONNX Runtime run per
 * mini-batch, batches reshuffled every epoch with the job's seed, frozen with what the program says about itself.
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
            return new Trained(session.freeze(network.metadata()), loss, examples / seconds(started));
        }
    }

    private static double seconds(long since) {
        return Math.max(1e-9, (System.nanoTime() - since) / 1e9);
    }
}
