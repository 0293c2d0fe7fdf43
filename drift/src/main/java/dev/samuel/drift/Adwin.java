package dev.samuel.drift;

/**
 * ADWIN2, adaptive windowing (Bifet and Gavaldà, "Learning from Time-Changing Data with Adaptive Windowing", SDM
 * 2007): keeps the longest window of recent inputs whose every split into an older and a newer part has means
 * closer than {@code epsilon_cut}; when one split's means differ by more, the older part is dropped and a drift is
 * reported. Inputs must lie in [0, 1] for the paper's guarantees (a 0/1 error, or a bounded error indicator), though
 * nothing refuses others. It reports changes in either direction: a falling error rate is a change too; compare
 * {@link #mean()} before and after the input to tell a rise from a fall.
 *
 * <p>The cut test is the one of MOA's {@code ADWIN}, written by the paper's first author: Theorem 3's
 * variance-based bound,
 * <pre>  epsilon_cut = sqrt(2 / m * sigma_W^2 * ln(2 / delta')) + 2 / (3 m) * ln(2 / delta'),</pre>
 * with {@code sigma_W^2} the whole window's variance, {@code delta' = delta / ln(W)} (the implementation's choice:
 * the paper's {@code delta / n} is for a test at every one of {@code n} splits, where ADWIN2 tests O(log W)
 * bucket boundaries) and {@code 1 / m = 1 / (n0 - 4) + 1 / (n1 - 4)}, the harmonic-mean term of the paper with each
 * part's size shortened by MOA's minimum part length of 5. Also as MOA: the test runs once every {@code checkPeriod}
 * inputs, only once the window holds more than 10 inputs, and only at splits whose parts both hold more than 6.
 * On a drift the oldest bucket is dropped and every split tested again, until none cuts.
 *
 * <p>Where the change began is not where ADWIN cuts: it drops old buckets only until no split is significant any
 * more, so right after the first alarm the window may still hold thousands of inputs from before the change (the
 * alarms that follow over the next few hundred inputs drop them). {@link #changeAgo()} is instead the split of the
 * whole window that is most significant at the first cut ({@link ChangePoint}).
 */
public final class Adwin extends DetectorCounts {

    /** MOA's {@code mintMinimLongitudWindow}: no test while the window holds this many inputs or fewer. */
    static final int MIN_WINDOW = 10;
    /** MOA's {@code mintMinWinLength}: both parts of a tested split hold more than this plus one. */
    static final int MIN_PART = 5;

    private final AdwinParameters parameters;
    private BucketWindow window;

    public Adwin(AdwinParameters parameters) {
        this.parameters = parameters;
        this.window = new BucketWindow(parameters.maxBuckets());
    }

    /** ADWIN with the defaults: delta 0.002, M 5, a test every 32 inputs. */
    public Adwin() {
        this(AdwinParameters.DEFAULT);
    }

    @Override
    public DriftSignal add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("ADWIN takes finite values, was " + value);
        }
        long seen = counted();
        window.add(value);
        if (seen % parameters.checkPeriod() != 0 || window.width() <= MIN_WINDOW) {
            return DriftSignal.NONE;
        }
        if (!window.anySplitCuts(this::cuts)) {
            return DriftSignal.NONE;
        }
        long changeIndex = seen - ChangePoint.newerCount(window);
        do {
            window.dropOldest();
        } while (window.anySplitCuts(this::cuts));
        return drifted(changeIndex);
    }

    private boolean cuts(long olderCount, long newerCount, double olderSum, double newerSum) {
        if (olderCount <= MIN_PART + 1 || newerCount <= MIN_PART + 1) {
            return false;
        }
        double gap = olderSum / olderCount - newerSum / newerCount;
        return Math.abs(gap) > epsilonCut(olderCount, newerCount);
    }

    /** Theorem 3's bound in the form and the order of operations of MOA's {@code blnCutexpression}. */
    private double epsilonCut(long olderCount, long newerCount) {
        double logTerm = Math.log(2 * Math.log(window.width()) / parameters.delta());
        double inverseM = 1.0 / (olderCount - MIN_PART + 1) + 1.0 / (newerCount - MIN_PART + 1);
        return Math.sqrt(2 * inverseM * window.variance() * logTerm) + (double) 2 / 3 * logTerm * inverseM;
    }

    @Override
    public void reset() {
        window = new BucketWindow(parameters.maxBuckets());
        resetCounts();
    }

    /** The inputs in the window: those since the latest change, at most all since the start. */
    public long width() {
        return window.width();
    }

    /** The window's mean: the current error rate, for a 0/1 error stream. */
    public double mean() {
        return window.width() == 0 ? 0 : window.total() / window.width();
    }

    /** The window's variance. */
    public double variance() {
        return window.variance();
    }

    /** The buckets that hold the window: the detector's memory, O(M log(W / M)). */
    public int buckets() {
        return window.buckets();
    }

    public AdwinParameters parameters() {
        return parameters;
    }
}
