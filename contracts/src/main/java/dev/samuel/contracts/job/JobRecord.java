package dev.samuel.contracts.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;

/**
 * A training job on {@code samuel.jobs}, keyed by its id. A request is a record in state {@code REQUESTED}
 * (written by the cli, the trainer's REST API or its retrain policy); the trainer then rewrites the same key
 * as the job runs. The topic is compacted, so the latest record of a job is its status.
 *
 * @param trigger  what asked for the job: {@code rest}, {@code topic}, {@code retrainEvery}, {@code restart}
 * @param lineage  the end offsets of the train and test topics the job used, and its initialisation
 * @param version  the registered version, once there is one
 * @param decision whether the version was promoted to champion, and why
 * @param message  why the job failed, or which job it joined
 */
public record JobRecord(
        String id,
        String model,
        JobStatus status,
        String trigger,
        Instant requestedAt,
        Instant updatedAt,
        Progress progress,
        Map<String, String> lineage,
        Double testLoss,
        Double testAccuracy,
        Integer version,
        Decision decision,
        String message) {

    public JobRecord {
        lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
    }

    public static JobRecord requested(String id, String model, String trigger, Instant now) {
        return new JobRecord(id, model, JobStatus.REQUESTED, trigger, now, now, null, null, null, null, null, null,
                null);
    }

    public JobRecord running(Progress progress, Map<String, String> lineage, Instant now) {
        return new JobRecord(id, model, JobStatus.RUNNING, trigger, requestedAt, now, progress, lineage, testLoss,
                testAccuracy, version, decision, message);
    }

    public JobRecord evaluated(double loss, double accuracy, Instant now) {
        return new JobRecord(id, model, status, trigger, requestedAt, now, progress, lineage, loss, accuracy, version,
                decision, message);
    }

    public JobRecord succeeded(int registeredVersion, Decision promotion, Instant now) {
        return new JobRecord(id, model, JobStatus.SUCCEEDED, trigger, requestedAt, now, progress, lineage, testLoss,
                testAccuracy, registeredVersion, promotion, message);
    }

    public JobRecord failed(String reason, Instant now) {
        return new JobRecord(id, model, JobStatus.FAILED, trigger, requestedAt, now, progress, lineage, testLoss,
                testAccuracy, version, decision, reason);
    }

    /** A request that arrived while another job of the model waited: that job serves it. */
    public JobRecord joined(String jobId, Instant now) {
        return new JobRecord(id, model, JobStatus.JOINED, trigger, requestedAt, now, progress, lineage, testLoss,
                testAccuracy, version, decision, "joined job " + jobId);
    }

    @JsonIgnore
    public boolean isFinished() {
        return status != JobStatus.REQUESTED && status != JobStatus.RUNNING;
    }

    /** Where a running job is: epoch and step, and the train loss of the latest step. */
    public record Progress(int epoch, int epochs, long step, double trainLoss, double examplesPerSecond) {
    }

    /** The promotion gate's verdict on a registered version. */
    public record Decision(boolean promoted, String reason, Integer championVersion, Double championTestLoss) {
    }
}
