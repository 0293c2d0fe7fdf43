package dev.samuel.drift;

import static dev.samuel.drift.ErrorStreams.bernoulli;
import static dev.samuel.drift.ErrorStreams.drifts;
import static dev.samuel.drift.ErrorStreams.firstDriftFrom;
import static dev.samuel.drift.ErrorStreams.gradual;
import static dev.samuel.drift.ErrorStreams.piecewise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdwinTest {

    private static final int CHANGE = 10_000;

    /**
     * Theorem 3 (1) of Bifet and Gavaldà 2007: on a stationary stream, each cut test shrinks the window with
     * probability at most delta. With a test every 32 inputs, 100,000 inputs are 3,125 tests, so at most
     * 0.002 * 3,125 = 6.25 false alarms are expected per stream; the bound is loose (Bernstein's inequality), and
     * ten seeds at either rate give none at all.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3})
    void aStationaryStreamRaisesNoMoreAlarmsThanDeltaPerTest(double rate) {
        long tests = 100_000 / 32;
        for (long seed = 1; seed <= 10; seed++) {
            Adwin adwin = new Adwin();
            long[] alarms = drifts(adwin, bernoulli(seed, rate, 100_000));

            assertThat(alarms.length).as("seed %d", seed).isLessThanOrEqualTo((int) (0.002 * tests));
            assertThat(alarms).as("seed %d", seed).isEmpty();
            assertThat(adwin.width()).isEqualTo(100_000);
            assertThat(adwin.mean()).isCloseTo(rate, within(0.005));
        }
    }

    /** The benchmark's stationary stream: 1,000,000 inputs at 10 %; MOA's ADWIN raises no alarm on it either. */
    @Test
    void aMillionStationaryInputsRaiseNoAlarm() {
        Adwin adwin = new Adwin();

        assertThat(drifts(adwin, bernoulli(1, 0.1, 1_000_000))).isEmpty();
        // Memory is O(M log(W / M)) buckets: M = 5 per row, rows up to log2(W / M) + 1.
        assertThat(adwin.buckets()).isLessThanOrEqualTo((int) (5 * (Math.log(1_000_000 / 5.0) / Math.log(2) + 2)));
    }

    /**
     * MOA 2024.07.0's {@code ADWIN} (the paper's first author's implementation) alarms at exactly these inputs of
     * the same streams (drift-reference's {@code ReferenceAlarms}, bench/drift-detectors.sh --reference): three
     * streams of abrupt changes, and the first of 200 stationary streams at 30 % on which it raises false alarms.
     */
    @Test
    void alarmsAtTheInputsWhereMoasAdwinAlarms() {
        assertThat(drifts(new Adwin(), piecewise(1, 20_000, 0.1, 0.3, 0.1, 0.3))).containsExactly(
                20159, 20191, 20223, 20255, 20319, 20543, 40191, 40223, 60095, 60127, 60159, 60191, 60255, 60415,
                63839);
        assertThat(drifts(new Adwin(), piecewise(2, 20_000, 0.1, 0.3, 0.1, 0.3))).containsExactly(
                20095, 20127, 40191, 40223, 40287, 40479, 60159, 60191, 60223, 60255, 60319, 61247);
        assertThat(drifts(new Adwin(), piecewise(3, 20_000, 0.1, 0.3, 0.1, 0.3))).containsExactly(
                20127, 20159, 20191, 20223, 20255, 40191, 40223, 60095, 60159, 60223, 60255, 60287);
        assertThat(drifts(new Adwin(), bernoulli(13, 0.3, 100_000))).containsExactly(53055, 53375, 53535);
    }

    /**
     * A jump from 10 % to 30 % after 10,000 inputs. The cut holds once epsilon_cut falls below the gap of 0.2: with
     * n0 = 10,000, a variance about 0.1 and ln(2 ln W / delta) about 9.1, that is at n1 of about 100 new inputs,
     * detected at the next test (up to 32 later). By n1 = 268 epsilon_cut is 0.11, and the newer part's mean would
     * have to be 3.2 standard deviations below 0.3 to miss it: so every seed within 300 inputs, half within 160.
     */
    @Test
    void anAbruptRiseIsDetectedWithinThreeHundredInputs() {
        long[] delays = new long[50];
        for (int seed = 1; seed <= 50; seed++) {
            long[] alarms = drifts(new Adwin(), piecewise(seed, CHANGE, 0.1, 0.3));

            assertThat(boxed(alarms)).as("seed %d: no alarm before the change", seed).allMatch(at -> at >= CHANGE);
            delays[seed - 1] = firstDriftFrom(alarms, CHANGE) - CHANGE;
        }
        assertThat(boxed(delays)).allMatch(delay -> delay >= 0 && delay <= 300);
        assertThat(median(delays)).isBetween(64L, 160L);
    }

    /**
     * A linear rise from 10 % to 30 % over 2,000 inputs, from input 10,000. At the ramp's middle its inputs so far
     * average 0.15, a gap of 0.05, about epsilon_cut for n1 = 1,000 (0.052): detection is expected near the
     * middle. 500 inputs later the gap is 0.075 against an epsilon_cut of 0.042, 3.6 standard deviations of the
     * newer part's mean: every seed detects between the ramp's start and 500 inputs after its middle.
     */
    @Test
    void aGradualRiseIsDetectedWithinFiveHundredInputsOfItsMiddle() {
        long middle = CHANGE + 1_000;
        for (int seed = 1; seed <= 50; seed++) {
            long[] alarms = drifts(new Adwin(), gradual(seed, 0.1, 0.3, CHANGE, 2_000, 8_000));

            assertThat(boxed(alarms)).as("seed %d", seed).isNotEmpty().allMatch(at -> at >= CHANGE);
            assertThat(alarms[0]).as("seed %d", seed).isLessThanOrEqualTo(middle + 500);
        }
    }

    /**
     * The change point is the most significant split at the first cut, not the window ADWIN keeps (which still
     * holds most of the old inputs at the first alarm): within a few buckets of the true change.
     */
    @Test
    void estimatesWhereTheChangeBegan() {
        long[] errors = new long[30];
        for (int seed = 1; seed <= 30; seed++) {
            Adwin adwin = new Adwin();
            double[] stream = piecewise(seed, CHANGE, 0.1, 0.3);
            int at = 0;
            while (adwin.add(stream[at]) != DriftSignal.DRIFT) {
                at++;
            }
            assertThat(at).as("seed %d: the first alarm is the change's", seed).isGreaterThanOrEqualTo(CHANGE);
            long newInputs = at - CHANGE + 1;
            errors[seed - 1] = adwin.changeAgo().orElseThrow() - newInputs;
        }
        assertThat(LongStream.of(errors).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(200);
        assertThat(median(LongStream.of(errors).map(Math::abs).toArray())).isLessThanOrEqualTo(32);
    }

    @Test
    void testsOnlyEveryCheckPeriodInputs() {
        long[] alarms = drifts(new Adwin(), piecewise(4, 5_000, 0.1, 0.5, 0.1, 0.5));

        assertThat(boxed(alarms)).isNotEmpty().allMatch(at -> (at + 1) % 32 == 0);
        assertThat(boxed(drifts(new Adwin(new AdwinParameters(0.002, 5, 1)), piecewise(4, 5_000, 0.1, 0.5, 0.1, 0.5))))
                .anyMatch(at -> (at + 1) % 32 != 0);
    }

    @Test
    void aSmallerDeltaAlarmsLater() {
        double[] stream = piecewise(5, CHANGE, 0.1, 0.3);

        long strict = firstDriftFrom(drifts(new Adwin(AdwinParameters.withDelta(1e-6)), stream), CHANGE);
        long loose = firstDriftFrom(drifts(new Adwin(AdwinParameters.withDelta(0.1)), stream), CHANGE);

        assertThat(strict).isGreaterThan(loose);
    }

    @Test
    void resetForgetsTheWindowAndTheChange() {
        Adwin adwin = new Adwin();
        drifts(adwin, piecewise(1, CHANGE, 0.1, 0.3));
        assertThat(adwin.changeAgo()).isPresent();

        adwin.reset();

        assertThat(adwin.width()).isZero();
        assertThat(adwin.seen()).isZero();
        assertThat(adwin.drifts()).isZero();
        assertThat(adwin.changeAgo()).isEmpty();
    }

    @Test
    void refusesAValueThatWouldPoisonTheWindow() {
        Adwin adwin = new Adwin();

        assertThatThrownBy(() -> adwin.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThat(adwin.seen()).isZero();
    }

    static List<Long> boxed(long[] values) {
        return LongStream.of(values).boxed().toList();
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
