package dev.samuel.cli.demo;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How right the served models are about the generator's truth: over the most recent predictions, and per stage
 * of the demo and model version, for the summary. Thread-safe.
 */
public final class Accuracy {

    private static final int RECENT = 200;

    /** Predictions and correct ones of one stage and version. */
    public record Tally(String stage, int version, long predictions, long correct) {
        public double accuracy() {
            return predictions == 0 ? Double.NaN : (double) correct / predictions;
        }
    }

    private final ArrayDeque<Boolean> recent = new ArrayDeque<>();
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private int recentCorrect;

    synchronized void record(String stage, int version, boolean correct) {
        recent.addLast(correct);
        recentCorrect += correct ? 1 : 0;
        if (recent.size() > RECENT) {
            recentCorrect -= recent.removeFirst() ? 1 : 0;
        }
        tallies.merge(stage + "#" + version, new Tally(stage, version, 1, correct ? 1 : 0),
                (a, b) -> new Tally(a.stage(), a.version(), a.predictions() + 1, a.correct() + b.correct()));
    }

    /** Accuracy of the last (up to) 200 predictions, NaN before the first. */
    synchronized double recent() {
        return recent.isEmpty() ? Double.NaN : (double) recentCorrect / recent.size();
    }

    synchronized long predictions(String stage, int version) {
        var tally = tallies.get(stage + "#" + version);
        return tally == null ? 0 : tally.predictions();
    }

    synchronized List<Tally> tallies() {
        return List.copyOf(tallies.values());
    }
}
