package dev.samuel.trainer.jobs;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs training jobs one at a time, in the order they were requested. A model has at most one job waiting, and a
 * trigger that arrives while one waits is served by it (triggers coalesce), so a burst of new examples or of
 * requests costs one job, not one each. The rule, for a request that finds a job of its model waiting:
 * <ul>
 *   <li>a request without {@code dataFrom} joins the waiting job, whether that job has a {@code dataFrom} or not: a
 *       drift job waiting absorbs a later plain request, as it trains on the newest data, which is what any retrain
 *       asks for;</li>
 *   <li>a request with a {@code dataFrom} (a drift job) takes the waiting job's place unless that job has the same
 *       {@code dataFrom}: the waiting job is marked {@code JOINED} to it and leaves the queue, since training on the
 *       data before the change point (or before an earlier change point) would learn a concept that is gone.</li>
 * </ul>
 * Every change of a job is published to the {@link JobLog}.
 *
 * <p>With several trainers, a manager holds the jobs of the models its trainer owns; a model handed to another
 * trainer is {@link #release released}: its jobs are dropped unpublished, and the new owner takes them over from the
 * log with {@link #recover}.
 */
public final class JobManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);
    private static final String RESTART = "restart";
    /** The lineage key naming the trainer that ran a job. */
    public static final String TRAINER = "trainer";

    private final String trainer;
    private final JobLog log;
    private final Clock clock;
    private final Map<String, JobRecord> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> waitingByModel = new LinkedHashMap<>();
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final JobRunner runner;

    /** @param trainer names this trainer in the lineage of the jobs it runs */
    public JobManager(String trainer, JobLog log, JobWork work, Clock clock) {
        this.trainer = trainer;
        this.log = log;
        this.clock = clock;
        this.runner = new JobRunner(this::next, work, this::update, clock);
    }

    public void start() {
        runner.start();
    }

    /** Asks for a job of the model; returns the job that will serve the request, new or already waiting. */
    public synchronized JobRecord request(String model, String trigger) {
        return request(model, trigger, null);
    }

    /**
     * Asks for a job of the model whose data starts at {@code dataFrom} (null: all of it); returns the job that will
     * serve the request: the waiting one it joins, or a new one (which may take the waiting one's place).
     */
    public synchronized JobRecord request(String model, String trigger, JobRecord.DataStart dataFrom) {
        var waiting = waiting(model);
        if (waiting != null && !supersedes(dataFrom, waiting)) {
            return waiting;
        }
        return admit(JobRecord.requested(UUID.randomUUID().toString(), model, trigger, clock.instant(), dataFrom));
    }

    /**
     * Takes a request someone else wrote to the log (the cli, another tool): it is queued, joins the job of its model
     * that already waits, or takes that job's place (the rule above). A request this manager knows already is
     * ignored.
     */
    public synchronized void adopt(JobRecord request) {
        if (jobs.containsKey(request.id())) {
            return;
        }
        var waiting = waiting(request.model());
        if (waiting != null && !supersedes(request.dataFrom(), waiting)) {
            update(request.joined(waiting.id(), clock.instant()));
        } else {
            admit(request);
        }
    }

    /** The jobs of a model this manager has seen, oldest request first. */
    public List<JobRecord> jobs(String model) {
        return jobs.values().stream().filter(job -> job.model().equals(model))
                .sorted(Comparator.comparing(JobRecord::requestedAt)).toList();
    }

    /** True when the manager has seen this job. */
    public boolean knows(String id) {
        return jobs.containsKey(id);
    }

    /** The latest job of a model, by request time, of those this manager has seen. */
    public Optional<JobRecord> latest(String model) {
        return jobs.values().stream().filter(job -> job.model().equals(model))
                .max(Comparator.comparing(JobRecord::requestedAt));
    }

    /**
     * Takes over the jobs found on the log at start-up, or for models taken over from another trainer: one that was
     * running when its trainer stopped (or handed the model over) is failed, as it left nothing registered, and asked for again with the same {@code dataFrom}; one still waiting
     * is queued, or joins (or replaces) a job of its model found waiting before it, by the rule above.
     */
    public synchronized void recover(Collection<JobRecord> found) {
        for (var job : found) {
            if (jobs.containsKey(job.id())) {
                continue;
            }
            if (job.status() == JobStatus.RUNNING) {
                update(job.failed("interrupted: the trainer running it stopped, or handed the model to another"
                        + " trainer, while the job ran", clock.instant()));
                request(job.model(), RESTART, job.dataFrom());
            } else if (job.status() == JobStatus.REQUESTED && !waitingByModel.containsKey(job.model())) {
                jobs.put(job.id(), job);
                waitingByModel.put(job.model(), job.id());
                queue.add(job.id());
            } else if (job.status() == JobStatus.REQUESTED) {
                adopt(job);
            } else {
                jobs.putIfAbsent(job.id(), job);
            }
        }
    }

    /**
     * Gives up the models: their waiting jobs leave the queue and the manager, unpublished, and the job running, if
     * it is one of theirs, is stopped (interrupted at its next step) before this returns. The log keeps what they were
     * (a stopped job stays {@code RUNNING} there), which is what the new owner takes over.
     */
    public void release(Predicate<String> models) throws InterruptedException {
        synchronized (this) {
            forget(models);
        }
        if (runner.stopIf(job -> models.test(job.model())) != null) {
            synchronized (this) {
                forget(models); // what the stopped job reported before it ended
            }
        }
    }

    private void forget(Predicate<String> models) {
        var released = jobs.values().stream().filter(job -> models.test(job.model())).map(JobRecord::id).toList();
        released.forEach(id -> {
            queue.remove(id);
            jobs.remove(id);
        });
        waitingByModel.keySet().removeIf(models);
    }

    public Optional<JobRecord> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private JobRecord waiting(String model) {
        var id = waitingByModel.get(model);
        return id == null ? null : jobs.get(id);
    }

    /** A request with a data start replaces a waiting job that has another (or none); see the class comment. */
    private static boolean supersedes(JobRecord.DataStart dataFrom, JobRecord waiting) {
        return dataFrom != null && !dataFrom.equals(waiting.dataFrom());
    }

    /** Queues the job in its model's waiting slot; a job waiting there is marked joined to it and dequeued. */
    private JobRecord admit(JobRecord job) {
        var replaced = waiting(job.model());
        update(job);
        if (replaced != null) {
            queue.remove(replaced.id());
            update(replaced.joined(job.id(), clock.instant()));
            LOG.info("Job {} of model {} ({}) takes the place of waiting job {}", job.id(), job.model(),
                    job.dataFrom(), replaced.id());
        }
        waitingByModel.put(job.model(), job.id());
        queue.add(job.id());
        return job;
    }

    /**
     * The job leaves the waiting slot as it starts: a trigger from now on asks for the next job. Null when it was
     * replaced (joined to another) after the worker took its id from the queue.
     */
    private JobRecord next() throws InterruptedException {
        return take(queue.take());
    }

    private synchronized JobRecord take(String id) {
        var job = jobs.get(id);
        if (job == null) {
            return null; // released after the worker took its id from the queue
        }
        waitingByModel.remove(job.model(), id);
        if (job.status() != JobStatus.REQUESTED) {
            return null;
        }
        var lineage = new HashMap<>(job.lineage());
        lineage.put(TRAINER, trainer);
        return job.running(null, lineage, clock.instant());
    }

    private void update(JobRecord job) {
        jobs.put(job.id(), job);
        log.publish(job);
    }

    @Override
    public void close() throws InterruptedException {
        runner.close();
    }
}
