package dev.samuel.cli.demo;

import dev.samuel.cli.demo.DemoReport.Detection;
import dev.samuel.cli.demo.DemoReport.Drift;
import dev.samuel.contracts.job.JobRecord.DataStart;
import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The drift as the demo made it and as the platform saw it: the event from which the concept changed, where the
 * first labels of the new concept landed in the model's train and test topics (read back from the judged examples,
 * which say where their labels are), and the detections on {@code samuel.drift}, each with how many judged examples
 * of the new concept its detector had read. Thread-safe.
 */
final class DriftStory {

    private final Instant started;
    private final Map<Integer, BitSet> afterDriftByVersion = new HashMap<>();
    private final Map<Integer, Integer> judgedByVersion = new HashMap<>();
    private final Map<String, Long> firstLabels = new TreeMap<>();
    private final List<DriftEvent> events = new ArrayList<>();
    private Instant driftAt;
    private long firstEvent = -1;

    DriftStory(Instant started) {
        this.started = started;
    }

    synchronized void conceptChanged(long firstEvent, Instant at) {
        if (this.firstEvent < 0) {
            this.firstEvent = firstEvent;
            this.driftAt = at;
        }
    }

    /** Whether the event of this index was sent after the concept changed. */
    synchronized boolean afterDrift(long event) {
        return firstEvent >= 0 && event >= firstEvent;
    }

    /** A judged example, in the order of the performance topic (the order the drift watch reads). */
    synchronized void judged(PerformanceRecord result, boolean afterDrift) {
        int ordinal = judgedByVersion.merge(result.version(), 1, Integer::sum) - 1;
        if (afterDrift) {
            afterDriftByVersion.computeIfAbsent(result.version(), v -> new BitSet()).set(ordinal);
            firstLabels.merge(DataStart.key(result.topic(), result.partition()), result.offset(), Math::min);
        }
    }

    synchronized void detected(DriftEvent event) {
        events.add(event);
    }

    synchronized Optional<Drift> drift() {
        return driftAt == null ? Optional.empty() : Optional.of(new Drift(driftAt, Duration.between(started, driftAt),
                firstEvent, Map.copyOf(firstLabels)));
    }

    synchronized List<DriftEvent> events() {
        return List.copyOf(events);
    }

    /** The first detection of kind drift on the error stream after the concept changed. */
    synchronized Optional<Detection> detection() {
        if (driftAt == null) {
            return Optional.empty();
        }
        return events.stream()
                .filter(e -> DriftEvent.DRIFT.equals(e.kind()) && DriftEvent.ERROR.equals(e.stream())
                        && !e.detectedAt().isBefore(driftAt))
                .findFirst().map(e -> new Detection(e, Duration.between(driftAt, e.detectedAt()),
                        judgedAfterDrift(e.version(), e.examples())));
    }

    /** Of a version's first {@code examples} judged examples, those of events sent after the drift; -1: not read yet. */
    private long judgedAfterDrift(int version, long examples) {
        if (judgedByVersion.getOrDefault(version, 0) < examples) {
            return -1;
        }
        var after = afterDriftByVersion.get(version);
        return after == null ? 0 : after.get(0, (int) examples).cardinality();
    }
}
