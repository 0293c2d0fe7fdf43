package dev.samuel.trainer.engine;

import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.registry.Sha256;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.imports.OnnxImporter;
import dev.samuel.onnx.spec.SpecGraphs;
import dev.samuel.onnx.train.FreezeMetadata;
import dev.samuel.onnx.train.InitialParameters;
import dev.samuel.onnx.train.Standardization;
import dev.samuel.onnx.train.TrainingSession;
import dev.samuel.trainer.data.Dataset;
import dev.samuel.trainer.data.FeatureStats;
import dev.samuel.trainer.jobs.TrainingEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Training with the {@code onnx-training} library: the spec's forward graph with the job's standardisation
 * baked in, one ONNX Runtime run per mini-batch, batches reshuffled every epoch with the job's seed.
 */
public final class OnnxTrainingEngine implements TrainingEngine {

    @Override
    public Trained train(ModelSpec spec, Dataset train, FeatureStats stats, Optional<byte[]> warmStart, long seed,
                         StepListener listener) {
        var model = SpecGraphs.forward(spec, new Standardization(stats.mean(), stats.std()), seed);
        // A warm start takes the trained parameters only: the standardisation is this job's own.
        var init = warmStart.map(frozen -> InitialParameters.given(parameters(frozen, model.parameters())))
                .orElse(InitialParameters.random(seed)).withFrozen(new HashSet<>(spec.init().freeze()));
        int batchSize = spec.training().batchSize();
        long started = System.nanoTime();
        long examples = 0;
        double loss = Double.NaN;
        try (var session = TrainingSession.create(model, SpecGraphs.trainingConfig(spec, seed), init)) {
            for (int epoch = 1; epoch <= spec.training().epochs(); epoch++) {
                var shuffled = new ArrayList<ResolvedExample>(train.size());
                train.forEachBatch(train.size(), seed + epoch, shuffled::addAll);
                for (var batch : TrainingData.of(spec, shuffled).batches(batchSize)) {
                    loss = session.step(batch);
                    examples += batch.rows();
                    listener.step(epoch, session.steps(), loss, examples / seconds(started));
                }
            }
            var metadata = new FreezeMetadata(spec.name(), 0, specHash(spec), Map.of(), Map.of());
            return new Trained(session.freeze(metadata), loss, examples / seconds(started));
        }
    }

    private static double seconds(long since) {
        return Math.max(1e-9, (System.nanoTime() - since) / 1e9);
    }

    /** The named parameters among a frozen program's initializers: what a warm start begins from. */
    static Map<String, Tensor> parameters(byte[] frozen, List<String> names) {
        var values = new HashMap<>(OnnxImporter.initializers(frozen));
        values.keySet().retainAll(names);
        return values;
    }

    static String specHash(ModelSpec spec) {
        return Sha256.hex(ModelSpecs.toJson(spec).getBytes(StandardCharsets.UTF_8));
    }
}
