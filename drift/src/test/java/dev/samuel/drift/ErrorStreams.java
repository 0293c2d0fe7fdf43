package dev.samuel.drift;

import java.util.SplittableRandom;

/**
 * The seeded streams the tests feed the detectors, and the drift-reference benchmark feeds MOA's (this module's
 * test-jar): the same seed gives the same stream on every JVM, as {@link SplittableRandom}'s sequence is specified.
 */
public final class ErrorStreams {

    private ErrorStreams() {
    }

    /** 0/1 errors at a constant rate: a stationary stream. */
    public static double[] bernoulli(long seed, double rate, int length) {
        return piecewise(seed, length, new double[] {rate});
    }

    /**
     * 0/1 errors whose rate steps through {@code rates}, {@code segment} inputs each: abrupt changes at inputs
     * {@code segment}, {@code 2 segment}, ... (0-based: the first input of each new rate).
     */
    public static double[] piecewise(long seed, int segment, double... rates) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] errors = new double[segment * rates.length];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = error(random, rates[i / segment]);
        }
        return errors;
    }

    /**
     * 0/1 errors at {@code from} for {@code before} inputs, then a rate moving linearly to {@code to} over
     * {@code ramp} inputs, then {@code to} for {@code after} inputs: a gradual change.
     */
    public static double[] gradual(long seed, double from, double to, int before, int ramp, int after) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] errors = new double[before + ramp + after];
        for (int i = 0; i < errors.length; i++) {
            double progress = Math.min(1, Math.max(0, (i - before + 1) / (double) ramp));
            errors[i] = error(random, from + (to - from) * progress);
        }
        return errors;
    }

    /** Gaussian values (a loss) with mean {@code from} for {@code before} inputs, then {@code to} for {@code after}. */
    public static double[] gaussianShift(long seed, double from, double to, double sd, int before, int after) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[before + after];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i < before ? from : to) + sd * random.nextGaussian();
        }
        return values;
    }

    /** The inputs (0-based) at which the detector reported a drift, fed the whole stream from a fresh start. */
    public static long[] drifts(DriftDetector detector, double[] stream) {
        detector.reset();
        long[] found = new long[stream.length];
        int count = 0;
        for (int i = 0; i < stream.length; i++) {
            if (detector.add(stream[i]) == DriftSignal.DRIFT) {
                found[count++] = i;
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /** The first drift at or after input {@code from} (0-based), or -1. */
    public static long firstDriftFrom(long[] drifts, long from) {
        for (long drift : drifts) {
            if (drift >= from) {
                return drift;
            }
        }
        return -1;
    }

    private static double error(SplittableRandom random, double rate) {
        return random.nextDouble() < rate ? 1 : 0;
    }
}
