package dev.samuel.trainer.jobs;

import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.trainer.data.DatasetFollower;
import dev.samuel.trainer.data.ModelData;
import java.util.List;
import java.util.function.Supplier;

/**
 * The spec's {@code retrainEvery}: asks for a job once the model's train topic has grown by that many
 * records since the data of its latest job. Counted by offsets, so it survives restarts; with exactly-once
 * ingest the count includes transaction markers, and fires within a few records of the number.
 */
public final class RetrainPolicy implements Runnable {

    public static final String TRIGGER = "retrainEvery";

    private final Supplier<List<ModelSpec>> specs;
    private final DatasetFollower datasets;
    private final JobManager jobs;

    public RetrainPolicy(Supplier<List<ModelSpec>> specs, DatasetFollower datasets, JobManager jobs) {
        this.specs = specs;
        this.datasets = datasets;
        this.jobs = jobs;
    }

    @Override
    public void run() {
        for (var spec : specs.get()) {
            long every = spec.training().retrainEvery();
            if (every > 0) {
                datasets.data(spec.name()).ifPresent(data -> check(spec, data, every));
            }
        }
    }

    private void check(ModelSpec spec, ModelData data, long every) {
        var train = Topics.of(spec).train().name();
        long baseline = jobs.latest(spec.name())
                .filter(job -> job.status() != JobStatus.FAILED && job.status() != JobStatus.JOINED)
                .map(job -> ModelData.readUpTo(job.lineage(), train)).orElse(0L);
        if (data.readUpTo(train) - baseline >= every) {
            jobs.request(spec.name(), TRIGGER);
        }
    }
}
