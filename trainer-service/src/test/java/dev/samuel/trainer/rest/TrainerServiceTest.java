package dev.samuel.trainer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The trainer end to end on the embedded broker with the real model-registry: examples in the train and test
 * topics, a job asked for over REST, a version registered and promoted, a worse candidate registered but not
 * promoted, and a warm start from the champion that begins at its loss.
 */
@QuarkusTest
@QuarkusTestResource(TrainerTestResource.class)
class TrainerServiceTest {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    @InjectKafkaBroker
    KafkaBroker broker;

    @RegistryUrl
    URI registry;

    @Test
    void trainsRegistersPromotesAndGatesVersions() throws Exception {
        var model = "blobs-" + UUID.randomUUID().toString().substring(0, 8);
        putSpec(model, "{\"adam\": {\"lr\": 0.01}}", 10, "{\"random\": {\"seed\": 7}}");
        produceBlobs(Topics.of(model));
        awaitDataset(model, 600, 200);

        var first = runJob(model);
        assertThat(first.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(first.testLoss()).isLessThan(0.2);
        assertThat(first.testAccuracy()).isGreaterThan(0.95);
        assertThat(first.decision().promoted()).isTrue();
        assertThat(champion(model)).isEqualTo(first.version());

        putSpec(model, "{\"sgd\": {\"lr\": 0.000001}}", 1, "{\"random\": {\"seed\": 8}}");
        var worse = runJob(model);
        assertThat(worse.version()).isEqualTo(first.version() + 1);
        assertThat(worse.decision().promoted()).isFalse();
        assertThat(worse.decision().championVersion()).isEqualTo(first.version());
        assertThat(champion(model)).isEqualTo(first.version());

        putSpec(model, "{\"sgd\": {\"lr\": 0.000001}}", 1, "{\"from\": \"" + model + "@champion\"}");
        var warm = runJob(model);
        assertThat(warm.testLoss()).isCloseTo(first.testLoss(), org.assertj.core.api.Assertions.within(0.02));
        assertThat(warm.lineage()).containsEntry("init", model + " v" + first.version());

        int twoClasses = champion(model);
        putSpec(model, 3, "{\"adam\": {\"lr\": 0.01}}", 10, "{\"random\": {\"seed\": 9}}");
        var threeClasses = runJob(model);
        assertThat(threeClasses.decision().promoted()).as(threeClasses.decision().reason()).isTrue();
        assertThat(threeClasses.decision().reason()).contains("champion v" + twoClasses
                + " cannot be judged under the current spec", "needs 3 (task.classes 3)");
        assertThat(champion(model)).isEqualTo(threeClasses.version());

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("samuel_train_loss{model=\"" + model + "\"}"))
                .body(containsString("samuel_train_jobs_total{model=\"" + model + "\",outcome=\"succeeded\"} 4.0"));
    }

