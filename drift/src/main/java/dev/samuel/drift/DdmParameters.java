package dev.samuel.drift;

/**
 * DDM's parameters ({@code {"detector": "ddm", ...}}), Gama, Medas, Castillo and Rodrigues 2004, Section 3.
 *
 * @param warningLevel how many standard deviations above its best (lowest) error rate {@code p + s} must rise for a
 *                     warning. Default 2, the paper's (about 95 % confidence).
 * @param driftLevel   the same for a drift. Default 3, the paper's (about 99 %). Above {@code warningLevel}.
 * @param minInstances no warning or drift before this many inputs since the start or the latest drift: the paper's
 *                     normal approximation of the error count needs them. Default 30, the paper's and MOA's.
 */
public record DdmParameters(double warningLevel, double driftLevel, int minInstances) implements DriftSettings {

    public static final String NAME = "ddm";
    public static final DdmParameters DEFAULT = new DdmParameters(2, 3, 30);

    public DdmParameters {
        ParameterCheck.positive("warningLevel", warningLevel);
        ParameterCheck.positive("driftLevel", driftLevel);
        if (driftLevel <= warningLevel) {
            throw new InvalidDriftParameterException("driftLevel", "must be above warningLevel (" + warningLevel
                    + "), was " + driftLevel);
        }
        ParameterCheck.atLeast("minInstances", minInstances, 1);
    }

    @Override
    public String detector() {
        return NAME;
    }

    @Override
    public Ddm newDetector() {
        return new Ddm(this);
    }
}
