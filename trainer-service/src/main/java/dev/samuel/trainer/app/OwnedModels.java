package dev.samuel.trainer.app;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.trainer.data.DatasetFollower;
import dev.samuel.trainer.jobs.JobManager;
import dev.samuel.trainer.kafka.JobBoard;
import dev.samuel.trainer.kafka.KafkaJobLog;
import dev.samuel.trainer.kafka.ModelShare;
import dev.samuel.trainer.kafka.TrainerGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models this trainer owns among several ({@link TrainerGroup}), and what owning one means: its data is followed
 * here, its jobs run here, its retrain policies are checked here, and nowhere else. A model taken over has its jobs
 * taken over from the {@link JobBoard} (a job its old owner left running is failed and asked for again); a model
 * handed over has its running job stopped and its data dropped. Requests for a model another trainer owns go to the
 * log, where its owner takes them.
 */
public final class OwnedModels implements TrainerGroup.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(OwnedModels.class);

    /** How long a model's new owner waits to have read what the old one wrote; well within the group's poll interval. */
    private static final Duration READ_HANDOVER = Duration.ofMinutes(2);
    /** How long a request sent to the log for another trainer's model waits to be on this trainer's board. */
    private static final Duration READ_OWN_REQUEST = Duration.ofSeconds(10);

    private final RegistryState registry;
    private final DatasetFollower datasets;
    private final JobManager jobs;
    private final KafkaJobLog log;
    private final Clock clock;
    private JobBoard board;
    private volatile ModelShare held = ModelShare.NONE;

    public OwnedModels(RegistryState registry, DatasetFollower datasets, JobManager jobs, KafkaJobLog log,
                       Clock clock) {
        this.registry = registry;
        this.datasets = datasets;
        this.jobs = jobs;
        this.log = log;
        this.clock = clock;
    }

    /** The board that tells of every job: set once, before the trainer joins its group. */
    void readFrom(JobBoard board) {
        this.board = board;
    }

    public boolean owns(String model) {
        return held.includes(model);
    }

    /** The partitions of {@code samuel.jobs} this trainer holds, for its health data. */
    public ModelShare share() {
        return held;
    }

    /** The specs of the models this trainer owns: those its policies check. */
    public List<ModelSpec> specs() {
        return specsOf(this::owns);
    }

    private List<ModelSpec> specsOf(Predicate<String> models) {
        return registry.specs().stream().map(SpecRecord::spec).filter(spec -> models.test(spec.name())).toList();
    }

    @Override
    public void gained(ModelShare models, Map<TopicPartition, Long> ends) throws InterruptedException {
        if (!board.awaitRead(ends, READ_HANDOVER)) {
            LOG.warn("Taking over the models of {} without having read samuel.jobs up to {} within {}: a job their"
                    + " old owner finished last may run again", models.partitions(), ends, READ_HANDOVER);
        }
        synchronized (this) {
            held = held.plus(models);
            var taken = new TreeSet<String>();
            for (var spec : specsOf(models::includes)) {
                datasets.follow(spec);
                taken.add(spec.name());
            }
            board.models().stream().filter(models::includes).forEach(taken::add);
            taken.forEach(model -> jobs.recover(board.jobs(model)));
            LOG.info("This trainer owns models {} now", taken);
        }
    }

    @Override
    public void lost(ModelShare models) throws InterruptedException {
        synchronized (this) {
            held = held.minus(models);
        }
        jobs.release(models::includes);
        specsOf(models::includes).forEach(spec -> datasets.forget(spec.name()));
    }

    /**
     * Runs {@code policies} while this trainer's share cannot change, so a job they ask for is for a model still
     * owned here; one asked for just before a model leaves is dropped here and taken by the new owner from the log.
     */
    public synchronized void asOwner(Runnable policies) {
        policies.run();
    }

    /** A spec read from the registry: a new model of this trainer's has its data followed from now on. */
    public synchronized void specRead(ModelSpec spec) {
        if (owns(spec.name())) {
            datasets.follow(spec);
        }
    }

    /** A model deleted from the registry: its data is no longer followed, and its files go. */
    public synchronized void specDeleted(String model) {
        datasets.forget(model);
    }

    /** A job record on the board: a request for a model of this trainer that it does not know yet is taken. */
    public synchronized void jobRead(JobRecord job) {
        if (job.status() == JobStatus.REQUESTED && owns(job.model()) && !jobs.knows(job.id())) {
            jobs.adopt(job);
        }
    }

    /**
     * Asks for a job of a model: this trainer's own queue serves a model it owns (and may answer with a job that
     * waits already); for another trainer's model the request goes to the log, and its owner takes it.
     */
    public JobRecord request(String model, String trigger, JobRecord.DataStart dataFrom)
            throws InterruptedException {
        synchronized (this) {
            if (owns(model)) {
                return jobs.request(model, trigger, dataFrom);
            }
        }
        var request = JobRecord.requested(UUID.randomUUID().toString(), model, trigger, clock.instant(), dataFrom);
        var at = log.send(request);
        // Read back, so that asking this trainer for the job right after finds it.
        board.awaitRead(Map.of(new TopicPartition(at.topic(), at.partition()), at.offset() + 1), READ_OWN_REQUEST);
        return request;
    }

    /** A job, from this trainer's own queue when it owns the model (the latest state), else from the board. */
    public Optional<JobRecord> job(String id) {
        return jobs.job(id).or(() -> board.job(id));
    }

    /** A model's jobs, oldest request first. */
    public List<JobRecord> jobs(String model) {
        return owns(model) ? jobs.jobs(model) : board.jobs(model);
    }
}
