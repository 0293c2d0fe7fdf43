package dev.samuel.trainer.jobs;

import dev.samuel.contracts.job.JobRecord;
import java.util.function.Consumer;

/** What a job does once it runs: train, evaluate, publish. Reports progress as updated records. */
@FunctionalInterface
public interface JobWork {

    /**
     * Runs the job and returns its final record ({@code SUCCEEDED}); a thrown exception fails the job with
     * its message.
     */
    JobRecord run(JobRecord job, Consumer<JobRecord> progress) throws Exception;
}
