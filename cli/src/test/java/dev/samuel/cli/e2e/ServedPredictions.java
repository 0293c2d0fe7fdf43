package dev.samuel.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.samuel.contracts.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What inference serves, read the two ways a user reads it: {@code M.predictions} and OIP V2 REST. */
final class ServedPredictions {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String bootstrap;
    private final String inference;

    ServedPredictions(String bootstrap, String inference) {
        this.bootstrap = bootstrap;
        this.inference = inference;
    }

    void awaitServing(String model, int version, Duration timeout) throws InterruptedException {
        ModelContractIT.await(model + " v" + version + " to be served", () -> {
            var metadata = get("/v2/models/" + model);
            return metadata != null && metadata.path("versions").path(0).asText().equals(Integer.toString(version));
        });
    }

    /**
     * Every event has one prediction, made by {@code version}; OIP answers the same prediction and probabilities
     * (or values) for the same rows.
     */
    void assertConsistent(String model, int version, String events, Duration timeout) throws Exception {
        var rows = new ArrayList<JsonNode>();
        for (var line : events.split("\n")) {
            rows.add(Json.MAPPER.readTree(line));
        }
        var predictions = read(model + ".predictions", rows.size(), timeout);
        assertThat(predictions.keySet()).containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> r.path("id").asText())
                .toList());
        predictions.values().forEach(p -> assertThat(p.path("version").asInt()).isEqualTo(version));

        var answer = infer(model, rows);
        assertThat(answer.path("model_version").asText()).isEqualTo(Integer.toString(version));
        var prediction = output(answer, "prediction");
        var probabilities = output(answer, "probabilities");
        for (int row = 0; row < rows.size(); row++) {
            var kafka = predictions.get(rows.get(row).path("id").asText());
            assertPrediction(kafka.path("prediction"), prediction, row);
            if (probabilities == null) {
                assertThat(kafka.has("scores")).isFalse();
                continue;
            }
            int classes = kafka.path("scores").size();
            for (int k = 0; k < classes; k++) {
                assertThat(kafka.path("scores").path(k).floatValue())
                        .isCloseTo(probabilities.path("data").path(row * classes + k).floatValue(), within(1e-6f));
            }
        }
    }

    private static void assertPrediction(JsonNode kafka, JsonNode oip, int row) {
        if (kafka.isArray()) {
            for (int k = 0; k < kafka.size(); k++) {
                assertThat(kafka.path(k).floatValue()).isCloseTo(oip.path("data").path(row * kafka.size() + k).floatValue(),
                        within(1e-6f));
            }
        } else if (kafka.isNumber() && oip.path("datatype").asText().equals("FP32")) {
            assertThat(kafka.floatValue()).isCloseTo(oip.path("data").path(row).floatValue(), within(1e-6f));
        } else {
            assertThat(kafka.asText()).isEqualTo(oip.path("data").path(row).asText());
        }
    }

    private static JsonNode output(JsonNode answer, String name) {
        for (var output : answer.path("outputs")) {
            if (output.path("name").asText().equals(name)) {
                return output;
            }
        }
        return null;
    }

    private JsonNode infer(String model, List<JsonNode> rows) throws Exception {
        var metadata = get("/v2/models/" + model);
        var data = Json.MAPPER.createArrayNode();
        rows.forEach(row -> row.path("features").forEach(data::add));
        var input = Json.MAPPER.createObjectNode().put("name", metadata.path("inputs").path(0).path("name").asText())
                .put("datatype", "FP32");
        ((ArrayNode) input.putArray("shape")).add(rows.size()).add(rows.get(0).path("features").size());
        input.set("data", data);
        var body = Json.MAPPER.createObjectNode();
        body.putArray("inputs").add(input);
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(inference + "/v2/models/" + model + "/infer"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private JsonNode get(String path) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(inference + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Json.MAPPER.readTree(response.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The predictions of a topic by id, read committed, once {@code count} have arrived. */
    Map<String, JsonNode> read(String topic, int count, Duration timeout) throws Exception {
        var config = Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var byId = new HashMap<String, JsonNode>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            var partitions = new ArrayList<TopicPartition>();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (byId.size() < count && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(byId.put(record.key(), Json.MAPPER.readTree(record.value())))
                            .as("a second prediction of " + record.key()).isNull();
                }
            }
        }
        assertThat(byId).as("predictions on " + topic).hasSize(count);
        return byId;
    }
}
