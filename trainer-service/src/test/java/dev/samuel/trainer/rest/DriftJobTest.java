package dev.samuel.trainer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.serde.SamuelSerdes;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.testkit.InjectKafkaBroker;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.trainer.RegistryUrl;
import dev.samuel.trainer.TrainerTestResource;
import dev.samuel.trainer.jobs.TrainingJob;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Jobs whose data starts at a change point ({@code dataFrom}), end to end with the real registry. The model's concept
 * changed: before the change point every label is the other class. A job that ignored its {@code dataFrom} would
 * train on both concepts and be judged on both, near 50 % accuracy; one that honours it trains and is judged on the
 * new concept alone.
 */
@QuarkusTest
@QuarkusTestResource(TrainerTestResource.class)
class DriftJobTest {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final int TRAIN = 600;
    static final int TEST = 200;

    @InjectKafkaBroker
    KafkaBroker broker;

    @RegistryUrl
    URI registry;

    @Test
    void aDriftJobTrainsAndIsJudgedOnlyOnTheDataAfterItsChangePoint() throws Exception {
        var model = "drift-" + UUID.randomUUID().toString().substring(0, 8);
        var topics = Topics.of(model);
        putSpec(model);
        var changedAt = Instant.now();
        produce(topics, changedAt);
        awaitDataset(model, 2 * TRAIN, 2 * TEST);

        // As the drift service writes it: a request on samuel.jobs, the change point by offsets.
        var start = new JobRecord.DataStart(Map.of(
                JobRecord.DataStart.key(topics.train().name(), 0), (long) TRAIN,
                JobRecord.DataStart.key(topics.test().name(), 0), (long) TEST), null);
        var id = "drift-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                Topics.JOBS.keySerde().serializer(), Topics.JOBS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.JOBS.name(), id,
                    JobRecord.requested(id, model, JobRecord.DRIFT, Instant.now(), start))).get();
        }
        var byOffsets = awaitFinished(model, id);

        assertThat(byOffsets.status()).as(byOffsets.message()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(byOffsets.trigger()).isEqualTo(JobRecord.DRIFT);
        assertThat(byOffsets.dataFrom()).isEqualTo(start);
        assertThat(byOffsets.testAccuracy()).isGreaterThan(0.95);
        assertThat(byOffsets.lineage()).containsEntry("examples.train", Integer.toString(TRAIN))
                .containsEntry("examples.test", Integer.toString(TEST))
                .containsEntry(TrainingJob.DATA_FROM, topics.test().name() + "/0@" + TEST + ", "
                        + topics.train().name() + "/0@" + TRAIN)
                .containsEntry("offset." + topics.train().name() + "-0", Integer.toString(2 * TRAIN));

        // By a timestamp over REST: the same data, and the champion judged on it too (a fair, close contest).
        var byTime = awaitFinished(model, request(model, "{\"dataFrom\": {\"timestamp\": \""
                + changedAt.minusSeconds(600) + "\"}}"));
        assertThat(byTime.status()).as(byTime.message()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(byTime.testAccuracy()).isGreaterThan(0.95);
        assertThat(byTime.lineage()).containsEntry("examples.train", Integer.toString(TRAIN))
                .containsEntry("examples.test", Integer.toString(TEST));
        assertThat(byTime.decision().championVersion()).isEqualTo(byOffsets.version());
        assertThat(byTime.decision().championTestLoss()).isLessThan(0.2);
    }

    @Test
    void aDataStartThatLeavesNoDataFailsTheJobSayingSo() throws Exception {
        var model = "drift-empty-" + UUID.randomUUID().toString().substring(0, 8);
        var topics = Topics.of(model);
        putSpec(model);
        produce(topics, Instant.now());
        awaitDataset(model, 2 * TRAIN, 2 * TEST);
        var train = topics.train().name();
        var test = topics.test().name();

        var noTraining = awaitFinished(model, request(model,
                "{\"dataFrom\": {\"offsets\": {\"" + train + "/0\": 5000}}}"));
        var noHoldout = awaitFinished(model, request(model,
                "{\"dataFrom\": {\"offsets\": {\"" + test + "/0\": 5000}}}"));

        assertThat(noTraining.status()).isEqualTo(JobStatus.FAILED);
        assertThat(noTraining.message()).isEqualTo("no training examples in " + train + " at or after the job's"
                + " dataFrom (" + train + "/0@5000): all " + 2 * TRAIN + " the trainer holds there are older");
        assertThat(noHoldout.status()).isEqualTo(JobStatus.FAILED);
        assertThat(noHoldout.message()).startsWith("no holdout examples in " + test + " at or after the job's dataFrom");
        writer().contentType(ContentType.JSON).body("{\"dataFrom\": {\"offsets\": {\"" + train + "\": 5}}}")
                .post("/models/" + model + "/jobs").then().statusCode(400)
                .body("message", containsString("dataFrom.offsets key '" + train + "' is not <topic>/<partition>"));
    }

    private String request(String model, String body) {
        return writer().contentType(ContentType.JSON).body(body).post("/models/" + model + "/jobs").then()
                .statusCode(202).extract().jsonPath().getString("id");
    }

    private static io.restassured.specification.RequestSpecification writer() {
        return given().header("Authorization", "Bearer " + TrainerTestResource.TOKEN);
    }

    private JobRecord awaitFinished(String model, String id) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            var response = given().get("/models/" + model + "/jobs/" + id);
            if (response.statusCode() == 200) {
                var job = Json.MAPPER.readValue(response.asString(), JobRecord.class);
                if (job.isFinished()) {
                    return job;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not finish within " + PATIENCE);
    }

    private void awaitDataset(String model, int train, int test) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            var response = given().get("/models/" + model + "/dataset");
            if (response.statusCode() == 200 && response.jsonPath().getInt("train") == train
                    && response.jsonPath().getInt("test") == test) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the trainer did not read " + train + " + " + test + " examples of " + model);
    }

    private void putSpec(String model) {
        var spec = """
                {"name": "%s", "task": {"type": "classification", "classes": 2}, "input": {"features": 2},
                 "layers": [{"dense": 8, "activation": "relu"}, {"dense": 2}], "optimizer": {"adam": {"lr": 0.01}},
                 "init": {"random": {"seed": 7}}, "training": {"batchSize": 32, "epochs": 10}}""".formatted(model);
        given().baseUri(registry.toString()).port(registry.getPort())
                .header("Authorization", "Bearer " + TrainerTestResource.TOKEN)
                .contentType(ContentType.JSON).body(spec)
                .put("/models/" + model).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /**
     * Two Gaussian blobs, as ingest would have routed them, twice: first the old concept (each blob labelled as the
     * other class, an hour before {@code changedAt}), then the new one (at {@code changedAt}); in each split the old
     * concept's examples come first, so the new concept starts at offset {@link #TRAIN} of the train topic and
     * {@link #TEST} of the test topic.
     */
    private void produce(ModelTopics topics, Instant changedAt) throws Exception {
        var compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        broker.createTopic(topics.train().name(), 1, compacted);
        broker.createTopic(topics.test().name(), 1, compacted);
        var random = new Random(5);
        try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), SamuelSerdes.labelled(Encoding.JSON).serializer())) {
            for (boolean old : new boolean[] {true, false}) {
                long timestamp = (old ? changedAt.minus(Duration.ofHours(1)) : changedAt).toEpochMilli();
                for (int i = 0; i < TRAIN + TEST; i++) {
                    int blob = i % 2;
                    var example = LabelledExample.of(new float[] {
                        (float) ((blob == 0 ? -2 : 2) + random.nextGaussian()),
                        (float) ((blob == 0 ? 2000 : 2600) + 300 * random.nextGaussian())}, old ? 1 - blob : blob);
                    var topic = i < TRAIN ? topics.train() : topics.test();
                    producer.send(new ProducerRecord<>(topic.name(), 0, timestamp,
                            (old ? "old-" : "new-") + i, example));
                }
                producer.flush();
            }
        }
    }
}
