package dev.samuel.drift;

/**
 * DDM, the drift detection method of Gama, Medas, Castillo and Rodrigues ("Learning with Drift Detection", SBIA
 * 2004), on a 0/1 error stream. After {@code i} inputs the error rate is {@code p_i} with standard deviation
 * {@code s_i = sqrt(p_i (1 - p_i) / i)}; the detector remembers {@code p_min} and {@code s_min} where
 * {@code p_i + s_i} was lowest, and signals
 * <pre>
 *   a warning when p_i + s_i > p_min + warningLevel * s_min   (the paper: 2, about 95 % confidence)
 *   a drift   when p_i + s_i > p_min + driftLevel * s_min     (the paper: 3, about 99 %)
 * </pre>
 * (strictly above, as MOA's: with the paper's "greater or equal", a stream without a single error by its 30th input,
 * where {@code s_min} is 0, would drift at every input; with "above" it drifts at its first error, as MOA's does).
 * Unlike MOA's, the minimum and the warning start at the {@code minInstances}-th input: MOA's counter stands at 1
 * before its first input, so its minimum starts one input earlier, which moves the alarms of 9 streams in 200 of the
 * tests' kind (drift-reference's {@code ReferenceAlarms}).
 * The paper's new context starts where the warning level was reached: that input is the change point
 * ({@link #changeAgo()}), or the drifting input itself when no warning came first. After a drift it starts afresh,
 * as MOA's {@code DDM} does. Like MOA's, it is only meant for rising error rates: a falling one only lowers
 * {@code p_min}.
 */
public final class Ddm extends DetectorCounts {

    private final DdmParameters parameters;
    private long count;
    private double errorRate;
    private double minRate;
    private double minDeviation;
    private long warningIndex = -1;

    public Ddm(DdmParameters parameters) {
        this.parameters = parameters;
        restart();
    }

    /** DDM with the paper's levels, 2 and 3, and 30 instances. */
    public Ddm() {
        this(DdmParameters.DEFAULT);
    }

    @Override
    public DriftSignal add(double error) {
        if (!(error >= 0 && error <= 1)) {
            throw new IllegalArgumentException("DDM takes errors in [0, 1], was " + error);
        }
        long seen = counted();
        count++;
        errorRate += (error - errorRate) / count;
        double deviation = Math.sqrt(errorRate * (1 - errorRate) / count);
        if (count < parameters.minInstances()) {
            return DriftSignal.NONE;
        }
        double level = errorRate + deviation;
        if (level <= minRate + minDeviation) {
            minRate = errorRate;
            minDeviation = deviation;
        }
        if (level > minRate + parameters.driftLevel() * minDeviation) {
            var drift = drifted(warningIndex < 0 ? seen - 1 : warningIndex);
            restart();
            return drift;
        }
        if (level > minRate + parameters.warningLevel() * minDeviation) {
            warningIndex = warningIndex < 0 ? seen - 1 : warningIndex;
            return DriftSignal.WARNING;
        }
        warningIndex = -1;
        return DriftSignal.NONE;
    }

    private void restart() {
        count = 0;
        errorRate = 0;
        minRate = Double.POSITIVE_INFINITY;
        minDeviation = Double.POSITIVE_INFINITY;
        warningIndex = -1;
    }

    @Override
    public void reset() {
        resetCounts();
        restart();
    }

    /** The error rate since the start or the latest drift. */
    public double errorRate() {
        return errorRate;
    }

    public DdmParameters parameters() {
        return parameters;
    }
}
