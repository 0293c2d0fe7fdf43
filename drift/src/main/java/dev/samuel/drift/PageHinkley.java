package dev.samuel.drift;

import java.util.OptionalLong;

/**
 * The Page-Hinkley test for a rise in the mean of the monitored value, a loss (Page, "Continuous Inspection
 * Schemes", Biometrika 1954; in the form of Mouss et al. 2004 and Gama, Sebastião and Rodrigues, "On evaluating
 * stream learning algorithms", Machine Learning 2013, Section 4.2, with its fading factor):
 * <pre>
 *   mean_T = the mean of x_1 .. x_T
 *   m_T    = alpha * m_{T-1} + (x_T - mean_T - delta)
 *   M_T    = min(m_1 .. m_T)
 *   drift when m_T - M_T > lambda, once T >= minInstances
 * </pre>
 * A rise of the mean by {@code d > delta} makes {@code m_T} climb away from its minimum by about {@code d - delta} per
 * input, from a point at or above the minimum, so it is detected at most about {@code lambda / (d - delta)} inputs
 * after it starts. Where the change began is estimated as the CUSUM does (Basseville and Nikiforov, "Detection of
 * Abrupt Changes", 1993, Section 2.2): after the last input at which the unfaded sum stood at its minimum. After a
 * drift the test starts afresh from the next input, as MOA's and River's do.
 *
 * <p>MOA's {@code PageHinkleyDM} alarms on {@code m_T > lambda} without the minimum; that is the same test only
 * while {@code M_T} stays near 0, and after a long stationary stream its sum sinks (by {@code delta} per input, or to
 * {@code -delta / (1 - alpha)} with fading) so that its detections come later. River's {@code PageHinkley} keeps the
 * minimum, as here.
 */
public final class PageHinkley implements DriftDetector {

    private final PageHinkleyParameters parameters;
    private long seen;
    private long drifts;
    private long changeIndex = -1;
    private long count;
    private double mean;
    private double sum;
    private double minimum;
    private double rise;
    private long riseStart;

    public PageHinkley(PageHinkleyParameters parameters) {
        this.parameters = parameters;
        restart();
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
        seen++;
        count++;
        mean += (value - mean) / count;
        sum = parameters.alpha() * sum + (value - mean - parameters.delta());
        minimum = Math.min(minimum, sum);
        followRise(value - mean - parameters.delta());
        if (count < parameters.minInstances() || sum - minimum <= parameters.lambda()) {
            return DriftSignal.NONE;
        }
        drifts++;
        changeIndex = riseStart;
        restart();
        return DriftSignal.DRIFT;
    }

    /**
     * Page's CUSUM without fading, {@code g_T = max(0, g_{T-1} + x_T - mean_T - delta)}, which is {@code m_T - M_T}
     * when alpha is 1: the inputs since it last stood at 0 are those that pushed it up, the new distribution. With
     * fading, the faded sum's minimum may lie long before the change (the sum wanders around
     * {@code -delta / (1 - alpha)}), so the estimate is taken from the unfaded sum.
     */
    private void followRise(double deviation) {
        rise = Math.max(0, rise + deviation);
        if (rise == 0) {
            riseStart = seen;
        }
    }

    private void restart() {
        count = 0;
        mean = 0;
        sum = 0;
        minimum = Double.POSITIVE_INFINITY;
        rise = 0;
        riseStart = seen;
    }

    @Override
    public void reset() {
        seen = 0;
        drifts = 0;
        changeIndex = -1;
        restart();
    }

    @Override
    public long seen() {
        return seen;
    }

    @Override
    public long drifts() {
        return drifts;
    }

    @Override
    public OptionalLong changeAgo() {
        return changeIndex < 0 ? OptionalLong.empty() : OptionalLong.of(seen - changeIndex);
    }

    /** The cumulative deviation's rise above its minimum, {@code m_T - M_T}: a drift when above lambda. */
    public double statistic() {
        return count == 0 ? 0 : sum - minimum;
    }

    /** The mean of the inputs since the start or the latest drift. */
    public double mean() {
        return mean;
    }

    public PageHinkleyParameters parameters() {
        return parameters;
    }
}
