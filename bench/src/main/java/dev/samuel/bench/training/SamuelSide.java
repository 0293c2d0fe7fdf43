package dev.samuel.bench.training;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.spec.SpecGraphs;
import dev.samuel.onnx.train.Batch;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.Evaluation;
import dev.samuel.onnx.train.ForwardModel;
import dev.samuel.onnx.train.InitialParameters;
import dev.samuel.onnx.train.Standardization;
import dev.samuel.onnx.train.TrainingConfig;
import dev.samuel.onnx.train.TrainingSession;

/** Samuel's side of {@link TrainingProtocol}: one {@link TrainingSession}, a graph run per step. */
public final class SamuelSide implements TrainingProtocol.Side {
    /** The seed of every side's initial parameters. */
    public static final long SEED = 42;

    private final TrainingSession session;
    private final Dataset test;

    public SamuelSide(TrainingSession session, Dataset test) {
        this.session = session;
        this.test = test;
    }

    /**
     * A session for a benchmark's spec as {@code TrainingSession.create(spec, Standardization.fit(train),
     * InitialParameters.random(42))} makes it, on {@link #threads} threads. The DJL side opens the same one for its
     * initial parameters, its standardisation and the predictions it checks its forward pass against.
     */
    public static TrainingSession open(ModelSpec spec, Dataset train) {
        ForwardModel model = SpecGraphs.forward(spec, Standardization.fit(train), SEED);
        TrainingConfig config = SpecGraphs.trainingConfig(spec, SEED).withThreads(threads(spec));
        System.out.printf("onnx-training session on %d intra-op threads (0: ORT's default)%n", config.threads());
        return TrainingSession.create(model, config, InitialParameters.random(SEED));
    }

    /**
     * The intra-op threads every side trains the spec on, so that both engines get the same: {@code -Dbench.threads=N}
     * (BENCH_TRAINING_THREADS in the scripts), else the count Samuel trains on by default ({@code TrainingConfig};
     * 0 leaves it to ORT, and the DJL side then to PyTorch).
     */
    public static int threads(ModelSpec spec) {
        return Integer.getInteger("bench.threads", SpecGraphs.trainingConfig(spec, SEED).threads());
    }

    @Override
    public void step(Batch batch) {
        session.step(batch);
    }

    @Override
    public Evaluation heldOut() {
        return session.evaluate(test);
    }
}
