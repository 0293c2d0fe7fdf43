package dev.samuel.trainer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.spec.Training;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.WithKafka;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** {@code training.minExamples} on a real train topic, with jobs that finish at once (or fail). */
@WithKafka
class FirstJobPolicyTest {

    static final Training FIVE = new Training(null, null, null, null, null, null, 5L);

    @Test
    void asksOnceForAFirstJobWhenMinExamplesAreHeldAndNoChampionExists(KafkaBroker broker) throws Exception {
        try (var run = new RetrainPolicyTest.PolicyRun(broker, RetrainPolicyTest.spec("first", FIVE),
                Clock.systemUTC(), true)) {
            run.produce(4);
            run.checkFirstJob();
            Thread.sleep(200);
            assertThat(run.published).as("4 of 5 examples").isEmpty();

            run.produce(1);
            run.checkFirstJob();
            run.checkFirstJob();
            run.awaitSucceeded(1);
            assertThat(run.published.get(0).trigger()).isEqualTo(FirstJobPolicy.TRIGGER);
            // The job's version became champion (the registry would say so).
            run.champions.add("first");

            run.produce(10);
            run.checkFirstJob();
            Thread.sleep(200);
            assertThat(run.requested()).as("once: the model has a champion now").isEqualTo(1);
        }
    }

    @Test
    void asksForNoFirstJobWhenTheModelHasAChampion(KafkaBroker broker) throws Exception {
        try (var run = new RetrainPolicyTest.PolicyRun(broker, RetrainPolicyTest.spec("served", FIVE),
                Clock.systemUTC(), true)) {
            run.champions.add("served");
            run.produce(12);
            run.checkFirstJob();
            Thread.sleep(200);

            assertThat(run.published).isEmpty();
        }
    }

    @Test
    void aFailedFirstJobIsAskedForAgainAfterMinExamplesMoreNotAtEveryCheck(KafkaBroker broker) throws Exception {
        try (var run = new RetrainPolicyTest.PolicyRun(broker, RetrainPolicyTest.spec("first-failing", FIVE),
                Clock.systemUTC(), false)) {
            run.produce(5);
            run.checkFirstJob();
            run.await(1, JobStatus.FAILED);
            run.checkFirstJob();
            run.produce(4);
            run.checkFirstJob();
            Thread.sleep(200);
            assertThat(run.requested()).as("4 examples since the failed job's data").isEqualTo(1);

            run.produce(1);
            run.checkFirstJob();
            run.await(2, JobStatus.FAILED);
            assertThat(run.published.stream().filter(j -> j.status() == JobStatus.REQUESTED))
                    .allSatisfy(job -> assertThat(job.trigger()).isEqualTo(FirstJobPolicy.TRIGGER));
        }
    }
}
