package dev.samuel.bench.drift;

import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalLong;

/**
 * The figures of a run, from the platform's outputs alone: for each change, the error stream of the version that
 * served it (its judged examples in the order its drift watch read them), where the change begins in that stream and
 * where it is counted from (its middle, for a gradual one), and the platform's first alarm after the change begins.
 */
final class DriftFigures {

    /**
     * One change as the benchmark made it: the version serving, its first event, whence the delay counts, when it
     * was made, and the version's accuracy over its last judged examples just before.
     */
    record Change(String kind, int version, long firstEvent, long countedFrom, long epochMillis, double level) {
    }

    /** A change read back: the version's error stream, the positions of the change, the platform's delay. */
    record Seen(Change change, double[] errors, int start, int counted, OptionalLong delay) {
    }

    private final List<PerformanceRecord> results;
    private final List<DriftEvent> drifts;

    DriftFigures(List<PerformanceRecord> results, List<DriftEvent> drifts) {
        this.results = results;
        this.drifts = drifts;
    }

    Seen seen(Change change) {
        var mine = results.stream().filter(r -> r.version() == change.version()).toList();
        double[] errors = mine.stream().mapToDouble(r -> r.error() == null ? 0 : r.error()).toArray();
        int start = firstAtOrAfter(mine, change.firstEvent());
        int counted = firstAtOrAfter(mine, change.countedFrom());
        var alarm = drifts.stream().filter(d -> d.version() == change.version() && d.kind().equals(DriftEvent.DRIFT)
                && d.stream().equals(DriftEvent.ERROR) && d.examples() - 1 >= start).findFirst();
        return new Seen(change, errors, start, counted,
                alarm.map(d -> OptionalLong.of(d.examples() - counted)).orElse(OptionalLong.empty()));
    }

    /**
     * Seconds from the change until the newest version's accuracy over its last {@code window} judged examples is
     * within {@code points} of {@code level}, by the label time of the example that brings it there; -1 if never.
     */
    double recoverySeconds(Change change, double level, int window, double points) {
        var recent = new HashMap<Integer, ArrayDeque<Boolean>>();
        var hits = new HashMap<Integer, Integer>();
        for (var result : results) {
            var last = recent.computeIfAbsent(result.version(), v -> new ArrayDeque<>());
            boolean hit = Boolean.TRUE.equals(result.correct());
            last.addLast(hit);
            hits.merge(result.version(), hit ? 1 : 0, Integer::sum);
            if (last.size() > window) {
                hits.merge(result.version(), last.removeFirst() ? -1 : 0, Integer::sum);
            }
            if (result.version() > change.version() && last.size() == window
                    && hits.get(result.version()) / (double) window >= level - points
                    && eventIndex(result) >= change.firstEvent()) {
                return (result.labelledAt().toEpochMilli() - change.epochMillis()) / 1000.0;
            }
        }
        return -1;
    }

    /** For the reference run beside MOA: per change, a line "kind start counted", then the error stream as 0s and 1s. */
    static void write(Path file, List<Seen> seen) throws IOException {
        var lines = new ArrayList<String>();
        for (var s : seen) {
            lines.add(s.change().kind() + " " + s.start() + " " + s.counted());
            var bits = new StringBuilder(s.errors().length);
            for (double error : s.errors()) {
                bits.append(error > 0.5 ? '1' : '0');
            }
            lines.add(bits.toString());
        }
        Files.write(file, lines);
    }

    static long eventIndex(PerformanceRecord result) {
        return Long.parseLong(result.id().substring(2));
    }

    private static int firstAtOrAfter(List<PerformanceRecord> mine, long event) {
        for (int i = 0; i < mine.size(); i++) {
            if (eventIndex(mine.get(i)) >= event) {
                return i;
            }
        }
        return mine.size();
    }
}
