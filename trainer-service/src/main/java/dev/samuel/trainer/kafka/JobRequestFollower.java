package dev.samuel.trainer.kafka;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.kafka.FollowerStatus;
import dev.samuel.plumbing.kafka.RecordHandler;
import dev.samuel.plumbing.kafka.TopicFollower;
import dev.samuel.trainer.jobs.JobManager;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Picks up job requests that others write to {@code samuel.jobs} (the cli, scripts) while the trainer runs.
 * It starts where {@link KafkaJobLog#readAll} ended: what was there before was taken over by
 * {@link JobManager#recover}. A record that is not a job (anyone may write to the topic) is skipped and counted.
 */
public final class JobRequestFollower implements AutoCloseable {

    private final TopicFollower follower;
    private final JobManager jobs;

    /** @param instance names this trainer's follower in broker logs and client metrics */
    public JobRequestFollower(Map<String, Object> kafka, String instance, Map<TopicPartition, Long> from,
                              JobManager jobs) {
        this.jobs = jobs;
        this.follower = new TopicFollower("samuel-trainer-job-requests-" + instance, kafka,
                RecordHandler.decoding(Topics.JOBS, (id, job) -> adopt(job))).followFrom(from);
    }

    public JobRequestFollower start() {
        follower.start();
        return this;
    }

    private void adopt(JobRecord job) {
        if (job != null && job.status() == JobStatus.REQUESTED && !jobs.knows(job.id())) {
            jobs.adopt(job);
        }
    }

    public FollowerStatus status() {
        return follower.status();
    }

    @Override
    public void close() throws InterruptedException {
        follower.close();
    }
}
