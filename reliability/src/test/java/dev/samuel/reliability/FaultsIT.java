package dev.samuel.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crashes (SIGKILL, no clean shutdown) of the broker and of each service in its busiest moment, on one running
 * platform, one after another. After each restart every example sent reaches train or test exactly once, every event
 * gets exactly one prediction, every malformed record sent alongside is dead-lettered exactly once (and goes nowhere
 * else), and the registry holds no half-made version or double promotion.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    static final String MODEL = "faults";
    static final String SLOW = "faults-slow";
    static final int FAULTS = 5;

    final ModelTopics topics = Topics.of(MODEL);
    final List<String> survived = new ArrayList<>();
    long badInputs;
    long lost;
    long duplicated;
    Platform platform;

    @BeforeAll
    void aModelWithAChampion() throws Exception {
        platform = Platform.start("faults");
        platform.registerClassifier(MODEL, 10);
        try (var stream = new Stream(platform.kafka(), topics, "warmup", 300).start()) {
            Thread.sleep(4000);
        }
        platform.awaitDataset(MODEL, 600);
        var job = platform.awaitJob(MODEL, platform.trainer().requestJob(MODEL).id(), JobRecord::isFinished);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    @Order(5)
    void theBrokerCrashesMidStream() throws Exception {
        survive("broker mid-stream", "broker", "kafka", Duration.ofSeconds(3));
    }

    @Test
    @Order(1)
    void ingestCrashesMidStream() throws Exception {
        survive("ingest mid-stream", "ingest", "ingest-service", Duration.ZERO);
    }

    @Test
    @Order(2)
    void inferenceCrashesMidSwap() throws Exception {
        var second = platform.awaitJob(MODEL, platform.trainer().requestJob(MODEL).id(), JobRecord::isFinished);
        assertThat(second.status()).isEqualTo(JobStatus.SUCCEEDED);
        try (var stream = new Stream(platform.kafka(), topics, "swap", 300).start()) {
            Thread.sleep(3000);
            platform.registry().setAlias(MODEL, "champion", second.version(), "swap under fire");
            Thread.sleep(300);
            platform.kill("inference-service");
            platform.restart("inference-service");
            Thread.sleep(3000);
            stream.close();
            verify("inference mid-swap", stream);
        }
    }

    @Test
    @Order(3)
    void theTrainerCrashesMidJob() throws Exception {
        platform.registerClassifier(SLOW, 1000);
        try (var stream = new Stream(platform.kafka(), Topics.of(SLOW), "slow", 400).start()) {
            Thread.sleep(4000);
        }
        platform.awaitDataset(SLOW, 1000);
        var job = platform.trainer().requestJob(SLOW);
        platform.awaitJob(SLOW, job.id(), j -> j.progress() != null && j.progress().epoch() >= 2);

        platform.kill("trainer-service");
        assertThat(platform.registry().versions(SLOW)).as("versions after the crash").isEmpty();
        platform.restart("trainer-service");

        Platform.await("the job to run again after the restart", () -> platform.trainer().jobs(SLOW).stream()
                .anyMatch(j -> j.trigger().equals("restart") && j.status() == JobStatus.SUCCEEDED));
        var crashed = platform.trainer().job(SLOW, job.id());
        assertThat(crashed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(crashed.message()).contains("interrupted");
        assertThat(platform.registry().versions(SLOW)).hasSize(1);
        assertThat(platform.registry().history(SLOW)).as("champion moves").hasSize(1);
        survived.add("trainer mid-job");
    }

    @Test
    @Order(4)
    void theRegistryIsDownWhileAJobPublishes() throws Exception {
        try (var stream = new Stream(platform.kafka(), topics, "registry", 300).start()) {
            var job = platform.trainer().requestJob(MODEL);
            platform.awaitJob(MODEL, job.id(), j -> j.status() != JobStatus.REQUESTED);
            platform.kill("model-registry");
            Thread.sleep(5000);
            platform.restart("model-registry");
            var finished = platform.awaitJob(MODEL, job.id(), JobRecord::isFinished);
            assertThat(finished.status()).as(finished.message()).isEqualTo(JobStatus.SUCCEEDED);
            stream.close();
            // Inference kept serving while the registry was down: every event has its one prediction.
            verify("registry down while a job publishes", stream);
            var versions = platform.registry().versions(MODEL);
            assertThat(versions.findValuesAsText("job")).filteredOn(job.id()::equals).hasSize(1);
        }
    }

    void survive(String fault, String prefix, String process, Duration down) throws Exception {
        try (var stream = new Stream(platform.kafka(), topics, prefix, 300).start()) {
            Thread.sleep(4000);
            platform.kill(process);
            Thread.sleep(down.toMillis());
            platform.restart(process);
            Thread.sleep(4000);
            stream.close();
            verify(fault, stream);
        }
    }

    void verify(String fault, Stream stream) throws InterruptedException {
        var audit = StreamAudit.settle(platform.kafka(), topics, stream, Platform.SETTLE);
        System.out.printf("%s: %s%n", fault, audit);
        badInputs += audit.badInputs();
        lost += audit.lost();
        duplicated += audit.duplicated();
        assertThat(audit.examples().lost()).as("examples lost").isZero();
        assertThat(audit.examples().duplicated()).as("examples duplicated").isZero();
        assertThat(audit.events().lost()).as("events without a prediction").isZero();
        assertThat(audit.events().duplicated()).as("events predicted twice").isZero();
        assertThat(audit.badExamples().lost()).as("malformed examples acknowledged but never dead-lettered").isZero();
        assertThat(audit.badExamples().duplicated()).as("malformed examples dead-lettered twice").isZero();
        assertThat(audit.badEvents().lost()).as("malformed events acknowledged but never dead-lettered").isZero();
        assertThat(audit.badEvents().duplicated()).as("malformed events dead-lettered twice").isZero();
        assertThat(audit.misrouted()).as("malformed records in train, test or predictions").isZero();
        survived.add(fault);
    }

    @AfterAll
    void report() {
        System.out.printf("RESULT faults_survived=%d/%d bad_inputs=%d lost=%d duplicated=%d%n", survived.size(), FAULTS,
                badInputs, lost, duplicated);
        if (platform != null) {
            platform.close();
        }
    }
}
