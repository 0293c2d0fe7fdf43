package dev.samuel.contracts.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A training job on {@code samuel.jobs}, keyed by its id. A request is a record in state {@code REQUESTED}
 * (written by the cli, the trainer's REST API, its retrain policies, or another service such as drift detection);
 * the trainer then rewrites the same key as the job runs. The topic is compacted, so the latest record of a job is
 * its status.
 *
 * <p>Triggers, what asked for the job:
 * <ul>
 *   <li>{@code rest}: {@code POST /models/M/jobs} on the trainer ({@code bin/samuel train});</li>
 *   <li>{@code topic}: a {@code REQUESTED} record written to {@code samuel.jobs} by anyone (the trigger is whatever
 *       the writer says; {@code topic} by convention);</li>
 *   <li>{@code retrainEvery}, {@code retrainInterval}: the spec's retrain policies;</li>
 *   <li>{@code firstJob}: the spec's {@code training.minExamples}, a model without a champion that has enough
 *       training examples;</li>
 *   <li>{@code drift}: a change detected in a served model's errors (or a version serving below its holdout's
 *       promise), written to {@code samuel.jobs} by inference's judge, with {@code dataFrom} set to the change point;</li>
 *   <li>{@code inputDrift}: a shift of a served model's inputs, when the spec's {@code monitoring.inputDrift.retrain}
 *       asks for it, written by inference's scoring loop, with {@code dataFrom} at the shifted window's start;</li>
 *   <li>{@code restart}: a job that was running when the trainer stopped, asked for again (with its
 *       {@code dataFrom}).</li>
 * </ul>
 *
 * @param trigger  what asked for the job (above)
 * @param lineage  the end offsets of the train and test topics the job used, and its initialisation
 * @param version  the registered version, once there is one
 * @param decision whether the version was promoted to champion, and why
 * @param message  why the job failed, or which job it joined
 * @param dataFrom where the job's data starts (a change point); null: all the data the trainer holds. Written only
 *                 when set, so a record without it reads as before
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
        String message,
        DataStart dataFrom) {

    /** The trigger of a job asked for because a served model's data drifted; such a job has a {@code dataFrom}. */
    public static final String DRIFT = "drift";

    public JobRecord {
        lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
    }

    /** A record without a data start, as written before {@code dataFrom} existed. */
    public JobRecord(String id, String model, JobStatus status, String trigger, Instant requestedAt, Instant updatedAt,
                     Progress progress, Map<String, String> lineage, Double testLoss, Double testAccuracy,
                     Integer version, Decision decision, String message) {
        this(id, model, status, trigger, requestedAt, updatedAt, progress, lineage, testLoss, testAccuracy, version,
                decision, message, null);
    }

    public static JobRecord requested(String id, String model, String trigger, Instant now) {
        return requested(id, model, trigger, now, null);
    }

    /** A request whose data starts at {@code dataFrom} (null: all the data). */
    public static JobRecord requested(String id, String model, String trigger, Instant now, DataStart dataFrom) {
        return new JobRecord(id, model, JobStatus.REQUESTED, trigger, now, now, null, null, null, null, null, null,
                null, dataFrom);
    }

    public JobRecord running(Progress progress, Map<String, String> lineage, Instant now) {
        return new JobRecord(id, model, JobStatus.RUNNING, trigger, requestedAt, now, progress, lineage, testLoss,
                testAccuracy, version, decision, message, dataFrom);
    }

    public JobRecord evaluated(double loss, double accuracy, Instant now) {
        return new JobRecord(id, model, status, trigger, requestedAt, now, progress, lineage, loss, accuracy, version,
                decision, message, dataFrom);
    }

    public JobRecord succeeded(int registeredVersion, Decision promotion, Instant now) {
        return new JobRecord(id, model, JobStatus.SUCCEEDED, trigger, requestedAt, now, progress, lineage, testLoss,
                testAccuracy, registeredVersion, promotion, message, dataFrom);
    }

    public JobRecord failed(String reason, Instant now) {
        return new JobRecord(id, model, JobStatus.FAILED, trigger, requestedAt, now, progress, lineage, testLoss,
                testAccuracy, version, decision, reason, dataFrom);
    }

    private static final String JOINED_JOB = "joined job ";

    /** A request that arrived while another job of the model waited: that job serves it. */
    public JobRecord joined(String jobId, Instant now) {
        return new JobRecord(id, model, JobStatus.JOINED, trigger, requestedAt, now, progress, lineage, testLoss,
                testAccuracy, version, decision, JOINED_JOB + jobId, dataFrom);
    }

    /** The job that serves this one, when it {@link #joined} one: what someone following a request follows next. */
    @JsonIgnore
    public Optional<String> joinedTo() {
        return status == JobStatus.JOINED && message != null && message.startsWith(JOINED_JOB)
                ? Optional.of(message.substring(JOINED_JOB.length())) : Optional.empty();
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

    /**
     * Where a job's data starts, such as a change point: the job trains and is judged (candidate and champion alike)
     * only on examples of the model's train and test topics at or after it, still within {@code training.window}.
     *
     * @param offsets   the first offset the job may use in a partition, by {@code "<topic>/<partition>"}
     *                  ({@code "fraud.train/0"}, {@code "fraud.test/2"}, {@link #key}); keys of other topics than the
     *                  model's train and test topics are ignored
     * @param timestamp for the partitions of the train and test topics that {@code offsets} does not list: records
     *                  with a Kafka timestamp before it are left out; null: those partitions are used whole
     */
    public record DataStart(Map<String, Long> offsets, Instant timestamp) {

        public DataStart {
            offsets = offsets == null ? Map.of() : Map.copyOf(offsets);
        }

        /** A start at a moment alone: every partition from the records written at or after it. */
        public static DataStart at(Instant timestamp) {
            return new DataStart(Map.of(), timestamp);
        }

        /** The key of a partition in {@link #offsets}: {@code "<topic>/<partition>"}. */
        public static String key(String topic, int partition) {
            return topic + "/" + partition;
        }

        /** For a lineage and a log line: {@code "fraud.test/0@40, fraud.train/0@120; others from 2026-...Z"}. */
        @Override
        public String toString() {
            var text = new StringBuilder();
            new TreeMap<>(offsets).forEach((partition, offset) ->
                    text.append(text.isEmpty() ? "" : ", ").append(partition).append('@').append(offset));
            if (timestamp != null) {
                text.append(text.isEmpty() ? "" : "; others ").append("from ").append(timestamp);
            } else if (text.isEmpty()) {
                text.append("all data");
            }
            return text.toString();
        }
    }
}
