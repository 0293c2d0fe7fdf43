package dev.samuel.trainer.jobs;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs training jobs one at a time, in the order they were requested. A model has at most one job waiting:
 * a trigger that arrives while one waits joins it (triggers coalesce), so a burst of new examples or of
 * requests costs one job, not one each. Every change of a job is published to the {@link JobLog}.
 */
public final class JobManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);
    private static final String RESTART = "restart";

    private final JobLog log;
    private final JobWork work;
    private final Clock clock;
    private final Map<String, JobRecord> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> waitingByModel = new LinkedHashMap<>();
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Thread worker;

    public JobManager(JobLog log, JobWork work, Clock clock) {
        this.log = log;
        this.work = work;
        this.clock = clock;
        this.worker = new Thread(this::runJobs, "samuel-trainer-jobs");
        this.worker.setDaemon(true);
    }

    public void start() {
        worker.start();
    }

    /** Asks for a job of the model; returns the job that will serve the request, new or already waiting. */
    public synchronized JobRecord request(String model, String trigger) {
        var waiting = waitingByModel.get(model);
        if (waiting != null) {
            return jobs.get(waiting);
        }
        return enqueue(JobRecord.requested(UUID.randomUUID().toString(), model, trigger, clock.instant()));
    }

    /**
     * Takes a request someone else wrote to the log (the cli, another tool): it is queued, or it joins the job
     * of its model that already waits. A request this manager knows already is ignored.
     */
    public synchronized void adopt(JobRecord request) {
        if (jobs.containsKey(request.id())) {
            return;
        }
        var waiting = waitingByModel.get(request.model());
        if (waiting != null) {
            update(request.joined(waiting, clock.instant()));
        } else {
            enqueue(request);
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
     * Takes over the jobs found on the log at start-up: one that was running when the trainer stopped is
     * failed, as it left nothing registered, and asked for again; one still waiting is queued.
     */
    public synchronized void recover(Collection<JobRecord> found) {
        for (var job : found) {
            if (job.status() == JobStatus.RUNNING) {
                update(job.failed("interrupted: the trainer stopped while the job ran", clock.instant()));
                request(job.model(), RESTART);
            } else if (job.status() == JobStatus.REQUESTED && !waitingByModel.containsKey(job.model())) {
                jobs.put(job.id(), job);
                waitingByModel.put(job.model(), job.id());
                queue.add(job.id());
            } else {
                jobs.putIfAbsent(job.id(), job);
            }
        }
    }

    public Optional<JobRecord> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private JobRecord enqueue(JobRecord job) {
        update(job);
        waitingByModel.put(job.model(), job.id());
        queue.add(job.id());
        return job;
    }

    private void runJobs() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                runOne(take(queue.take()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The job leaves the waiting slot as it starts: a trigger from now on asks for the next job. */
    private synchronized JobRecord take(String id) {
        var job = jobs.get(id);
        waitingByModel.remove(job.model(), id);
        return job;
    }

    private void runOne(JobRecord job) {
        try {
            var running = job.running(null, job.lineage(), clock.instant());
            update(running);
            update(work.run(running, this::update));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Job {} of model {} failed", job.id(), job.model(), e);
            update(jobs.get(job.id()).failed(String.valueOf(e.getMessage()), clock.instant()));
        }
    }

    private void update(JobRecord job) {
        jobs.put(job.id(), job);
        log.publish(job);
    }

    @Override
    public void close() throws InterruptedException {
        worker.interrupt();
        worker.join(10_000);
    }
}
