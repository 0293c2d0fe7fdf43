package dev.samuel.onnx.train;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.samuel.onnx.graph.GraphException;
import dev.samuel.onnx.optim.Optimizers;
import dev.samuel.onnx.runtime.Sessions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The per-step inputs besides the state: batch tensors (one set per row count, the few most recent
 * kept), learning rate and step scalars, dropout masks, and the pinned loss output. Owns its tensors.
 */
final class StepInputs implements AutoCloseable {
    private static final int CACHED_BATCH_SIZES = 4;

    private final ForwardModel model;
    private final boolean classLabels;
    private final List<DropoutSite> dropouts;
    private long seed;
    private final Map<Integer, BatchTensors> batches = new LinkedHashMap<>(8, 0.75f, true);
    private final FloatBuffer lr = scalarBuffer();
    private final FloatBuffer step = scalarBuffer();
    private final FloatBuffer loss = scalarBuffer();
    private final OnnxTensor lrTensor;
    private final OnnxTensor stepTensor;
    private final OnnxTensor lossTensor;

    StepInputs(ForwardModel model, boolean classLabels, List<DropoutSite> dropouts, long seed) {
        this.model = model;
        this.classLabels = classLabels;
        this.dropouts = dropouts;
        this.seed = seed;
        OnnxTensor[] made = new OnnxTensor[3];
        try {
            made[0] = OnnxTensor.createTensor(Sessions.env(), lr, new long[0]);
            made[1] = OnnxTensor.createTensor(Sessions.env(), step, new long[0]);
            made[2] = OnnxTensor.createTensor(Sessions.env(), loss, new long[0]);
        } catch (OrtException e) {
            for (OnnxTensor t : made) {
                if (t != null) {
                    t.close();
                }
            }
            throw new GraphException("cannot allocate step inputs: " + e.getMessage(), e);
        }
        lrTensor = made[0];
        stepTensor = made[1];
        lossTensor = made[2];
    }

    /** Fills the tensors for the batch at step t (1-based) and returns them by input name. */
    Map<String, OnnxTensor> prepare(Batch batch, long t, double learningRate) {
        BatchTensors bt = tensorsFor(batch.rows());
        try {
            bt.fill(batch);
        } catch (OrtException e) {
            throw new GraphException("cannot fill a batch of " + batch.rows() + ": " + e.getMessage(), e);
        }
        fillMasks(bt, t);
        lr.put(0, (float) learningRate);
        step.put(0, (float) t);
        Map<String, OnnxTensor> in = new HashMap<>(bt.tensors());
        in.put(Optimizers.LEARNING_RATE, lrTensor);
        in.put(Optimizers.STEP, stepTensor);
        return in;
    }

    long seed() {
        return seed;
    }

    void reseed(long newSeed) {
        seed = newSeed;
    }

    OnnxTensor loss() {
        return lossTensor;
    }

    float lossValue() {
        return loss.get(0);
    }

    /** Masks of 0 and 1 / (1 - ratio), from a generator seeded by (seed, step, site): reproducible after restore. */
    private void fillMasks(BatchTensors bt, long t) {
        for (int s = 0; s < dropouts.size(); s++) {
            DropoutSite site = dropouts.get(s);
            SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + t * 31 + s);
            float keep = (float) (1 / (1 - site.ratio()));
            FloatBuffer mask = bt.mask(site.maskInput());
            mask.clear();
            int n = bt.rows() * site.perExample();
            for (int i = 0; i < n; i++) {
                mask.put(rng.nextDouble() < site.ratio() ? 0f : keep);
            }
        }
    }

    private BatchTensors tensorsFor(int rows) {
        BatchTensors bt = batches.get(rows);
        if (bt != null) {
            return bt;
        }
        if (batches.size() >= CACHED_BATCH_SIZES) {
            Iterator<BatchTensors> eldest = batches.values().iterator();
            eldest.next().close();
            eldest.remove();
        }
        try {
            bt = new BatchTensors(rows, model.input(), model.featureCount(), categoriesInput(model), classLabels,
                    model.outputWidth(), dropouts);
        } catch (OrtException e) {
            throw new GraphException("cannot allocate a batch of " + rows + ": " + e.getMessage(), e);
        }
        batches.put(rows, bt);
        return bt;
    }

    static String categoriesInput(ForwardModel model) {
        return model.categoriesValue().map(dev.samuel.onnx.graph.Value::name).orElse(null);
    }

    private static FloatBuffer scalarBuffer() {
        return ByteBuffer.allocateDirect(Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public void close() {
        batches.values().forEach(BatchTensors::close);
        batches.clear();
        lrTensor.close();
        stepTensor.close();
        lossTensor.close();
    }
}
