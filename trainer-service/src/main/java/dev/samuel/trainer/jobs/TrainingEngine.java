package dev.samuel.trainer.jobs;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.trainer.data.Dataset;
import dev.samuel.trainer.data.FeatureStats;
import java.util.Optional;

/** Backpropagation for one job, ending in a frozen forward-only ONNX program; onnx-training implements it. */
public interface TrainingEngine {

    /**
     * @param warmStart a frozen program whose parameters initialise the network (transfer learning), or empty
     *                  for the spec's seeded random initialisation
     */
    Trained train(ModelSpec spec, Dataset train, FeatureStats stats, Optional<byte[]> warmStart, long seed,
                  StepListener listener) throws Exception;

    /** The frozen program, the train loss of the last step, and the training speed. */
    record Trained(byte[] frozen, double trainLoss, double examplesPerSecond) {
    }

    /** Told after every optimisation step. */
    @FunctionalInterface
    interface StepListener {
        void step(int epoch, long step, double trainLoss, double examplesPerSecond);
    }
}
