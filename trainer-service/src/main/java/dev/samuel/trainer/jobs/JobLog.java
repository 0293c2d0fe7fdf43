package dev.samuel.trainer.jobs;

import dev.samuel.contracts.job.JobRecord;

/** Where job records go: {@code samuel.jobs} in the service, a list in tests of the manager alone. */
@FunctionalInterface
public interface JobLog {

    /** Publishes the latest state of a job; returns once it is durable. */
    void publish(JobRecord job);
}
