package dev.samuel.bench.ooc;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * The benchmark's stream of labelled examples: 10 classes of 784 features, example {@code i} a class drawn uniformly
 * and that class's mean plus standard normal noise on every feature. The class means are drawn once from the seed
 * (normal, standard deviation {@value #SPREAD} per feature: about 4 noise units apart, so a model learns a lot but
 * not all); example {@code i} comes from the seed and {@code i} alone, so producer threads write their slices in any
 * order and the in-memory side rebuilds the same examples without reading them back.
 */
final class SyntheticClasses {

    static final int FEATURES = 784;
    static final int CLASSES = 10;
    static final double SPREAD = 0.1;

    private final long seed;
    private final float[][] means = new float[CLASSES][FEATURES];

    SyntheticClasses(long seed) {
        this.seed = seed;
        var random = new Random(seed);
        for (var mean : means) {
            for (int f = 0; f < FEATURES; f++) {
                mean[f] = (float) (SPREAD * random.nextGaussian());
            }
        }
    }

    /** Writes example {@code index}'s features into {@code features} and returns its class. */
    int example(long index, float[] features) {
        // Each example its own generator, seeded by a hash of the seed and its index: streams of nearby indices do
        // not overlap (SplittableRandom's seeds s and s + its gamma would give the same stream shifted by one).
        var random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        int label = random.nextInt(CLASSES);
        var mean = means[label];
        for (int f = 0; f < FEATURES; f++) {
            features[f] = mean[f] + (float) random.nextGaussian();
        }
        return label;
    }

    /** The example's key on the train and test topics: its id, as a relabel would re-send it. */
    static String key(long index) {
        return "ex-" + index;
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
