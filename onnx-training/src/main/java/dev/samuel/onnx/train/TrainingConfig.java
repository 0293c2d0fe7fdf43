package dev.samuel.onnx.train;

import dev.samuel.onnx.loss.LossKind;
import dev.samuel.onnx.optim.OptimizerConfig;

/**
 * How a session trains: loss, optimizer, initial learning rate, the seed of dropout masks, ORT
 * intra-op threads (0: all cores) and the batch size evaluation runs at.
 *
 * <p>One thread by default: a training step is a chain of many small nodes, and on the 2-core machine measured
 * (bench/RESULTS.md, 2026-12-05) each node's hand-off to ORT's thread pool cost more than splitting it saved: one
 * thread trained the MLP 784-128-10 at batch 64 about 1.2 times and the benchmark CNN at batch 32 about 1.5 times as
 * fast as two. Wider layers or bigger batches on more cores may gain from more: {@link #withThreads}.
 */
public record TrainingConfig(LossKind loss, OptimizerConfig optimizer, double learningRate, long seed,
                             int threads, int evaluationBatch) {

    public static TrainingConfig of(LossKind loss, OptimizerConfig optimizer, double learningRate) {
        return new TrainingConfig(loss, optimizer, learningRate, 42L, 1, 256);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(loss, optimizer, learningRate, newSeed, threads, evaluationBatch);
    }

    public TrainingConfig withThreads(int newThreads) {
        return new TrainingConfig(loss, optimizer, learningRate, seed, newThreads, evaluationBatch);
    }
}
