package dev.samuel.trainer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobManagerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    final List<JobRecord> published = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicInteger runs = new AtomicInteger();
    JobManager manager;

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        manager.close();
    }

    /** Work that waits for the test to release it, then registers "version" n for its n-th run. */
    JobRecord work(JobRecord job, java.util.function.Consumer<JobRecord> progress) throws InterruptedException {
        started.countDown();
        assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
        progress.accept(job.running(new JobRecord.Progress(1, 1, 10, 0.5, 1000), job.lineage(), CLOCK.instant()));
        return job.succeeded(runs.incrementAndGet(), new JobRecord.Decision(true, "first", null, null), CLOCK.instant());
    }

    @Test
    void aJobGoesFromRequestedThroughRunningToSucceeded() throws Exception {
        manager = new JobManager("trainer-a", published::add, this::work, CLOCK);
        manager.start();

        var job = manager.request("digits", "rest");
        release.countDown();

        var done = awaitStatus(job.id(), JobStatus.SUCCEEDED);
        assertThat(done.version()).isEqualTo(1);
        assertThat(statusesOf(job.id())).containsExactly(JobStatus.REQUESTED, JobStatus.RUNNING, JobStatus.RUNNING,
                JobStatus.SUCCEEDED);
    }

    @Test
    void triggersArrivingWhileAJobWaitsJoinIt() throws Exception {
        manager = new JobManager("trainer-a", published::add, this::work, CLOCK);
        manager.start();
        var first = manager.request("digits", "rest");
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        var second = manager.request("digits", "retrainEvery");
        var third = manager.request("digits", "topic");
        var otherModel = manager.request("prices", "rest");
        release.countDown();

        assertThat(third.id()).isEqualTo(second.id()).isNotEqualTo(first.id());
        assertThat(otherModel.id()).isNotEqualTo(second.id());
        awaitStatus(second.id(), JobStatus.SUCCEEDED);
        awaitStatus(otherModel.id(), JobStatus.SUCCEEDED);
        assertThat(runs.get()).isEqualTo(3);
    }

    @Test
    void aRequestFromTheLogIsQueuedOrJoinsTheWaitingJob() throws Exception {
        manager = new JobManager("trainer-a", published::add, this::work, CLOCK);
        manager.start();
        var running = manager.request("digits", "rest");
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        var fromCli = JobRecord.requested("cli-1", "digits", "topic", CLOCK.instant());
        manager.adopt(fromCli);
        manager.adopt(fromCli);
        manager.adopt(JobRecord.requested("cli-2", "digits", "topic", CLOCK.instant()));
        release.countDown();

        awaitStatus("cli-1", JobStatus.SUCCEEDED);
        assertThat(manager.job("cli-2").orElseThrow().message()).isEqualTo("joined job cli-1");
        assertThat(manager.job("cli-2").orElseThrow().status()).isEqualTo(JobStatus.JOINED);
        assertThat(manager.latest("digits").orElseThrow().id()).isIn("cli-1", "cli-2", running.id());
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void aFailingJobIsFailedWithItsReason() throws Exception {
        manager = new JobManager("trainer-a", published::add, (job, progress) -> {
            throw new IllegalStateException("no training examples yet");
        }, CLOCK);
        manager.start();

        var job = manager.request("digits", "rest");

        assertThat(awaitStatus(job.id(), JobStatus.FAILED).message()).isEqualTo("no training examples yet");
    }

    @Test
    void aJobInterruptedByARestartIsFailedAndAskedForAgain() throws Exception {
        manager = new JobManager("trainer-a", published::add, this::work, CLOCK);
        var interrupted = JobRecord.requested("old", "digits", "rest", CLOCK.instant())
                .running(null, null, CLOCK.instant());
        var waiting = JobRecord.requested("queued", "prices", "topic", CLOCK.instant());

        manager.recover(List.of(interrupted, waiting));
        manager.start();
        release.countDown();

        assertThat(awaitStatus("old", JobStatus.FAILED).message()).contains("interrupted");
        awaitStatus("queued", JobStatus.SUCCEEDED);
        var rerun = published.stream().filter(j -> "restart".equals(j.trigger())).findFirst().orElseThrow();
        assertThat(rerun.model()).isEqualTo("digits");
        awaitStatus(rerun.id(), JobStatus.SUCCEEDED);
    }

    @Test
    void releasedModelsLeaveTheirWaitingJobsUnpublishedAndTheirRunningJobStopsWithoutAWord() throws Exception {
        manager = new JobManager("trainer-a", published::add, this::work, CLOCK);
        manager.start();
        var running = manager.request("digits", "rest");
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        var waiting = manager.request("digits", "retrainEvery");
        var kept = manager.request("prices", "rest");

        manager.release("digits"::equals);

        // The log keeps the jobs as they were (running, waiting): that is what the model's new owner takes over.
        assertThat(published).filteredOn(job -> job.model().equals("digits")).extracting(JobRecord::status)
                .containsExactly(JobStatus.REQUESTED, JobStatus.RUNNING, JobStatus.REQUESTED);
        assertThat(manager.jobs("digits")).isEmpty();
        assertThat(manager.knows(waiting.id())).isFalse();
        awaitStatus(kept.id(), JobStatus.RUNNING);
        assertThat(published).filteredOn(job -> job.id().equals(running.id())).extracting(JobRecord::status)
                .containsExactly(JobStatus.REQUESTED, JobStatus.RUNNING);
        assertThat(published).filteredOn(job -> job.id().equals(running.id())).last()
                .satisfies(job -> assertThat(job.lineage()).containsEntry(JobManager.TRAINER, "trainer-a"));
        release.countDown();
        awaitStatus(kept.id(), JobStatus.SUCCEEDED);

        // Taken back later, a model's jobs are taken over again from what the log says.
        manager.recover(List.of(published.stream().filter(job -> job.id().equals(running.id())).reduce((x, y) -> y)
                .orElseThrow()));
        assertThat(awaitStatus(running.id(), JobStatus.FAILED).message()).contains("handed the model");
    }

    static final JobRecord.DataStart CHANGE = new JobRecord.DataStart(java.util.Map.of("digits.train/0", 120L),
            Instant.parse("2026-11-26T11:00:00Z"));

    @Test
    void aDriftJobWaitingAbsorbsALaterPlainRequest() throws Exception {
        manager = new JobManager("trainer-a", published::add, this::work, CLOCK);
        manager.start();
        manager.request("digits", "rest");
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        manager.adopt(JobRecord.requested("drift-1", "digits", JobRecord.DRIFT, CLOCK.instant(), CHANGE));
        var plain = manager.request("digits", "retrainEvery");
        manager.adopt(JobRecord.requested("cli-1", "digits", "topic", CLOCK.instant()));
        release.countDown();

        assertThat(plain.id()).isEqualTo("drift-1");
        assertThat(awaitStatus("cli-1", JobStatus.JOINED).message()).isEqualTo("joined job drift-1");
        assertThat(awaitStatus("drift-1", JobStatus.SUCCEEDED).dataFrom()).isEqualTo(CHANGE);
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void aDriftRequestTakesTheWaitingJobsPlaceUnlessItStartsAtTheSamePoint() throws Exception {
        manager = new JobManager("trainer-a", published::add, this::work, CLOCK);
        manager.start();
        manager.request("digits", "rest");
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        var plain = manager.request("digits", "retrainEvery");
        manager.adopt(JobRecord.requested("drift-1", "digits", JobRecord.DRIFT, CLOCK.instant(), CHANGE));
        manager.adopt(JobRecord.requested("drift-2", "digits", JobRecord.DRIFT, CLOCK.instant(),
                new JobRecord.DataStart(CHANGE.offsets(), CHANGE.timestamp())));
        var later = new JobRecord.DataStart(java.util.Map.of("digits.train/0", 300L), null);
        var fromRest = manager.request("digits", "rest", later);
        release.countDown();

        assertThat(awaitStatus(plain.id(), JobStatus.JOINED).message()).isEqualTo("joined job drift-1");
        assertThat(awaitStatus("drift-2", JobStatus.JOINED).message()).isEqualTo("joined job drift-1");
        assertThat(awaitStatus("drift-1", JobStatus.JOINED).message()).isEqualTo("joined job " + fromRest.id());
        assertThat(awaitStatus(fromRest.id(), JobStatus.SUCCEEDED).dataFrom()).isEqualTo(later);
        assertThat(statusesOf("drift-1")).doesNotContain(JobStatus.RUNNING);
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void anInterruptedDriftJobIsAskedForAgainFromTheSameChangePoint() throws Exception {
        manager = new JobManager("trainer-a", published::add, this::work, CLOCK);
        var interrupted = JobRecord.requested("old", "digits", JobRecord.DRIFT, CLOCK.instant(), CHANGE)
                .running(null, null, CLOCK.instant());
        var queued = JobRecord.requested("queued", "digits", "topic", CLOCK.instant());

        manager.recover(List.of(interrupted, queued));
        manager.start();
        release.countDown();

        var rerun = published.stream().filter(j -> "restart".equals(j.trigger())).findFirst().orElseThrow();
        assertThat(rerun.dataFrom()).isEqualTo(CHANGE);
        assertThat(awaitStatus("queued", JobStatus.JOINED).message()).isEqualTo("joined job " + rerun.id());
        awaitStatus(rerun.id(), JobStatus.SUCCEEDED);
    }

    private List<JobStatus> statusesOf(String id) {
        return published.stream().filter(j -> j.id().equals(id)).map(JobRecord::status).toList();
    }

    private JobRecord awaitStatus(String id, JobStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var job = manager.job(id);
            if (job.isPresent() && job.get().status() == status) {
                return job.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job " + id + " did not reach " + status + "; published " + published);
    }
}
