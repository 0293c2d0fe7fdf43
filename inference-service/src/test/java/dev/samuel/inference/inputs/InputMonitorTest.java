package dev.samuel.inference.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.monitoring.InputSummary;
import dev.samuel.contracts.spec.Monitoring.InputDrift;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One version's input monitor without Kafka: when it speaks, how often, and what an aborted transaction unsays. */
class InputMonitorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final InputSummary SUMMARY;

    static {
        var random = new Random(1);
        var rows = new ArrayList<float[]>();
        for (int i = 0; i < 5000; i++) {
            rows.add(new float[] {random.nextFloat(), random.nextFloat()});
        }
        SUMMARY = InputSummary.of(rows).orElseThrow();
    }

    private final Random random = new Random(2);
    private long time;

    private InputMonitor monitor(boolean retrain) {
        return new InputMonitor("m", 3, SUMMARY, new InputDrift(100, 0.25, retrain), List.of("x", "y"), false);
    }

    /** Feeds {@code count} events, feature y moved by {@code shift}; returns the events said. */
    private List<DriftEvent> feed(InputMonitor monitor, int count, float shift, List<InputMonitor.Evaluation> seen) {
        var said = new ArrayList<DriftEvent>();
        for (int i = 0; i < count; i++) {
            var evaluation = monitor.observe(new float[] {random.nextFloat(), random.nextFloat() + shift}, time++, CLOCK);
            if (evaluation != null) {
                seen.add(evaluation);
                said.addAll(evaluation.events());
            }
        }
        return said;
    }

    @Test
    void itEvaluatesEveryTenthOfAWindowOnceTheWindowIsFull() {
        var seen = new ArrayList<InputMonitor.Evaluation>();

        assertThat(feed(monitor(false), 99, 0, seen)).isEmpty();
        assertThat(seen).isEmpty();
        var monitor = monitor(false);
        feed(monitor, 300, 0, seen);

        assertThat(seen).hasSize(21);
        assertThat(seen).allSatisfy(e -> assertThat(e.psi()).hasSize(2));
    }

    @Test
    void aShiftIsSaidOnceAndAgainOnlyAfterItEnded() {
        var monitor = monitor(false);
        var seen = new ArrayList<InputMonitor.Evaluation>();

        assertThat(feed(monitor, 300, 0, seen)).isEmpty();
        var shifted = feed(monitor, 500, 0.5f, seen);
        assertThat(shifted).hasSize(1);
        assertThat(shifted.get(0).feature()).isEqualTo("y");
        assertThat(shifted.get(0).kind()).isEqualTo(DriftEvent.DRIFT);
        assertThat(shifted.get(0).changeTimestamp()).isAfter(Instant.ofEpochMilli(299 - 100));
        assertThat(feed(monitor, 300, 0, seen)).isEmpty();
        assertThat(feed(monitor, 300, 0.5f, seen)).hasSize(1);
    }

    @Test
    void aBriefReturnBelowTheLineIsTheSameShift() {
        var monitor = monitor(false);
        var seen = new ArrayList<InputMonitor.Evaluation>();

        assertThat(feed(monitor, 300, 0.5f, seen)).hasSize(1);
        // Back for a little more than a window: the PSI falls below the line for a few evaluations, not a window's.
        var back = new ArrayList<InputMonitor.Evaluation>();
        assertThat(feed(monitor, 130, 0, back)).isEmpty();
        assertThat(java.util.Arrays.stream(back.get(back.size() - 1).psi()).max().orElseThrow()).isLessThan(0.25);
        assertThat(feed(monitor, 300, 0.5f, seen)).isEmpty();
    }

    @Test
    void aRetrainIsAskedForOncePerVersion() {
        var monitor = monitor(true);
        var seen = new ArrayList<InputMonitor.Evaluation>();

        var first = feed(monitor, 300, 0.5f, seen);
        monitor.commit();
        feed(monitor, 300, 0, seen);
        var second = feed(monitor, 300, 0.5f, seen);

        assertThat(first).extracting(DriftEvent::kind).containsExactly(DriftEvent.DRIFT, DriftEvent.RETRAIN);
        assertThat(seen.stream().filter(e -> e.job() != null)).hasSize(1);
        assertThat(first.get(1).jobId()).isEqualTo(seen.stream().filter(e -> e.job() != null).findFirst()
                .orElseThrow().job().id());
        assertThat(second).extracting(DriftEvent::kind).containsExactly(DriftEvent.DRIFT);
        assertThat(monitor.retrained()).isTrue();
    }

    @Test
    void anAbortedTransactionUnsaysItsDriftAndItsJob() {
        var monitor = monitor(true);
        var seen = new ArrayList<InputMonitor.Evaluation>();
        assertThat(feed(monitor, 300, 0, seen)).isEmpty();
        monitor.commit();

        assertThat(feed(monitor, 300, 0.5f, seen)).hasSize(2);
        monitor.rollback();

        // The poll is scored again: the window fills anew and the drift and its job are said again.
        seen.clear();
        assertThat(feed(monitor, 99, 0.5f, seen)).isEmpty();
        assertThat(seen).isEmpty();
        assertThat(feed(monitor, 1, 0.5f, seen)).extracting(DriftEvent::kind)
                .containsExactly(DriftEvent.DRIFT, DriftEvent.RETRAIN);
    }
}
