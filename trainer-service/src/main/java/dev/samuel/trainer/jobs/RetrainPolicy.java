package dev.samuel.trainer.jobs;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Training;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.trainer.data.DatasetFollower;
import dev.samuel.trainer.data.ModelData;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The spec's retrain policies. {@code retrainEvery} asks for a job once the model's train topic has grown by that
 * many records since the data of its latest job; {@code retrainInterval} asks for one when the latest job was
 * requested that long ago and any new record arrived since its data. Counted by offsets, so it survives restarts;
 * with exactly-once ingest the count includes transaction markers, and fires within a few records of the number.
 */
public final class RetrainPolicy implements Runnable {

    public static final String TRIGGER = "retrainEvery";
    public static final String SCHEDULE_TRIGGER = "retrainInterval";

    private final Supplier<List<ModelSpec>> specs;
    private final DatasetFollower datasets;
    private final JobManager jobs;
    private final Clock clock;

    public RetrainPolicy(Supplier<List<ModelSpec>> specs, DatasetFollower datasets, JobManager jobs, Clock clock) {
        this.specs = specs;
        this.datasets = datasets;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public void run() {
        for (var spec : specs.get()) {
            var training = spec.training();
            if (training.retrainEvery() > 0 || training.retrainInterval() != null) {
                datasets.data(spec.name()).ifPresent(data -> check(spec, data));
            }
        }
    }

    private void check(ModelSpec spec, ModelData data) {
        var train = Topics.of(spec).train().name();
        Optional<JobRecord> latest = jobs.latest(spec.name());
        // Counted from a failed job's data too: its examples had their try, and a model whose jobs keep failing
        // would otherwise be asked for again at every check.
        long baseline = latest.filter(job -> job.status() != JobStatus.JOINED)
                .map(job -> ModelData.readUpTo(job.lineage(), train)).orElse(0L);
        long arrived = data.readUpTo(train) - baseline;
        Training training = spec.training();
        if (training.retrainEvery() > 0 && arrived >= training.retrainEvery()) {
            jobs.request(spec.name(), TRIGGER);
        } else if (training.retrainInterval() != null && arrived > 0 && latest
                // Timed from the latest job whatever became of it: a job that keeps failing is retried once per
                // interval, not at every check.
                .map(job -> !job.requestedAt().plus(training.retrainInterval()).isAfter(clock.instant()))
                .orElse(true)) {
            jobs.request(spec.name(), SCHEDULE_TRIGGER);
        }
    }
}
