package dev.samuel.bench.drift;

import java.util.SplittableRandom;

/**
 * The benchmark's seeded world: three clusters of four readings, each cluster one class. A concept is a rotation of
 * the classes over the clusters; a change moves to the next rotation, at once (abrupt) or by mixing the next one in
 * over a ramp of examples (gradual, the probability of the new concept rising linearly).
 */
final class ShiftingConcept {

    static final int CLASSES = 3;
    static final int FEATURES = 4;

    private static final double[][] CENTRES = {{-2, 0, 1, 0}, {2, 1, -1, 1}, {0, -2, 0, -1}};
    private static final double SPREAD = 0.55;

    /** One reading and its class under the concept of the moment. */
    record Sample(float[] features, int label) {
    }

    private final SplittableRandom random;
    private int rotation;
    private long rampStart = -1;
    private long rampLength;
    private long drawn;

    ShiftingConcept(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** From the next example on, the next concept. */
    synchronized void changeAbruptly() {
        finishRamp();
        rotation++;
    }

    /** From the next example on, the next concept mixed in over {@code examples} examples. */
    synchronized void changeGradually(long examples) {
        finishRamp();
        rampStart = drawn;
        rampLength = examples;
    }

    synchronized Sample next() {
        int cluster = random.nextInt(CLASSES);
        var values = new float[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            values[f] = (float) (CENTRES[cluster][f] + SPREAD * random.nextGaussian());
        }
        int shift = rotation + (inNewConcept() ? 1 : 0);
        drawn++;
        return new Sample(values, (cluster + shift) % CLASSES);
    }

    private boolean inNewConcept() {
        if (rampStart < 0) {
            return false;
        }
        double share = Math.min(1, (drawn - rampStart + 1) / (double) rampLength);
        return random.nextDouble() < share;
    }

    private void finishRamp() {
        if (rampStart >= 0) {
            rotation++;
            rampStart = -1;
        }
    }
}
