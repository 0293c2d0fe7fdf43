package dev.samuel.cli.demo;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often the served models were right, per stage of the demo and model version, and over the most recent
 * results: the platform's own judgement (each labelled example judged on {@code M.performance}) or the generator's
 * truth about each prediction. Thread-safe.
 */
public final class Accuracy {

    private static final int RECENT = 200;

    /**
     * Results and right ones of one stage and version.
     *
     * @param prequential how many of them were judged without a prediction waiting (the champion of the moment
     *                    scored the label when it arrived); 0 for the truth about predictions
     */
    public record Tally(String stage, int version, long count, long correct, long prequential) {
        public double accuracy() {
            return count == 0 ? Double.NaN : (double) correct / count;
        }

        Tally plus(Tally other) {
            return new Tally(stage, version, count + other.count, correct + other.correct,
                    prequential + other.prequential);
        }
    }

    private final ArrayDeque<Boolean> recent = new ArrayDeque<>();
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private int recentCorrect;

    synchronized void record(String stage, int version, boolean correct, boolean prequential) {
        recent.addLast(correct);
        recentCorrect += correct ? 1 : 0;
        if (recent.size() > RECENT) {
            recentCorrect -= recent.removeFirst() ? 1 : 0;
        }
        tallies.merge(stage + "#" + version, new Tally(stage, version, 1, correct ? 1 : 0, prequential ? 1 : 0),
                Tally::plus);
    }

    /** Accuracy of the last (up to) 200 results, NaN before the first. */
    synchronized double recent() {
        return recent.isEmpty() ? Double.NaN : (double) recentCorrect / recent.size();
    }

    synchronized long count(String stage, int version) {
        var tally = tallies.get(stage + "#" + version);
        return tally == null ? 0 : tally.count();
    }

    /** Results of one stage and version judged against a prediction that waited for its label. */
    synchronized long joined(String stage, int version) {
        var tally = tallies.get(stage + "#" + version);
        return tally == null ? 0 : tally.count() - tally.prequential();
    }

    synchronized List<Tally> tallies() {
        return List.copyOf(tallies.values());
    }
}
