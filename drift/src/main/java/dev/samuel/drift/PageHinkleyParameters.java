package dev.samuel.drift;

import java.util.Set;

/**
 * Page-Hinkley's parameters ({@code {"detector": "page-hinkley", ...}}). The defaults are MOA's
 * ({@code PageHinkleyDM}) and River's; they suit a monitored value whose standard deviation is about 0.1 or less
 * (the false-alarm rate grows quickly with the spread: see the drift module's README), so a loss with a wider
 * spread needs a larger {@code lambda}.
 *
 * @param delta        the tolerance: deviations from the running mean smaller than {@code delta} are not counted
 *                     towards a change (the magnitude of changes allowed). Default 0.005.
 * @param lambda       the threshold: a drift when the cumulative deviation rises more than {@code lambda} above its
 *                     minimum. Larger means fewer false alarms and later detection. Default 50.
 * @param alpha        the fading factor of the cumulative deviation (Gama, Sebastião and Rodrigues 2013): each step
 *                     multiplies it by {@code alpha} before adding the new deviation, so old evidence is forgotten;
 *                     1 means no fading. Default 1 - 0.0001.
 * @param minInstances no drift is reported before this many inputs since the start or the latest drift: the
 *                     running mean is too rough before. Default 30.
 */
public record PageHinkleyParameters(double delta, double lambda, double alpha, int minInstances)
        implements DriftSettings {

    public static final String NAME = "page-hinkley";
    public static final PageHinkleyParameters DEFAULT = new PageHinkleyParameters(0.005, 50, 1 - 0.0001, 30);

    public PageHinkleyParameters {
        ParameterCheck.notNegative("delta", delta);
        ParameterCheck.positive("lambda", lambda);
        ParameterCheck.fadingFactor("alpha", alpha);
        ParameterCheck.atLeast("minInstances", minInstances, 1);
    }

    static PageHinkleyParameters from(SettingsBlock block) {
        block.allowOnly(NAME, Set.of("delta", "lambda", "alpha", "minInstances"));
        return new PageHinkleyParameters(block.number("delta", DEFAULT.delta), block.number("lambda", DEFAULT.lambda),
                block.number("alpha", DEFAULT.alpha), block.whole("minInstances", DEFAULT.minInstances));
    }

    @Override
    public String detector() {
        return NAME;
    }

    @Override
    public PageHinkley newDetector() {
        return new PageHinkley(this);
    }
}
