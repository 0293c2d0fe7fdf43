package dev.samuel.drift;

import static dev.samuel.drift.AdwinTest.boxed;
import static dev.samuel.drift.AdwinTest.median;
import static dev.samuel.drift.ErrorStreams.bernoulli;
import static dev.samuel.drift.ErrorStreams.drifts;
import static dev.samuel.drift.ErrorStreams.firstDriftFrom;
import static dev.samuel.drift.ErrorStreams.piecewise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DdmTest {

    /**
     * MOA 2024.07.0's {@code DDM} alarms at exactly these inputs of the same streams (drift-reference's
     * {@code ReferenceAlarms}); on 9 streams in 200 of this kind the two differ, by MOA's minimum starting one input
     * earlier (see {@link Ddm}).
     */
    @Test
    void alarmsAtTheInputsWhereMoasDdmAlarms() {
        assertThat(drifts(new Ddm(), piecewise(1, 10_000, 0.1, 0.3))).containsExactly(15595, 15692);
        assertThat(drifts(new Ddm(), piecewise(2, 10_000, 0.1, 0.3))).containsExactly(10921);
        assertThat(drifts(new Ddm(), piecewise(3, 10_000, 0.1, 0.3))).containsExactly(94, 10809);
        assertThat(drifts(new Ddm(), bernoulli(3, 0.1, 100_000))).containsExactly(94);
    }

    /**
     * A jump from 10 % to 30 % after 2,000 inputs. p_i is the error rate since the (re)start, and s_min is about
     * sqrt(0.09 / 2,000) = 0.0067: the drift level is passed once p_i has risen by about 2 s_min, which
     * 0.2 n / (2,000 + n) reaches at about n = 150 new inputs. Half the seeds detect within 300; every seed within
     * 1,500, the slowest being those whose p_min was set low by a lucky stretch.
     */
    @Test
    void anAbruptRiseIsDetected() {
        long[] delays = new long[30];
        for (int seed = 1; seed <= 30; seed++) {
            long[] alarms = drifts(new Ddm(), piecewise(seed, 2_000, 0.1, 0.3, 0.3, 0.3, 0.3));
            delays[seed - 1] = firstDriftFrom(alarms, 2_000) - 2_000;
        }
        assertThat(boxed(delays)).allMatch(delay -> delay >= 0 && delay <= 1_500);
        assertThat(median(delays)).isLessThanOrEqualTo(300);
    }

    /**
     * DDM has no bound on false alarms (its test runs at every input, on a minimum that only falls): on stationary
     * streams at 10 % it raises fewer than one per 100,000 inputs on average, mostly in the first few hundred
     * inputs after a start, while s_min is still rough.
     */
    @Test
    void raisesFewFalseAlarmsOnAStationaryStream() {
        long alarms = 0;
        for (long seed = 1; seed <= 10; seed++) {
            alarms += drifts(new Ddm(), bernoulli(seed, 0.1, 100_000)).length;
        }
        assertThat(alarms).isLessThanOrEqualTo(10);
    }

    /**
     * The paper's new context starts at the warning: the change point is the first input of the last warning run.
     * That is only as good as the warning: on this stream p_min was set by a stretch of few errors early on, and
     * the warning ran from input 921 on, 9,000 inputs before the change.
     */
    @Test
    void warnsBeforeItDriftsAndPlacesTheChangeAtTheWarning() {
        Ddm ddm = new Ddm();
        double[] stream = piecewise(2, 10_000, 0.1, 0.3);
        long warningStart = -1;
        int at = 0;
        for (DriftSignal signal = ddm.add(stream[0]); signal != DriftSignal.DRIFT; signal = ddm.add(stream[++at])) {
            warningStart = signal == DriftSignal.WARNING ? (warningStart < 0 ? at : warningStart) : -1;
        }

        assertThat(at).isEqualTo(10921);
        assertThat(warningStart).isEqualTo(921);
        assertThat(ddm.changeAgo()).hasValue(at - warningStart + 1);
        assertThat(ddm.errorRate()).isZero();
    }

    /** As MOA's: nothing before the 30th input; a stream without an error by then drifts at its first error. */
    @Test
    void waitsForItsMinimumInstancesAndThenForTheFirstError() {
        Ddm ddm = new Ddm();
        for (int i = 0; i < 29; i++) {
            assertThat(ddm.add(i < 20 ? 0 : 1)).isEqualTo(DriftSignal.NONE);
        }
        ddm.reset();
        for (int i = 0; i < 40; i++) {
            assertThat(ddm.add(0)).isEqualTo(DriftSignal.NONE);
        }
        assertThat(ddm.add(1)).isEqualTo(DriftSignal.DRIFT);
    }

    @Test
    void refusesAnythingButAnErrorRate() {
        assertThatThrownBy(() -> new Ddm().add(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new Ddm().add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