    /**
     * The spec is the moment a model exists: its data is followed from then on. Its train topic is created and the
     * first examples routed, as ingest does when the spec appears; they are in the trainer's data within 2 s of the
     * spec, and one the spec does not accept is counted as left out.
     */
    @Test
    void aNewModelsFirstExamplesAreInItsDataWithinTwoSecondsOfItsSpec() throws Exception {
        var model = "first-" + UUID.randomUUID().toString().substring(0, 8);
        var topics = Topics.of(model);
        long specPublished = System.nanoTime();
        putSpec(model, "{\"adam\": {\"lr\": 0.01}}", 1, "{\"random\": {\"seed\": 7}}");
        broker.createTopic(topics.train().name(), 1,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), SamuelSerdes.labelled(Encoding.JSON).serializer())) {
            producer.send(new ProducerRecord<>(topics.train().name(), "first", LabelledExample.of(new float[] {1, 2}, 1)));
            producer.send(new ProducerRecord<>(topics.train().name(), "too-wide",
                    LabelledExample.of(new float[] {1, 2, 3}, 1)));
            producer.flush();
        }

        awaitDataset(model, 1, 0);
        var read = Duration.ofNanos(System.nanoTime() - specPublished);
        System.out.printf("A new model's first example was in the trainer's data %d ms after its spec%n", read.toMillis());

        assertThat(read).isLessThan(Duration.ofSeconds(2));
        awaitDropped(model, "wrong_dimension", 1);
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "samuel_train_dataset_dropped_total{model=\"" + model + "\",reason=\"wrong_dimension\"} 1.0"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'samuel-trainer-followers' }.data.'datasets.following'",
                        org.hamcrest.Matchers.equalTo(true))
                .body("checks.find { it.name == 'samuel-trainer-followers' }.data.'datasets.recordsToRead'",
                        org.hamcrest.Matchers.equalTo(0))
                .body("checks.find { it.name == 'samuel-trainer-followers' }.data.'datasets.storedBytes'",
                        org.hamcrest.Matchers.greaterThan(0));

        // Shown from the model's spec on, before any job: a model whose examples the budget refused never trains.
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("samuel_train_owned{model=\"" + model + "\"} 1.0"))
                .body(containsString("samuel_train_store_refused{model=\"" + model + "\"} 0.0"))
                .body(containsString("samuel_train_dataset_size{model=\"" + model + "\",split=\"train\"} 1.0"));

        // Deleted from the registry: its examples go from the trainer's disk.
        given().baseUri(registry.toString()).port(registry.getPort())
                .header("Authorization", "Bearer " + TrainerTestResource.TOKEN)
                .delete("/models/" + model).then().statusCode(200);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (given().get("/models/" + model + "/dataset").statusCode() != 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        given().get("/models/" + model + "/dataset").then().statusCode(404)
                .body(containsString("holds no data of model " + model));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("samuel_train_owned{model=\"" + model + "\"}")))
                .body(org.hamcrest.Matchers.not(containsString("samuel_train_store_bytes{model=\"" + model + "\"}")))
                .body(org.hamcrest.Matchers.not(containsString("model=\"" + model + "\",split=")));
    }

    @Test
    void refusesJobsOfUnknownModelsAndUnknownJobs() {
        writer().post("/models/no-such-model/jobs").then().statusCode(404)
                .body(containsString("no model no-such-model is registered"));
        given().get("/models/no-such-model/jobs/nope").then().statusCode(404);
        given().get("/models/no-such-model/dataset").then().statusCode(404)
                .body(containsString("holds no data of model no-such-model"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void askingForAJobNeedsTheWriteToken() {
        given().post("/models/no-such-model/jobs").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"samuel-trainer\""))
                .body("status", equalTo(401)).body("message", containsString("writes need a bearer token"));
        given().header("Authorization", "Bearer not-it").post("/models/no-such-model/jobs").then().statusCode(403)
                .body("status", equalTo(403)).body("message", equalTo("the bearer token is not the trainer's write token"));
    }

    /** A request with the trainer's write token, as the cli sends it. */
    private static RequestSpecification writer() {
        return given().header("Authorization", "Bearer " + TrainerTestResource.TOKEN);
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

    private void awaitDropped(String model, String reason, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            var dropped = given().get("/models/" + model + "/dataset").then().statusCode(200).extract().jsonPath()
                    .getMap("dropped");
            if (Integer.valueOf(count).equals(dropped.get(reason))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the trainer did not count " + count + " " + reason + " examples of " + model);
    }

    private JobRecord runJob(String model) throws Exception {
        var id = writer().post("/models/" + model + "/jobs").then().statusCode(202)
                .extract().jsonPath().getString("id");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            var body = given().get("/models/" + model + "/jobs/" + id).then().statusCode(200).extract().asString();
            var job = Json.MAPPER.readValue(body, JobRecord.class);
            if (job.isFinished()) {
                assertThat(job.status()).as(job.message()).isEqualTo(JobStatus.SUCCEEDED);
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not finish within " + PATIENCE);
    }

    private void putSpec(String model, String optimizer, int epochs, String init) {
        putSpec(model, 2, optimizer, epochs, init);
    }

    private void putSpec(String model, int classes, String optimizer, int epochs, String init) {
        putSpec(registry, model, classes, optimizer, epochs, init);
    }

    static void putSpec(URI registry, String model, int classes, String optimizer, int epochs, String init) {
        var spec = """
                {"name": "%s", "task": {"type": "classification", "classes": %d}, "input": {"features": 2},
                 "layers": [{"dense": 8, "activation": "relu"}, {"dense": %d}], "optimizer": %s, "init": %s,
                 "training": {"batchSize": 32, "epochs": %d}}""".formatted(model, classes, classes, optimizer, init,
                epochs);
        given().baseUri(registry.toString()).port(registry.getPort())
                .header("Authorization", "Bearer " + TrainerTestResource.TOKEN)
                .contentType(ContentType.JSON).body(spec)
                .put("/models/" + model).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private int champion(String model) {
        return given().baseUri(registry.toString()).port(registry.getPort())
                .get("/models/" + model + "/aliases/champion").then().statusCode(200)
                .extract().jsonPath().getInt("version");
    }

    private void produceBlobs(ModelTopics topics) throws Exception {
        produceBlobs(broker, topics);
    }

    /** Two Gaussian blobs, as ingest would have routed them: 600 training examples, 200 held out. */
    static void produceBlobs(KafkaBroker broker, ModelTopics topics) throws Exception {
        var compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        broker.createTopic(topics.train().name(), 1, compacted);
        broker.createTopic(topics.test().name(), 1, compacted);
        var random = new Random(3);
        try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), SamuelSerdes.labelled(Encoding.JSON).serializer())) {
            for (int i = 0; i < 800; i++) {
                int label = i % 2;
                var example = LabelledExample.of(new float[] {
                    (float) ((label == 0 ? -2 : 2) + random.nextGaussian()),
                    (float) ((label == 0 ? 2000 : 2600) + 300 * random.nextGaussian())}, label);
                var topic = i < 600 ? topics.train() : topics.test();
                producer.send(new ProducerRecord<>(topic.name(), "example-" + i, example));
            }
            producer.flush();
        }
    }
}
