package dev.samuel.bench.training;

import dev.samuel.onnx.train.Batch;
import dev.samuel.onnx.train.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The one protocol of the training benchmarks, Samuel's and the references beside them (training-reference's DJL
 * side runs it through the bench dependency), so that every side is timed by the same rule: one run of
 * {@value #EPOCHS} epochs in a fresh JVM. Cold: examples/s over epochs 1-{@value #COLD_EPOCHS} (what a fresh process
 * delivers, JIT and native warm-up included). Warmed: the median epoch rate over epochs {@value #WARMED_FROM}-15 (DJL's
 * rate rises for about 10 epochs; the median ignores an epoch that another process slowed). Held-out loss and accuracy
 * after epoch {@value #COLD_EPOCHS}, from the same initial parameters on every side. Only the training steps are
 * timed: an epoch's preparation (an order of the examples) and every evaluation are not.
 */
public final class TrainingProtocol {
    public static final int EPOCHS = 15;
    public static final int COLD_EPOCHS = 3;
    public static final int WARMED_FROM = 6;

    /** One trainer under the protocol. */
    public interface Side {
        /** Timed: one training step on the batch. */
        void step(Batch batch);

        /** Untimed: loss and accuracy of the current parameters on the held-out digits. */
        Evaluation heldOut();
    }

    /** Examples/s warmed and cold, and the held-out figures after epoch {@value #COLD_EPOCHS}. */
    public record Result(double warmed, double cold, Evaluation heldOut) {
    }

    private TrainingProtocol() {
    }

    /**
     * Runs {@code epochs} epochs ({@value #EPOCHS} in a recorded run; fewer in a check run, where the warmed rate is
     * the median of the epochs after the cold ones, or of all when there are no more), printing a line per epoch.
     * {@code batchesOfEpoch} gives epoch e's batches (from 1, once each, in order), untimed.
     */
    public static Result run(String name, Side side, IntFunction<List<Batch>> batchesOfEpoch, int epochs) {
        List<Double> rates = new ArrayList<>();
        long coldExamples = 0;
        double coldSeconds = 0;
        Evaluation heldOut = null;
        for (int e = 1; e <= epochs; e++) {
            List<Batch> batches = batchesOfEpoch.apply(e);
            long examples = 0;
            long t0 = System.nanoTime();
            for (Batch b : batches) {
                side.step(b);
                examples += b.rows();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            rates.add(examples / seconds);
            if (e <= COLD_EPOCHS) {
                coldExamples += examples;
                coldSeconds += seconds;
            }
            System.out.printf("%s epoch %d: %.0f examples/s%n", name, e, examples / seconds);
            if (e == Math.min(COLD_EPOCHS, epochs)) {
                heldOut = side.heldOut();
                print(name, e, heldOut);
            }
        }
        if (epochs > COLD_EPOCHS) {
            print(name, epochs, side.heldOut()); // printed only: how far the later epochs take each side
        }
        return new Result(median(rates.subList(warmedFrom(epochs) - 1, epochs)), coldExamples / coldSeconds, heldOut);
    }

    private static void print(String name, int epoch, Evaluation e) {
        System.out.printf("%s held-out after epoch %d: accuracy %.4f, loss %.4f%n", name, epoch, e.accuracy(), e.loss());
    }

    /** The first epoch of the warmed window: {@value #WARMED_FROM}, or in a shorter check run the one after the cold ones. */
    static int warmedFrom(int epochs) {
        return epochs >= WARMED_FROM ? WARMED_FROM : Math.min(COLD_EPOCHS + 1, epochs);
    }

    /** The epoch count in {@code args[index]}; {@value #EPOCHS} by default. */
    public static int epochs(String[] args, int index) {
        int epochs = args.length > index ? Integer.parseInt(args[index]) : EPOCHS;
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs: at least 1, not " + epochs);
        }
        return epochs;
    }

    public static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
