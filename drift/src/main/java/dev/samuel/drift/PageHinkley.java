package dev.samuel.drift;

/**
 * The Page-Hinkley test for a rise in the mean of the monitored value, a loss (Page, "Continuous Inspection
 * Schemes", Biometrika 1954; in the form of Mouss et al. 2004 and Gama's "Knowledge Discovery from Data Streams",
 * 2010):
 * <pre>
 *   mean_T = the mean of x_1 .. x_T
 *   m_T    = sum over t = 1 .. T of (x_t - mean_t - delta),   M_T = min(m_1 .. m_T)
 *   drift when PH_T = m_T - M_T > lambda, once T >= minInstances
 * </pre>
 * {@code PH_T} is kept by Page's recursion, {@code PH_T = max(0, PH_{T-1} + x_T - mean_T - delta)} (the two are
 * equal: {@code PH} drops to 0 exactly when {@code m_T} is a new minimum). The fading factor multiplies the previous
 * value, {@code PH_T = max(0, alpha PH_{T-1} + x_T - mean_T - delta)}, as River's {@code PageHinkley} does: the
 * deviations since the best starting point, each faded by its age. Fading the sum but not its minimum would not do:
 * after a fall of the mean the faded sum sinks, then climbs back towards its equilibrium once the mean has caught
 * up, which reads as a rise (a false alarm some 30,000 inputs after a fall from 0.5 to 0.2 with the defaults).
 *
 * <p>A rise of the mean by {@code d > delta} makes {@code PH} climb by {@code d - delta} per input on average, so it
 * is detected after about {@code lambda / (d - delta)} inputs; on a stationary stream of standard deviation
 * {@code sigma}, {@code PH} is a CUSUM with drift {@code -delta} whose average run length to a false alarm is, by
 * Siegmund's approximation, {@code (exp(2 b delta / sigma) - 2 b delta / sigma - 1) / (2 delta^2 / sigma^2)} with
 * {@code b = lambda / sigma + 1.166}: it grows exponentially with {@code delta lambda / sigma^2}. Where the change
 * began is estimated as the CUSUM does (Basseville and Nikiforov, "Detection of Abrupt Changes", 1993): after the
 * last input at which {@code PH} stood at 0. After a drift the test starts afresh from the next input, as MOA's and
 * River's do. MOA's {@code PageHinkleyDM} alarms on the faded sum {@code m_T} itself, without the minimum: after a
 * long stationary stream its sum has sunk to {@code -delta / (1 - alpha)} and its detections come later.
 */
public final class PageHinkley extends DetectorCounts {

    private final PageHinkleyParameters parameters;
    private long count;
    private double mean;
    private double statistic;
    private long riseStart;

    public PageHinkley(PageHinkleyParameters parameters) {
        this.parameters = parameters;
    }

    /** Page-Hinkley with the defaults: delta 0.005, lambda 50, alpha 1 - 0.0001, 30 instances. */
    public PageHinkley() {
        this(PageHinkleyParameters.DEFAULT);
    }

    @Override
    public DriftSignal add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Page-Hinkley takes finite values, was " + value);
        }
        long seen = counted();
        count++;
        mean += (value - mean) / count;
        statistic = Math.max(0, parameters.alpha() * statistic + (value - mean - parameters.delta()));
        if (statistic == 0) {
            // The inputs after this one are those that push the statistic up: the new distribution, if any.
            riseStart = seen;
        }
        if (count < parameters.minInstances() || statistic <= parameters.lambda()) {
            return DriftSignal.NONE;
        }
        var drift = drifted(riseStart);
        restart();
        return drift;
    }

    private void restart() {
        count = 0;
        mean = 0;
        statistic = 0;
        riseStart = seen();
    }

    @Override
    public void reset() {
        resetCounts();
        restart();
    }

    /** {@code PH_T}, the faded cumulative deviation above its minimum: a drift when above lambda. */
    public double statistic() {
        return statistic;
    }

    /** The mean of the inputs since the start or the latest drift. */
    public double mean() {
        return mean;
    }

    public PageHinkleyParameters parameters() {
        return parameters;
    }
}
