package dev.samuel.drift;

/**
 * ADWIN's parameters ({@code {"detector": "adwin", ...}}).
 *
 * @param delta       the confidence of the cut test (Bifet and Gavaldà 2007, Theorem 3): on a stationary stream the
 *                    window is cut falsely with probability at most about {@code delta} per check; smaller means
 *                    fewer false alarms and later detection. Default 0.002, the paper's and MOA's.
 * @param maxBuckets  M, the most buckets of one size the window keeps (Section 4, ADWIN2): memory and time are
 *                    O(M log(W/M)) and a split is tested at every bucket boundary, so a larger M places cuts more
 *                    finely for more work. Default 5, as in the paper's experiments and MOA.
 * @param checkPeriod the cut test runs once every {@code checkPeriod} inputs, as MOA's reference implementation does
 *                    (its {@code mintClock}, 32): a change is reported up to that many inputs later than a test at
 *                    every input would, for a 32nd of the work. Default 32.
 */
public record AdwinParameters(double delta, int maxBuckets, int checkPeriod) implements DriftSettings {

    public static final String NAME = "adwin";
    public static final AdwinParameters DEFAULT = new AdwinParameters(0.002, 5, 32);

    public AdwinParameters {
        ParameterCheck.openUnitInterval("delta", delta);
        ParameterCheck.atLeast("maxBuckets", maxBuckets, 2);
        ParameterCheck.atLeast("checkPeriod", checkPeriod, 1);
    }

    /** The defaults with another {@code delta}. */
    public static AdwinParameters withDelta(double delta) {
        return new AdwinParameters(delta, DEFAULT.maxBuckets, DEFAULT.checkPeriod);
    }

    @Override
    public String detector() {
        return NAME;
    }

    @Override
    public Adwin newDetector() {
        return new Adwin(this);
    }
}
