package dev.samuel.drift;

import static dev.samuel.drift.AdwinTest.boxed;
import static dev.samuel.drift.AdwinTest.median;
import static dev.samuel.drift.ErrorStreams.drifts;
import static dev.samuel.drift.ErrorStreams.gaussianShift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageHinkleyTest {

    private static final int CHANGE = 50_000;
    private static final double DELTA = PageHinkleyParameters.DEFAULT.delta();
    private static final double LAMBDA = PageHinkleyParameters.DEFAULT.lambda();

    /** Page's recursion by hand: PH_T = max(0, alpha PH_{T-1} + x_T - mean_T - delta), equal to m_T - M_T. */
    @Test
    void computesTheCumulativeDeviationAboveItsMinimum() {
        PageHinkley plain = new PageHinkley(new PageHinkleyParameters(0, 100, 1, 1));
        plain.add(3);
        plain.add(1);
        plain.add(2);
        // means 3, 2, 2; m = 0, -1, -1 and its minimum -1: PH is 0. Then 6: mean 3, m = 2, PH = 2 - (-1) = 3.
        assertThat(plain.statistic()).isZero();
        plain.add(6);
        assertThat(plain.statistic()).isEqualTo(3);

        PageHinkley faded = new PageHinkley(new PageHinkleyParameters(0, 100, 0.5, 1));
        faded.add(1);
        faded.add(5);
        faded.add(5);
        // means 1, 3, 11/3; deviations 0, 2, 4/3: PH = 0.5 * 2 + 4/3 (unfaded it would be 2 + 4/3).
        assertThat(faded.statistic()).isCloseTo(0.5 * 2 + 4.0 / 3, within(1e-12));
    }

    /**
     * Without fading, PH on a stationary stream is a CUSUM with drift -delta, whose average run length to a false
     * alarm Siegmund's approximation gives (Sequential Analysis, 1985): (exp(2 b d) - 2 b d - 1) / (2 d^2) with
     * d = delta / sigma and b = lambda / sigma + 1.166. For the defaults on a loss of sigma 1 that is 3,128 inputs:
     * the defaults do not suit so wide a loss, and 1,000,000 inputs give about 320 false alarms. The approximation
     * assumes a known mean where the test uses the running one, so the run length is held to within 15 %.
     */
    @Test
    void falseAlarmsComeAsOftenAsSiegmundsApproximationSays() {
        PageHinkleyParameters unfaded = new PageHinkleyParameters(DELTA, LAMBDA, 1, 30);
        long alarms = 0;
        for (long seed = 1; seed <= 10; seed++) {
            alarms += drifts(new PageHinkley(unfaded), gaussianShift(seed, 0.5, 0.5, 1, 100_000, 0)).length;
        }
        double runLength = 1_000_000.0 / alarms;

        assertThat(siegmundRunLength(-DELTA, 1)).isCloseTo(3_128, within(1.0));
        assertThat(runLength).isCloseTo(siegmundRunLength(-DELTA, 1), withinPercentage(15));
    }

    /**
     * With the defaults, a loss of standard deviation 0.2 or less has an average run length to a false alarm of
     * about 2.3e8 inputs (0.2) and more: 1,000,000 inputs raise none. The rule for a wider loss is to raise lambda
     * (or delta) until 2 (lambda / sigma + 1.166) delta / sigma is large again: lambda = 500 sigma keeps it at 5 or
     * more for any sigma up to 1, a run length of 2.8 million inputs or more.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.2})
    void aStationaryLossOfSmallSpreadRaisesNoAlarm(double sigma) {
        for (long seed = 1; seed <= 10; seed++) {
            assertThat(drifts(new PageHinkley(), gaussianShift(seed, 0.5, 0.5, sigma, 100_000, 0)))
                    .as("seed %d", seed).isEmpty();
        }
    }

    /**
     * A rise of the mean by d (sigma 0.1) after 50,000 inputs: PH climbs by d - delta per input on average, and
     * Siegmund's approximation of the run length with drift d - delta (about lambda / (d - delta) plus a little)
     * is the expected delay: the median is within 10 % of it, and every seed within four standard deviations of the
     * noise of that many inputs, 4 sigma sqrt(n) / (d - delta).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.1, 0.2})
    void aRiseIsDetectedAfterTheRunLengthSiegmundPredicts(double rise) {
        double expected = siegmundRunLength(rise - DELTA, 0.1);
        double bound = expected + 4 * 0.1 * Math.sqrt(expected) / (rise - DELTA);
        long[] delays = new long[30];
        for (int seed = 1; seed <= 30; seed++) {
            long[] alarms = drifts(new PageHinkley(), gaussianShift(seed, 0.5, 0.5 + rise, 0.1, CHANGE, 10_000));

            assertThat(boxed(alarms)).as("seed %d", seed).isNotEmpty().allMatch(at -> at >= CHANGE);
            delays[seed - 1] = alarms[0] - CHANGE;
        }
        assertThat(boxed(delays)).allMatch(delay -> delay <= bound);
        assertThat((double) median(delays)).isCloseTo(expected, withinPercentage(10));
    }

    /**
     * A fall of the mean is an improvement, not an alarm: PH stays at 0 while the running mean catches up. (Fading
     * the sum without its minimum would alarm here some 30,000 inputs after the fall.)
     */
    @Test
    void aFallOfTheMeanRaisesNoAlarm() {
        assertThat(drifts(new PageHinkley(), gaussianShift(1, 0.5, 0.2, 0.1, CHANGE, 50_000))).isEmpty();
    }

    /** The change point is where PH last stood at 0: at or a little before the true change, rarely after it. */
    @Test
    void estimatesWhereTheRiseBegan() {
        long[] errors = new long[30];
        for (int seed = 1; seed <= 30; seed++) {
            PageHinkley detector = new PageHinkley();
            double[] stream = gaussianShift(seed, 0.5, 0.6, 0.1, CHANGE, 10_000);
            int at = 0;
            while (detector.add(stream[at]) != DriftSignal.DRIFT) {
                at++;
            }
            long newInputs = at - CHANGE + 1;
            errors[seed - 1] = detector.changeAgo().orElseThrow() - newInputs;
        }
        assertThat(boxed(errors)).allMatch(error -> error >= -50 && error <= 400);
        assertThat(median(errors)).isLessThanOrEqualTo(50);
    }

    @Test
    void raisesNothingBeforeItsMinimumInstancesThenRestartsAfterADrift() {
        PageHinkley detector = new PageHinkley(new PageHinkleyParameters(0, 1, 1, 30));
        for (int i = 0; i < 10; i++) {
            assertThat(detector.add(0)).isEqualTo(DriftSignal.NONE);
        }
        for (int i = 10; i < 29; i++) {
            assertThat(detector.add(100)).as("input %d", i + 1).isEqualTo(DriftSignal.NONE);
        }

        assertThat(detector.add(100)).isEqualTo(DriftSignal.DRIFT);
        assertThat(detector.changeAgo()).hasValue(20);
        assertThat(detector.mean()).isZero();
        assertThat(detector.add(100)).isEqualTo(DriftSignal.NONE);
        assertThat(detector.drifts()).isEqualTo(1);
        assertThat(detector.seen()).isEqualTo(31);
    }

    @Test
    void resetForgetsEverything() {
        PageHinkley detector = new PageHinkley();
        drifts(detector, gaussianShift(1, 0.5, 0.7, 0.1, CHANGE, 1_000));
        assertThat(detector.changeAgo()).isPresent();

        detector.reset();

        assertThat(detector.seen()).isZero();
        assertThat(detector.drifts()).isZero();
        assertThat(detector.changeAgo()).isEmpty();
        assertThat(detector.statistic()).isZero();
    }

    /** Siegmund's corrected diffusion approximation of a CUSUM's average run length, for a drift per input. */
    private static double siegmundRunLength(double drift, double sigma) {
        double d = drift / sigma;
        double b = LAMBDA / sigma + 1.166;
        return (Math.exp(-2 * b * d) + 2 * b * d - 1) / (2 * d * d);
    }

    @Test
    void refusesAnInfiniteLoss() {
        assertThatThrownBy(() -> new PageHinkley().add(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
    }
}
