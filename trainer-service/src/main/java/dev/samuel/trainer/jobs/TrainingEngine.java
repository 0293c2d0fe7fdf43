package dev.samuel.trainer.jobs;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.trainer.data.ExampleSet;

/** Backpropagation for one job, ending in a frozen forward-only ONNX program; onnx-training implements it. */
public interface TrainingEngine {

    /**
     * Trains the network {@code start} names on {@code train} with the spec's loss, optimizer and epochs. A start
     * whose parameters or network cannot be used fails with a {@link WarmStartException} naming what did not fit.
     */
    Trained train(ModelSpec spec, ExampleSet train, WarmStart start, long seed, StepListener listener) throws Exception;

    /** The frozen program, the train loss of the last step, and the training speed. */
    record Trained(byte[] frozen, double trainLoss, double examplesPerSecond) {
    }

    /** Told after every optimisation step. */
    @FunctionalInterface
    interface StepListener {
        void step(int epoch, long step, double trainLoss, double examplesPerSecond);
    }
}
