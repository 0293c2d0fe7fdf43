package dev.samuel.trainer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.http.Backoff;
import dev.samuel.plumbing.launch.PackagedService;
import dev.samuel.plumbing.launch.RunningService;
import dev.samuel.plumbing.registry.RegistryClient;
import dev.samuel.testkit.EmbeddedKafkaBroker;
import dev.samuel.trainer.TrainerTestResource;
import dev.samuel.trainer.app.SharedModelsTest;
import dev.samuel.trainer.jobs.JobManager;
import dev.samuel.trainer.kafka.ModelShare;
import dev.samuel.trainer.kafka.TrainerGroup;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two trainers, each the packaged service in a process of its own, on this test's own broker (a trainer of the
 * module's Quarkus tests would join their group on the shared one) with the real model-registry. Four models, two
 * owned by each trainer, jobs asked for all through one of them: each job runs once, on its model's owner, the two
 * trainers at once. Then a trainer is killed mid-job, and the other fails its job and runs it again.
 */
class SharedTrainersIT {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final int EPOCHS = 150;

    EmbeddedKafkaBroker broker;
    RunningService registry;
    final Map<String, RunningService> trainers = new LinkedHashMap<>();

    @AfterEach
    void stop() throws Exception {
        for (var trainer : trainers.values()) {
            trainer.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void twoTrainersShareTheModelsAndTheSurvivorRerunsAKilledTrainersJob() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        registry = TrainerTestResource.startRegistry(broker.bootstrapServers());
        var a = start("a");
        var b = start("b");
        a.awaitReady(PATIENCE);
        b.awaitReady(PATIENCE);
        var shares = awaitShares();

        var models = new LinkedHashMap<String, String>();
        SharedModelsTest.models(shares.get("a"), "shared-a", 2).forEach(model -> models.put(model, "a"));
        SharedModelsTest.models(shares.get("b"), "shared-b", 2).forEach(model -> models.put(model, "b"));
        for (var model : models.keySet()) {
            TrainerServiceTest.putSpec(URI.create(registry.url()), model, 2, "{\"adam\": {\"lr\": 0.01}}", EPOCHS,
                    "{\"random\": {\"seed\": 7}}");
            TrainerServiceTest.produceBlobs(broker, Topics.of(model));
        }
        for (var model : models.keySet()) {
            await("trainer " + models.get(model) + " to hold the data of " + model,
                    () -> held(trainers.get(models.get(model)), model) == 600);
        }

        // Every request goes to trainer a, as a load balancer might send them.
        var jobs = new LinkedHashMap<String, String>();
        for (var model : models.keySet()) {
            jobs.put(model, request(a, model).id());
        }
        var together = new AtomicBoolean();
        await("every job to end", () -> {
            var running = new ArrayList<String>();
            boolean ended = true;
            for (var model : models.keySet()) {
                var job = job(a, model, jobs.get(model));
                ended &= job.isFinished();
                if (job.status() == JobStatus.RUNNING) {
                    running.add(models.get(model));
                }
            }
            together.compareAndSet(false, running.containsAll(List.of("a", "b")));
            return ended;
        });

        assertThat(together).as("a job of each trainer seen running at the same moment").isTrue();
        var versions = new RegistryClient(URI.create(registry.url()), TrainerTestResource.TOKEN, Backoff.NONE,
                Duration.ofSeconds(30));
        for (var model : models.keySet()) {
            var done = job(b, model, jobs.get(model));
            assertThat(done.status()).as(done.message()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(done.lineage()).containsEntry(JobManager.TRAINER, models.get(model));
            // Run once: one version, registered by this job.
            assertThat(versions.versions(model)).hasSize(1);
            assertThat(versions.registeredBy(model, done.id())).isPresent();
        }

        var moving = models.keySet().iterator().next();
        var interrupted = request(b, moving).id();
        await("the job to run on trainer a", () -> job(b, moving, interrupted).status() == JobStatus.RUNNING);
        trainers.get("a").kill();

        await("the killed trainer's job to fail", () -> job(b, moving, interrupted).isFinished());
        var failed = job(b, moving, interrupted);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.message()).contains("interrupted");
        await("the job to run again on trainer b", () -> jobsOf(b, moving).stream()
                .anyMatch(job -> job.trigger().equals("restart") && job.status() == JobStatus.SUCCEEDED));
        var again = jobsOf(b, moving).stream().filter(job -> job.trigger().equals("restart")).toList();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).lineage()).containsEntry(JobManager.TRAINER, "b");
        assertThat(versions.versions(moving)).hasSize(2);
    }

    private RunningService start(String name) throws Exception {
        int port = TrainerTestResource.freePort();
        var trainer = PackagedService.in(Path.of(".."), "trainer-service")
                .start(port, Path.of("target/shared-trainer-" + name + "-" + port + ".log"), command -> command
                        .option("-Xmx384m")
                        .property("kafka.bootstrap.servers", broker.bootstrapServers())
                        // A killed trainer's models move once its session ends (Kafka's default is 45 s).
                        .property("kafka.session.timeout.ms", 6000)
                        .property("kafka.heartbeat.interval.ms", 1000)
                        .property("samuel.trainer.instance", name)
                        .property("samuel.trainer.registry-url", registry.url())
                        .property("samuel.trainer.registry-token", TrainerTestResource.TOKEN)
                        .property("samuel.trainer.write-token", TrainerTestResource.TOKEN));
        trainers.put(name, trainer);
        return trainer;
    }

    /** The partitions of samuel.jobs each trainer holds, once both hold some and together all. */
    private Map<String, ModelShare> awaitShares() throws Exception {
        var shares = new HashMap<String, ModelShare>();
        try (var admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            int count = Topics.JOBS.settings().partitions();
            await("both trainers to hold partitions of " + Topics.JOBS.name(), () -> {
                var group = get(() -> admin.describeConsumerGroups(List.of(TrainerGroup.GROUP)).all().get()
                        .get(TrainerGroup.GROUP));
                shares.clear();
                group.members().forEach(member -> shares.put(member.clientId().replace("samuel-trainer-group-", ""),
                        new ModelShare(member.assignment().topicPartitions().stream().map(p -> p.partition())
                                .collect(Collectors.toSet()), count)));
                return shares.size() == 2 && shares.values().stream().allMatch(s -> !s.partitions().isEmpty())
                        && shares.values().stream().mapToInt(s -> s.partitions().size()).sum() == count;
            });
        }
        return shares;
    }

    /** The training examples a trainer holds of a model; -1 while it holds none (it does not own it, or not yet). */
    private static int held(RunningService trainer, String model) {
        var response = given().baseUri(trainer.url()).get("/models/" + model + "/dataset");
        return response.statusCode() == 200 ? response.jsonPath().getInt("train") : -1;
    }

    private static JobRecord request(RunningService trainer, String model) throws Exception {
        var body = given().baseUri(trainer.url()).header("Authorization", "Bearer " + TrainerTestResource.TOKEN)
                .post("/models/" + model + "/jobs").then().statusCode(202).extract().asString();
        return Json.MAPPER.readValue(body, JobRecord.class);
    }

    private static JobRecord job(RunningService trainer, String model, String id) {
        var body = given().baseUri(trainer.url()).get("/models/" + model + "/jobs/" + id).then().statusCode(200)
                .extract().asString();
        return get(() -> Json.MAPPER.readValue(body, JobRecord.class));
    }

    private static List<JobRecord> jobsOf(RunningService trainer, String model) {
        var body = given().baseUri(trainer.url()).get("/models/" + model + "/jobs").then().statusCode(200)
                .extract().asString();
        return List.of(get(() -> Json.MAPPER.readValue(body, JobRecord[].class)));
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T get(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + PATIENCE + " for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
