package dev.samuel.bench.inference;

import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.model.ProgramMetadata;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import dev.samuel.inference.model.ModelLoader;
import dev.samuel.inference.support.OnnxModels;
import dev.samuel.inference.support.Registry;
import dev.samuel.programs.RowBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The MNIST MLP 784-128-10 (Gemm, Relu, Gemm, Softmax) with seeded random weights, and its raw ORT ceiling. */
public final class MnistModels {

    public static final int FEATURES = 784;

    private MnistModels() {
    }

    public static ModelSpec spec(String name) {
        return new ModelSpec(name, Task.classification(10), Input.of(FEATURES),
                List.of(Layer.dense(128, "relu"), Layer.dense(10)), null, null, null, null, null, null);
    }

    public static byte[] mlp(int seed) {
        var random = new Random(seed);
        return OnnxModels.mlp(FEATURES, List.of(OnnxModels.Layer.random(random, FEATURES, 128, true),
                OnnxModels.Layer.random(random, 128, 10, false)), true, Map.of(ProgramMetadata.OUTPUT_KIND, OutputKind.PROBABILITIES.jsonName()));
    }

    /** MNIST-like pixels: grey levels 1..255 on about one pixel in five, zero elsewhere. */
    static float[] pixels(Random random) {
        var pixels = new float[FEATURES];
        for (int p = 0; p < FEATURES; p++) {
            pixels[p] = random.nextInt(5) == 0 ? 1 + random.nextInt(255) : 0;
        }
        return pixels;
    }

    /** Rows per second of ORT alone at batch 256, through the service's own loader and direct-buffer batch. */
    static double ortRowsPerSecond(byte[] model, int ortThreads) throws Exception {
        var version = new VersionRecord("ort-limit", 1, Registry.sha256(model), model.length, null, null, Instant.now(), null);
        var served = new ModelLoader(ortThreads).load(spec("ort-limit"), version, model);
        try {
            var random = new Random(1);
            var batch = new RowBatch();
            var rows = new float[256][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = pixels(random);
            }
            runFor(served, batch, rows, 2_000);
            long start = System.nanoTime();
            long scored = runFor(served, batch, rows, 5_000);
            return scored / ((System.nanoTime() - start) / 1e9);
        } finally {
            served.retire();
        }
    }

    private static long runFor(dev.samuel.inference.model.ServedModel model, RowBatch batch, float[][] rows,
                               long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        long scored = 0;
        while (System.currentTimeMillis() < end) {
            batch.reset(FEATURES);
            for (var row : rows) {
                batch.add(row);
            }
            batch.run(model.program(), model.signature().program());
            scored += rows.length;
        }
        return scored;
    }
}
