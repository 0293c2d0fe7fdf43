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
 * mini-batch, batches reshuffled every epoch with the job's seed ({@link EpochBatches}: in memory, or read from disk
 * in shuffled buffers), frozen with what the program says about itself, the training split's input summary included.
 */
public final class OnnxTrainingEngine implements TrainingEngine {

    private final long bufferBytes;

    public OnnxTrainingEngine() {
        this(EpochBatches.BUFFER_BYTES);
    }

    /** @param bufferBytes memory for the examples a job holds at once: a larger set is read in shuffled buffers */
    OnnxTrainingEngine(long bufferBytes) {
        this.bufferBytes = bufferBytes;
    }

    @Override
    public Trained train(ModelSpec spec, ExampleSet train, WarmStart start, long seed, StepListener listener)
            throws InterruptedException {
        var batches = EpochBatches.of(spec, train, bufferBytes);
        var network = StartingNetwork.of(spec, start, batches.chunks(), seed);
        try (var session = TrainingSession.create(network.model(), SpecGraphs.trainingConfig(spec, seed),
                network.init())) {
            var run = new Run();
            for (int epoch = 1; epoch <= spec.training().epochs(); epoch++) {
                int current = epoch;
                batches.forEach(seed + epoch, batch -> {
                    run.loss = session.step(batch);
                    run.examples += batch.rows();
                    listener.step(current, session.steps(), run.loss, run.speed());
                });
            }
            return new Trained(session.freeze(described(spec, network.metadata(), train)), run.loss, run.speed());
        }
    }

    /** The loss of the latest step, and the examples trained on since the session began (reading included). */
    private static final class Run {
        private final long started = System.nanoTime();
        private long examples;
        private double loss = Double.NaN;

        double speed() {
            return examples / Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * The training split's distribution of each feature goes with the version ({@link InputSummary}, from at most
     * {@link InputSummary#MAX_SAMPLE} examples spread over the split): inference compares the events it scores with
     * it. A fine-tuned foreign program gets one too; inputs wider than {@link InputSummary#MAX_FEATURES} get none.
     */
    static FreezeMetadata described(ModelSpec spec, FreezeMetadata metadata, ExampleSet train) {
        if (spec.input().featureCount() > InputSummary.MAX_FEATURES) {
            return metadata;
        }
        return InputSummary.of(train.sample(InputSummary.MAX_SAMPLE).stream().map(ResolvedExample::features).toList())
                .map(summary -> metadata.with(ProgramMetadata.INPUT_SUMMARY, summary.toJson()))
                .orElse(metadata);
    }
}
