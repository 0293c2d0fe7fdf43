package dev.samuel.drift;

/**
 * Page-Hinkley's parameters ({@code {"detector": "page-hinkley", ...}}). The defaults are MOA's
 * ({@code PageHinkleyDM}) and River's. The false-alarm rate depends on the spread of the monitored value: by
 * Siegmund's approximation (see {@link PageHinkley}) the defaults raise a false alarm every 2.3e8 inputs on a loss of
 * standard deviation 0.2, every 470,000 at 0.3, every 23,000 at 0.5 and every 3,100 at 1. For a loss wider than
 * about 0.2, set {@code lambda} to about 500 times its standard deviation (measured on the version's holdout, say):
 * a false alarm every 2.8 million inputs or more for a standard deviation up to 1, at the cost of a delay of about
 * {@code lambda / (rise - delta)} inputs.
 *
 * @param delta        the tolerance: deviations from the running mean smaller than {@code delta} are not counted
 *                     towards a change (the magnitude of changes allowed). Default 0.005.
 * @param lambda       the threshold: a drift when the cumulative deviation rises more than {@code lambda} above its
 *                     minimum. Larger means fewer false alarms and later detection. Default 50.
 * @param alpha        the fading factor of the statistic, as River's: each input multiplies it by {@code alpha}
 *                     before adding the new deviation, so that old evidence weighs less; 1 means no fading. Default
 *                     1 - 0.0001.
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

    @Override
    public String detector() {
        return NAME;
    }

    @Override
    public PageHinkley newDetector() {
        return new PageHinkley(this);
    }
}
