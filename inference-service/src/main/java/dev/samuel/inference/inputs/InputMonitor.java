package dev.samuel.inference.inputs;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.monitoring.InputSummary;
import dev.samuel.contracts.spec.Monitoring.InputDrift;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One served version's inputs against its training data's: the PSI of each feature over the last {@code window}
 * scored events, computed every tenth of a window once the window is full (a shift is seen as soon as enough of the
 * window has moved, not up to two windows later). The largest PSI above {@code threshold} is a drift, said once; it
 * is said again only after the PSI stayed below the threshold for a whole window of evaluations, so the overlapping
 * windows of one shift, whose PSI wavers about the line while it builds up, say it once. With {@code retrain}, the
 * first drift also asks for a job on the data from the window's first event, once per served version.
 *
 * <p>What it said is undone when the transaction that carried it aborts ({@link #rollback()}): the poll is scored
 * again, so the window is emptied (it would count those events twice) and the alarm and the job are as committed.
 */
final class InputMonitor {

    /** One evaluation: every feature's PSI, and the drift events and job request it made (none, mostly). */
    record Evaluation(double[] psi, List<DriftEvent> events, JobRecord job) {
    }

    private final String model;
    private final int version;
    private final InputDrift settings;
    private final List<String> names;
    private final BinWindow window;
    private final int stride;
    private final int quietToRearm;
    private long observed;
    private int sinceEvaluation;
    private boolean alarmed;
    private int quiet;
    private boolean retrained;
    private boolean committedAlarm;
    private int committedQuiet;
    private boolean committedRetrain;

    /**
     * @param names     the features' names, in the order the network reads them (the spec's, else their indices)
     * @param retrained whether this version already asked for its job (a monitor rebuilt for new settings)
     */
    InputMonitor(String model, int version, InputSummary summary, InputDrift settings, List<String> names,
                 boolean retrained) {
        this.model = model;
        this.version = version;
        this.settings = settings;
        this.names = List.copyOf(names);
        this.window = new BinWindow(summary, settings.window());
        this.stride = Math.max(1, settings.window() / 10);
        this.quietToRearm = (settings.window() + stride - 1) / stride;
        // The first evaluation is on the event that fills the window.
        this.sinceEvaluation = stride - 1;
        this.retrained = retrained;
        this.committedRetrain = retrained;
    }

    int version() {
        return version;
    }

    InputDrift settings() {
        return settings;
    }

    List<String> names() {
        return names;
    }

    boolean retrained() {
        return committedRetrain;
    }

    /** Reads one scored event; an evaluation when one is due, else null. */
    Evaluation observe(float[] features, long timestamp, Clock clock) {
        window.add(features, timestamp);
        observed++;
        if (!window.isFull() || ++sinceEvaluation < stride) {
            return null;
        }
        sinceEvaluation = 0;
        var psi = window.psi();
        int top = 0;
        for (int f = 1; f < psi.length; f++) {
            if (psi[f] > psi[top]) {
                top = f;
            }
        }
        if (psi.length == 0 || psi[top] <= settings.threshold()) {
            if (alarmed && ++quiet >= quietToRearm) {
                alarmed = false;
            }
            return new Evaluation(psi, List.of(), null);
        }
        quiet = 0;
        if (alarmed) {
            return new Evaluation(psi, List.of(), null);
        }
        alarmed = true;
        var now = clock.instant();
        var events = new ArrayList<DriftEvent>();
        var start = Instant.ofEpochMilli(window.firstTimestamp());
        events.add(event(DriftEvent.DRIFT, now, start, null, top, psi[top]));
        JobRecord job = null;
        if (settings.retrain() && !retrained) {
            retrained = true;
            job = JobRecord.requested(UUID.randomUUID().toString(), model, InputMonitors.TRIGGER, now,
                    JobRecord.DataStart.at(start));
            events.add(event(DriftEvent.RETRAIN, now, start, job.id(), top, psi[top]));
        }
        return new Evaluation(psi, events, job);
    }

    private DriftEvent event(String kind, Instant now, Instant start, String jobId, int feature, double psi) {
        return new DriftEvent(model, version, kind, DriftEvent.PSI, DriftEvent.INPUT, now, observed, settings.window(),
                Map.of(), start, jobId, names.get(feature), psi);
    }

    /** What the monitor said is in a committed transaction. */
    void commit() {
        committedAlarm = alarmed;
        committedQuiet = quiet;
        committedRetrain = retrained;
    }

    /** The transaction aborted: its events are scored again, so they leave the window, and what it said is unsaid. */
    void rollback() {
        alarmed = committedAlarm;
        quiet = committedQuiet;
        retrained = committedRetrain;
        window.clear();
        sinceEvaluation = stride - 1;
    }
}
