package dev.samuel.trainer.jobs;

import dev.samuel.contracts.job.JobRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer's one worker thread: runs the jobs its {@link Source} hands it, one at a time, reports every change of
 * the running job, and stops the running job when asked (its model went to another trainer). A stopped job reports
 * nothing more: the log keeps it {@code RUNNING}, which is what the model's new owner takes over.
 */
final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    /**
     * How long a stop waits for the job to end: a training step or an upload in flight finishes first. Well below the
     * group's poll interval, as a stop runs in its rebalance.
     */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    /** Where jobs come from. */
    @FunctionalInterface
    interface Source {

        /** Waits for the next job and returns its {@code RUNNING} record; null when there is none to run after all. */
        JobRecord next() throws InterruptedException;
    }

    private final Source source;
    private final JobWork work;
    private final Consumer<JobRecord> report;
    private final Clock clock;
    private final Thread worker;
    private JobRecord running;
    private String stopped;
    private volatile boolean closing;

    JobRunner(Source source, JobWork work, Consumer<JobRecord> report, Clock clock) {
        this.source = source;
        this.work = work;
        this.report = report;
        this.clock = clock;
        this.worker = new Thread(this::runJobs, "samuel-trainer-jobs");
        this.worker.setDaemon(true);
    }

    void start() {
        worker.start();
    }

    /**
     * Stops the running job if {@code which} says so (it is interrupted at its next step) and waits for it to end, at
     * most {@link #STOP_PATIENCE}. Returns the id of the job stopped, or null.
     */
    String stopIf(Predicate<JobRecord> which) throws InterruptedException {
        String id;
        synchronized (this) {
            if (running == null || !which.test(running)) {
                return null;
            }
            id = running.id();
            stopped = id;
            worker.interrupt();
            long deadline = System.nanoTime() + STOP_PATIENCE.toNanos();
            while (isRunning(id) && System.nanoTime() < deadline) {
                wait(STOP_PATIENCE.toMillis());
            }
        }
        LOG.info("Job {} {}: its model went to another trainer", id, isRunning(id)
                ? "did not stop within " + STOP_PATIENCE + "; it reports nothing more" : "stopped");
        return id;
    }

    private void runJobs() {
        while (!closing) {
            try {
                var job = source.next();
                if (job != null) {
                    runOne(job);
                }
            } catch (InterruptedException e) {
                // Closing; or a stop whose interrupt came as the job ended: the loop decides.
            }
        }
    }

    private void runOne(JobRecord job) {
        synchronized (this) {
            running = job;
        }
        try {
            report(job);
            report(work.run(job, this::report));
        } catch (InterruptedException | CancellationException e) {
            if (!isStopped(job)) {
                LOG.info("Job {} of model {} stopped: the trainer is closing", job.id(), job.model());
            }
        } catch (Exception e) {
            if (!isStopped(job)) {
                LOG.warn("Job {} of model {} failed", job.id(), job.model(), e);
                report(latest(job).failed(String.valueOf(e.getMessage()), clock.instant()));
            }
        } finally {
            ended();
        }
    }

    private void report(JobRecord record) {
        synchronized (this) {
            if (isStopped(record)) {
                return;
            }
            if (running != null && running.id().equals(record.id())) {
                running = record;
            }
        }
        report.accept(record);
    }

    private synchronized JobRecord latest(JobRecord job) {
        return running != null && running.id().equals(job.id()) ? running : job;
    }

    private synchronized boolean isStopped(JobRecord job) {
        return job.id().equals(stopped);
    }

    private synchronized boolean isRunning(String id) {
        return running != null && running.id().equals(id);
    }

    private synchronized void ended() {
        running = null;
        stopped = null;
        notifyAll();
        // A stop's interrupt is for the job that ended: the next one starts uninterrupted.
        Thread.interrupted();
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        worker.interrupt();
        worker.join(10_000);
    }
}
