package dev.samuel.inference.judge;

import java.util.OptionalDouble;

/**
 * What a classifier version's holdout promised, against what it serves: a drift when the version's realised accuracy
 * over a full window of judged examples is below its test accuracy by more than chance allows. Chance is Hoeffding's
 * bound on the difference of two means of 0/1 outcomes, the window's and the holdout's, at confidence {@value #DELTA}:
 * {@code sqrt(ln(2 / delta) / 2 * (1 / window + 1 / holdout))}, about 0.2 for a window of 1,000 and a holdout of 100.
 */
final class HoldoutPromise {

    static final String DETECTOR = "holdout";
    static final double DELTA = 0.001;

    /** A version's test accuracy and the number of holdout examples it was measured on. */
    interface Promises {
        OptionalDouble accuracy(int version);

        long holdout(int version);
    }

    private final Promises promises;
    private final int window;

    HoldoutPromise(Promises promises, int window) {
        this.promises = promises;
        this.window = window;
    }

    /** Whether the version's full window of results is below its promise; never for a regression or an unknown one. */
    boolean isBelow(int version, RealisedWindow recent) {
        var promised = promises.accuracy(version);
        long holdout = promises.holdout(version);
        if (recent.count() < window || promised.isEmpty() || holdout < 1 || Double.isNaN(recent.accuracy())) {
            return false;
        }
        return promised.getAsDouble() - recent.accuracy() > bound(recent.count(), holdout);
    }

    static double bound(long served, long holdout) {
        return Math.sqrt(Math.log(2 / DELTA) / 2 * (1.0 / served + 1.0 / holdout));
    }
}
