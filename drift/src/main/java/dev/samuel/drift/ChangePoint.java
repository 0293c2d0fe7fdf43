package dev.samuel.drift;

/**
 * Where in ADWIN's window a change most likely began: the bucket boundary that maximises the standardised gap
 * between the older and the newer part's means, {@code |mean_0 - mean_1| / sqrt(1 / n0 + 1 / n1)}, the
 * maximum-likelihood estimate of a single shift in the mean of a sequence of equal variance (Hinkley, "Inference
 * about the change-point in a sequence of random variables", Biometrika 1970; the CUSUM estimate of Basseville and
 * Nikiforov, "Detection of Abrupt Changes", 1993, Section 2.6). It looks at the same splits as the cut test, so it is
 * as fine as the buckets: within a few inputs for a recent change, within a bucket of up to half the window's age
 * for an old one.
 */
final class ChangePoint {

    private double bestScore = -1;
    private long bestNewerCount;

    private ChangePoint(long width) {
        this.bestNewerCount = width;
    }

    /** The number of the newest inputs that follow the most likely change point. */
    static long newerCount(BucketWindow window) {
        ChangePoint best = new ChangePoint(window.width());
        window.anySplitCuts(best::consider);
        return best.bestNewerCount;
    }

    /** Records the split if it is the best so far; never asks for a cut, so that every split is seen. */
    private boolean consider(long olderCount, long newerCount, double olderSum, double newerSum) {
        double gap = olderSum / olderCount - newerSum / newerCount;
        double score = Math.abs(gap) / Math.sqrt(1.0 / olderCount + 1.0 / newerCount);
        if (score > bestScore) {
            bestScore = score;
            bestNewerCount = newerCount;
        }
        return false;
    }
}
