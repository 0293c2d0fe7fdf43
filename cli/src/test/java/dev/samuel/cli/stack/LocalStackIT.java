package dev.samuel.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.samuel.cli.demo.DemoRun;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.plumbing.http.Backoff;
import dev.samuel.plumbing.registry.RegistryClient;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user's path on a laptop, with the packaged services: {@code up}, the drift demo run by the platform
 * end to end (ingest, the first-job rule, the gate, hot swap, the judge's realised accuracy, drift detection and
 * the drift job), and {@code down} leaving no process behind. Ports and the
 * run directory are the tests' own, so a stack the developer runs is left alone. The stack is the one
 * {@link SharedStack} started for the cli's integration tests (with {@code ModelContractIT}'s models on it when that
 * ran first); this class stops it, so it runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
@Order(Integer.MAX_VALUE)
class LocalStackIT {

    static final Path HOME = SharedStack.HOME;

    final StackLayout layout = SharedStack.LAYOUT;
    final PrintStream out = System.out;
    final LocalStack stack = SharedStack.STACK;
    StackState state;

    @BeforeAll
    void up() throws Exception {
        state = SharedStack.up();
    }

    @Test
    @Order(1)
    void everyPartIsReadyAndRecorded() {
        assertThat(stack.health()).extracting(LocalStack.Part::name, LocalStack.Part::state).containsExactly(
                tuple("kafka", "ready"), tuple("schema-registry", "ready"), tuple("model-registry", "ready"),
                tuple("ingest-service", "ready"),
                tuple("trainer-service", "ready"), tuple("inference-service", "ready"));
        assertThat(layout.log("kafka")).content().contains("Kafka Server started");
    }

    @Test
    @Order(2)
    void theDemoShowsTheDriftAndTheRecovery() throws Exception {
        var registry = new RegistryClient(URI.create(state.ports().url(QuarkusService.REGISTRY)), stack.token(),
                Backoff.NONE, Duration.ofSeconds(30));
        var report = new DemoRun(Map.of("bootstrap.servers", state.ports().bootstrap()), registry, "it-demo", out)
                .run(false);
        report.print(out);

        assertThat(report.job(1)).as("the job that made version 1").get()
                .extracting(JobRecord::trigger).isEqualTo("firstJob");
        var drift = report.drift();
        assertThat(drift).as("the concept changed").isNotNull();
        var detection = report.detection();
        assertThat(detection).as("a drift of version 1's error on samuel.drift after the change").isNotNull();
        assertThat(detection.event().version()).isEqualTo(1);
        assertThat(detection.event().detectedAt()).isAfterOrEqualTo(drift.at());
        assertThat(detection.judgedAfterDrift()).as("judged examples of the new concept the detector had read")
                .isPositive();
        int retrained = report.newestVersion(DemoRun.AFTER);
        assertThat(retrained).isGreaterThan(1);
        assertThat(report.job(retrained)).as("the job that made version " + retrained).get()
                .satisfies(job -> {
                    assertThat(job.trigger()).isEqualTo(JobRecord.DRIFT);
                    assertThat(job.dataFrom()).as("its data from the change point").isNotNull();
                    assertThat(job.id()).isEqualTo(report.retrain().orElseThrow().jobId());
                });
        assertThat(report.realised(DemoRun.BEFORE, 1)).as("realised accuracy of v1 before the drift")
                .isGreaterThan(0.9);
        assertThat(report.realised(DemoRun.AFTER, 1)).as("realised accuracy of v1 after the drift").isLessThan(0.3);
        assertThat(report.realised(DemoRun.AFTER, retrained)).as("realised accuracy of v%d after the drift", retrained)
                .isGreaterThan(0.9);
        assertThat(report.promotions()).isGreaterThanOrEqualTo(2);
        // The first job's holdout is all of concept A. The drift job's holds the labels from its data start on,
        // which the judge places among the results of the last examples it read; those can include labels from
        // before the change when the judge lags (M.performance is not in label order), so its figures are not
        // pinned here: the realised accuracy above is the measure of the recovery.
        assertThat(report.job(1).orElseThrow().testLoss()).as("version 1's test loss on its holdout")
                .isLessThan(0.2);
        assertThat(registry.model("it-demo").orElseThrow().path("aliases").path("champion").asInt())
                .isEqualTo(retrained);
    }

    /** Runs where Prometheus is installed (.ci/run installs Debian's package); elsewhere it says so and is skipped. */
    @Test
    @Order(3)
    void everyDashboardPanelShowsDataFromTheRunningServices() throws Exception {
        assumeTrue(Files.isExecutable(Prometheus.BINARY), "no Prometheus at " + Prometheus.BINARY
                + ": install Debian's prometheus package (or set PROMETHEUS) to check the dashboards' queries");
        try (var prometheus = Prometheus.scrape(state.ports(), layout.runDir().resolve("prometheus"))) {
            prometheus.awaitSamples(QuarkusService.values().length, 3, Duration.ofSeconds(60));
            var empty = new ArrayList<String>();
            var queries = DashboardQueries.forModel("it-demo");
            for (var query : queries) {
                if (prometheus.query(query.expression()).isEmpty()) {
                    empty.add(query.dashboard() + " / " + query.panel() + ": " + query.expression());
                }
            }
            assertThat(queries).hasSizeGreaterThan(20);
            assertThat(empty).as("panels without data").isEmpty();
        }
    }

    @Test
    @Order(4)
    void upAgainLeavesTheRunningStackAsItIs() throws Exception {
        var again = stack.up(state.ports());

        assertThat(again.processes()).extracting(StackState.Started::pid)
                .containsExactlyElementsOf(state.processes().stream().map(StackState.Started::pid).toList());
    }

    @Test
    @Order(5)
    void downStopsEveryProcessItStartedAndForgetsThem() {
        var handles = state.processes().stream().map(p -> p.handle().orElseThrow()).toList();

        assertThat(stack.down()).isTrue();

        assertThat(handles).noneMatch(ProcessHandle::isAlive);
        assertThat(layout.stateFile()).doesNotExist();
        assertThat(stack.health()).isEmpty();
        assertThat(stack.down()).isFalse();
    }

    @AfterAll
    void downAnyway() {
        stack.down();
    }

}
