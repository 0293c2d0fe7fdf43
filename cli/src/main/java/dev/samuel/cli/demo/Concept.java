package dev.samuel.cli.demo;

import dev.samuel.contracts.event.Features;
import java.util.Random;

/**
 * The demo's ground truth: three clusters of four sensor readings on very different scales (what the graph's
 * standardisation is for). Before the drift a reading's class is its cluster; after it, the classes rotate, so
 * a model trained before the drift is wrong about nearly everything after it until it is retrained.
 */
public final class Concept {

    static final int CLASSES = 3;
    static final int FEATURES = 4;

    private static final double[] SCALE = {1, 10, 100, 0.1};
    private static final double[][] CENTRES = {{-2, 0, 1, 0}, {2, 1, -1, 1}, {0, -2, 0, -1}};
    private static final double SPREAD = 0.55;

    private final Random random;
    private volatile boolean drifted;

    public Concept(long seed) {
        this.random = new Random(seed);
    }

    public void drift() {
        drifted = true;
    }

    boolean drifted() {
        return drifted;
    }

    /** A reading, its class under the concept of the moment, and whether that concept is the drifted one. */
    public record Sample(Features features, int label, boolean drifted) {
    }

    public synchronized Sample next() {
        int cluster = random.nextInt(CLASSES);
        var values = new float[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            values[f] = (float) ((CENTRES[cluster][f] + SPREAD * random.nextGaussian()) * SCALE[f]);
        }
        boolean now = drifted;
        return new Sample(Features.of(values), now ? (cluster + 1) % CLASSES : cluster, now);
    }
}
