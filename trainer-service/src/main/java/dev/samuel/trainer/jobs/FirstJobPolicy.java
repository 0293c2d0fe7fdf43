package dev.samuel.trainer.jobs;

import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.trainer.data.DatasetFollower;
import dev.samuel.trainer.data.ModelData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The spec's {@code training.minExamples}: a model that has no champion yet asks for its first job (trigger
 * {@code firstJob}) once the trainer holds that many of its training examples, so a new model starts serving without
 * anyone asking. Once: not while any job of the model waits or runs, never once it has a champion. When no version
 * became champion (the job failed, or its version had no finite test loss), it asks again once the train topic grew
 * by {@code minExamples} records since the data of the model's latest job (counted by offsets, as
 * {@link RetrainPolicy} counts), not at every check. Jobs of the model written to {@code samuel.jobs} before a
 * restart count: a restarted trainer does not ask again for a first job it already asked for.
 */
public final class FirstJobPolicy implements Runnable {

    public static final String TRIGGER = "firstJob";

    private final Supplier<List<ModelSpec>> specs;
    private final DatasetFollower datasets;
    private final JobManager jobs;
    private final Predicate<String> hasChampion;
    /** Where the train topic's data ended when this policy last asked, by model: the baseline of a job that failed early. */
    private final Map<String, Long> askedAt = new ConcurrentHashMap<>();

    /** @param hasChampion whether a model has a {@code champion} alias in the registry */
    public FirstJobPolicy(Supplier<List<ModelSpec>> specs, DatasetFollower datasets, JobManager jobs,
                          Predicate<String> hasChampion) {
        this.specs = specs;
        this.datasets = datasets;
        this.jobs = jobs;
        this.hasChampion = hasChampion;
    }

    @Override
    public void run() {
        for (var spec : specs.get()) {
            if (spec.training().minExamples() > 0 && !hasChampion.test(spec.name())) {
                datasets.data(spec.name()).ifPresent(data -> check(spec, data));
            }
        }
    }

    private void check(ModelSpec spec, ModelData data) {
        var known = jobs.jobs(spec.name());
        if (known.stream().anyMatch(job -> !job.isFinished())) {
            return; // a job waits or runs: it may make the first champion
        }
        long min = spec.training().minExamples();
        var train = Topics.of(spec).train().name();
        boolean askedBefore = known.stream().anyMatch(job -> TRIGGER.equals(job.trigger()));
        boolean due;
        if (!askedBefore) {
            due = data.size(false) >= min;
        } else {
            long baseline = known.stream().filter(job -> job.status() != JobStatus.JOINED)
                    .reduce((older, newer) -> newer).map(job -> ModelData.readUpTo(job.lineage(), train)).orElse(0L);
            baseline = Math.max(baseline, askedAt.getOrDefault(spec.name(), 0L));
            due = data.readUpTo(train) - baseline >= min;
        }
        if (due) {
            askedAt.put(spec.name(), data.readUpTo(train));
            jobs.request(spec.name(), TRIGGER);
        }
    }
}
