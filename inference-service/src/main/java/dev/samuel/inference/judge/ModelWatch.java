package dev.samuel.inference.judge;

import dev.samuel.contracts.job.JobRecord.DataStart;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.monitoring.DriftEvent;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import dev.samuel.contracts.spec.Monitoring;
import dev.samuel.drift.DriftDetector;
import dev.samuel.drift.DriftSettings;
import dev.samuel.drift.DriftSignal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One model's served version as its judged examples show it: the detectors on its error and loss, its realised
 * windows, and the retraining a drift asks for. It watches the newest version it has seen; examples of an older one
 * (labels still coming for the predictions made before a swap) are counted but not watched. A drift of the error
 * detector requests one job (trigger {@code drift}) once {@code driftMinExamples} examples followed the change
 * point, its data starting there; then no drift requests another job until a newer version has been watched for
 * {@code driftCooldown} examples.
 */
final class ModelWatch {

    /** What one example made the watch say: drift events and at most one job request. */
    record Said(List<DriftEvent> events, JobRecord job) {
    }

    private final String model;
    private final Monitoring monitoring;
    private final DriftDetector errors;
    private final DriftDetector losses;
    private final String errorDetector;
    private final String lossDetector;
    private final ChangeSources sources;
    private RealisedWindow recent;
    private RealisedWindow timed;
    private int version = -1;
    private long watched;
    private DriftEvent pendingRetrain;
    private int coolingFrom = -1;
    private final HoldoutPromise promise;
    private boolean belowPromise;

    ModelWatch(String model, Monitoring monitoring, int sourceCapacity, HoldoutPromise promise) {
        this.model = model;
        this.promise = promise;
        this.monitoring = monitoring;
        var errorSettings = DriftSettings.of(monitoring.drift());
        var lossSettings = DriftSettings.of(monitoring.lossDrift());
        this.errors = errorSettings.newDetector();
        this.losses = lossSettings.newDetector();
        this.errorDetector = errorSettings.detector();
        this.lossDetector = lossSettings.detector();
        this.sources = new ChangeSources(sourceCapacity);
        newVersion(-1);
    }

    int version() {
        return version;
    }

    RealisedWindow recent() {
        return recent;
    }

    RealisedWindow timed() {
        return timed;
    }

    /** Reads one judged example; null when it is of an older version than the one watched. */
    Said observe(PerformanceRecord result, Instant now) {
        if (result.version() < version) {
            return null;
        }
        if (result.version() > version) {
            newVersion(result.version());
        }
        watched++;
        // Before the detectors: the example that ends the cool-down may be the one that finds the next drift.
        if (coolingFrom >= 0 && version > coolingFrom && watched >= monitoring.driftCooldown()) {
            coolingFrom = -1;
        }
        sources.add(result);
        long time = result.labelledAt().toEpochMilli();
        double correct = result.correct() == null ? Double.NaN : result.correct() ? 1 : 0;
        recent.add(time, result.loss(), correct);
        timed.add(time, result.loss(), correct);
        var events = new ArrayList<DriftEvent>();
        if (result.error() != null && errors.add(result.error()) == DriftSignal.DRIFT) {
            retrainOn(events, detection(errors, errorDetector, DriftEvent.ERROR, now));
        }
        if (!belowPromise && promise.isBelow(version, recent)) {
            belowPromise = true;
            retrainOn(events, holdoutGap(now));
        }
        if (losses.add(result.loss()) == DriftSignal.DRIFT) {
            events.add(detection(losses, lossDetector, DriftEvent.LOSS, now));
        }
        JobRecord job = retrainIfReady(now, events);
        return new Said(events, job);
    }

    /** A drift of the error: reported, and the one a job is asked for unless one is asked for already. */
    private void retrainOn(List<DriftEvent> events, DriftEvent drift) {
        events.add(drift);
        if (monitoring.retrainOnDrift() && pendingRetrain == null && coolingFrom < 0) {
            pendingRetrain = drift;
        }
    }

    /**
     * A version that serves worse than its holdout said from its first result has no change in its error for a
     * detector to see (a job trained in the middle of a gradual change, say); the whole window is the new concept.
     */
    private DriftEvent holdoutGap(Instant now) {
        long ago = recent.count();
        DataStart start = sources.startOfLast(ago);
        return new DriftEvent(model, version, DriftEvent.DRIFT, HoldoutPromise.DETECTOR, DriftEvent.ERROR, now,
                watched, ago, start.offsets(), start.timestamp(), null);
    }

    private JobRecord retrainIfReady(Instant now, List<DriftEvent> events) {
        if (pendingRetrain == null) {
            return null;
        }
        long after = pendingRetrain.changeAgo() + (watched - pendingRetrain.examples());
        if (after < monitoring.driftMinExamples()) {
            return null;
        }
        DataStart start = sources.startOfLast(after);
        var job = JobRecord.requested(UUID.randomUUID().toString(), model, JobRecord.DRIFT, now, start);
        events.add(new DriftEvent(model, version, DriftEvent.RETRAIN, pendingRetrain.detector(),
                pendingRetrain.stream(), now, watched, after, start.offsets(), start.timestamp(), job.id()));
        pendingRetrain = null;
        coolingFrom = version;
        return job;
    }

    private DriftEvent detection(DriftDetector detector, String name, String stream, Instant now) {
        long ago = detector.changeAgo().orElse(0);
        DataStart start = sources.startOfLast(ago);
        return new DriftEvent(model, version, DriftEvent.DRIFT, name, stream, now, watched, ago, start.offsets(),
                start.timestamp(), null);
    }

    private void newVersion(int next) {
        version = next;
        watched = 0;
        errors.reset();
        losses.reset();
        sources.clear();
        pendingRetrain = null;
        belowPromise = false;
        recent = RealisedWindow.ofExamples(monitoring.window());
        timed = RealisedWindow.ofMillis(monitoring.windowTime().toMillis());
    }
}
