package dev.samuel.onnx.train;

import dev.samuel.onnx.loss.LossKind;
import dev.samuel.onnx.optim.OptimizerConfig;

/**
 * How a session trains: loss, optimizer, initial learning rate, the seed of dropout masks, ORT
 * intra-op threads (0: all cores) and the batch size evaluation runs at.
 */
public record TrainingConfig(LossKind loss, OptimizerConfig optimizer, double learningRate, long seed,
                             int threads, int evaluationBatch) {

    public static TrainingConfig of(LossKind loss, OptimizerConfig optimizer, double learningRate) {
        return new TrainingConfig(loss, optimizer, learningRate, 42L, 0, 256);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(loss, optimizer, learningRate, newSeed, threads, evaluationBatch);
    }

    public TrainingConfig withThreads(int newThreads) {
        return new TrainingConfig(loss, optimizer, learningRate, seed, newThreads, evaluationBatch);
    }
}
