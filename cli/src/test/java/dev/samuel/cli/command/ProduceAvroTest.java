package dev.samuel.cli.command;

import static dev.samuel.cli.CommandLineRun.stderr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.cli.JsonService;
import dev.samuel.contracts.avro.AvroRecords;
import dev.samuel.contracts.avro.ConfluentWire;
import dev.samuel.contracts.avro.SchemaRegistryClient;
import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.UnlabelledEvent;
import dev.samuel.contracts.json.Json;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.SchemaRegistryProcess;
import dev.samuel.testkit.TestClients;
import dev.samuel.testkit.WithKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `samuel produce --avro-schema` through the real command line, against a real schema registry (the
 * {@code schema-registry} module's Apicurio) and a real broker: the records on the topics are Confluent-wire Avro of
 * the registered schema that {@link AvroRecords} reads back as the same examples and events as the JSON path sends,
 * from JSON lines and from CSV alike.
 */
@WithKafka
class ProduceAvroTest {

    private static final String SCHEMA = """
            {"type": "record", "name": "House", "namespace": "shop", "fields": [
              {"name": "rooms", "type": "int"},
              {"name": "area", "type": "double"},
              {"name": "garden", "type": "boolean"},
              {"name": "floor", "type": ["null", "int"], "default": null},
              {"name": "city", "type": "string"},
              {"name": "zip", "type": ["null", "string"], "default": null},
              {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["FLAT", "HOUSE"]}},
              {"name": "band", "type": ["null", {"type": "enum", "name": "Band", "symbols": ["cheap", "fair", "dear"]}],
               "default": null}
            ]}""";
    private static final String JSON_LINES = """
            {"id": "h1", "features": {"rooms": 3, "area": 72.5, "garden": true, "floor": 2, "city": "Lyon", "zip": "69001", "kind": "FLAT"}, "label": "cheap"}
            {"id": "h2", "features": {"rooms": 5, "area": 140, "garden": false, "floor": null, "city": "Nice", "zip": null, "kind": "HOUSE"}, "label": 2}
            {"id": "h3", "features": {"rooms": 4, "area": 95.25, "garden": true, "floor": 0, "city": "Lyon", "zip": "02134", "kind": "HOUSE"}, "label": "fair"}
            {"id": "e1", "features": {"rooms": 2, "area": 40, "garden": false, "floor": 5, "city": "Paris", "zip": "75011", "kind": "FLAT"}}
            """;
    private static final String CSV = """
            id,rooms,area,garden,floor,city,zip,kind,band
            h1,3,72.5,true,2,Lyon,69001,FLAT,cheap
            h2,5,140,false,,Nice,,HOUSE,dear
            h3,4,95.25,TRUE,0,Lyon,02134,HOUSE,fair
            """;

    private static SchemaRegistryProcess schemas;
    private static JsonService registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        schemas = SchemaRegistryProcess.start();
        registry = JsonService.start(path -> path.startsWith("/models/")
                ? new JsonService.Answer(200, model(path.substring("/models/".length())))
                : new JsonService.Answer(404, "{\"status\": 404, \"message\": \"no model\"}"));
    }

    @AfterAll
    static void stop() {
        registry.close();
        schemas.close();
    }

    @Test
    void jsonLinesAndCsvGoAsAvroRecordsThatReadAsTheJsonPathsExamples(KafkaBroker broker) throws Exception {
        createTopics(broker, "plain", "avro", "csv");
        var jsonLines = Files.writeString(dir.resolve("houses.jsonl"), JSON_LINES);
        var avsc = Files.writeString(dir.resolve("house.avsc"), SCHEMA).toString();

        assertThat(produce(broker, jsonLines, "plain")).isEmpty();
        assertThat(produce(broker, jsonLines, "avro", "--avro-schema", avsc)).isEmpty();
        assertThat(produce(broker, Files.writeString(dir.resolve("houses.csv"), CSV), "csv", "--avro-schema", avsc))
                .isEmpty();

        var avro = new AvroRecords(new SchemaRegistryClient(schemas.confluentUrl()));
        var plain = labelled(broker, "plain", 3, value -> Codec.WITHOUT_REGISTRY.readLabelled(value, null));
        var fromJson = labelled(broker, "avro", 3, value -> avro.labelled(value, "band"));
        var fromCsv = labelled(broker, "csv", 3, value -> avro.labelled(value, "band"));
        assertThat(fromJson.keySet()).containsExactly("h1", "h2", "h3");
        // The JSON path keeps a label as the file has it (2); the Avro field holds the class's name.
        fromJson.forEach((id, example) -> {
            assertThat(example.features()).as(id).isEqualTo(plain.get(id).features());
            assertThat(example.label()).as(id).isEqualTo(id.equals("h2") ? Label.of("dear") : plain.get(id).label());
        });
        assertThat(fromCsv).isEqualTo(fromJson);

        var event = records(broker, "avro.unlabelled", 1).get(0);
        assertThat(event.key()).isEqualTo("e1");
        assertThat(avro.unlabelled(event.value(), "band").features())
                .isEqualTo(records(broker, "plain.unlabelled", 1).stream()
                        .map(r -> Codec.WITHOUT_REGISTRY.readUnlabelled(r.value(), r.headers()))
                        .map(UnlabelledEvent::features).findFirst().orElseThrow());
        assertThat(subjects()).contains("avro.labelled-value", "avro.unlabelled-value", "csv.labelled-value");
    }

    @Test
    void aRowThatDoesNotFitTheSchemaStopsTheFileNamingItsLineAndField(KafkaBroker broker) throws Exception {
        createTopics(broker, "strict");
        var file = Files.writeString(dir.resolve("bad.csv"), """
                rooms,area,garden,floor,city,zip,kind,band
                3,72.5,true,2,Lyon,69001,FLAT,cheap
                3.5,80,true,2,Lyon,69001,FLAT,cheap
                """);
        var avsc = Files.writeString(dir.resolve("house.avsc"), SCHEMA).toString();

        assertThat(produce(broker, file, "strict", 1, "--avro-schema", avsc)).isEqualTo("samuel: line 3: field 'rooms'"
                + " is of Avro type int: 3.5 is not a whole number in its range");
        assertThat(stderr(1, "produce", file.toString(), "--model", "strict", "--avro-schema", avsc,
                "--encoding", "f32le")).contains("--encoding is for the platform's own formats");
    }

    /** The registry's answer for a model of the schema's features, its label in the field 'band'. */
    private static String model(String name) {
        return """
                {"name": "%s", "spec": {"name": "%s",
                  "task": {"type": "classification", "classNames": ["cheap", "fair", "dear"], "labelField": "band"},
                  "input": {"names": ["rooms", "area", "garden", "floor", "city", "zip", "kind"],
                            "missing": {"floor": "mean"}, "categorical": {"city": {}, "zip": {}, "kind": {}}},
                  "layers": [{"dense": 3}]}}""".formatted(name, name);
    }

    private static void createTopics(KafkaBroker broker, String... models) {
        for (var model : models) {
            broker.createTopic(model + ".labelled", 1);
            broker.createTopic(model + ".unlabelled", 1);
        }
    }

    private String produce(KafkaBroker broker, Path file, String model, String... more) {
        return produce(broker, file, model, 0, more);
    }

    private String produce(KafkaBroker broker, Path file, String model, int exitCode, String... more) {
        var args = new ArrayList<>(List.of("produce", file.toString(), "--model", model, "--registry", registry.url(),
                "--bootstrap", broker.bootstrapServers()));
        args.addAll(List.of(more));
        if (args.contains("--avro-schema")) {
            args.addAll(List.of("--schema-registry", schemas.confluentUrl()));
        }
        return stderr(exitCode, args.toArray(String[]::new));
    }

    private static Map<String, LabelledExample> labelled(KafkaBroker broker, String model, int count,
            Function<byte[], LabelledExample> read) {
        var examples = new TreeMap<String, LabelledExample>();
        for (var record : records(broker, model + ".labelled", count)) {
            assertThat(record.value()[0]).as("Avro records start with the magic byte; JSON with '{'")
                    .isEqualTo(model.equals("plain") ? (byte) '{' : ConfluentWire.MAGIC);
            examples.put(record.key(), read.apply(record.value()));
        }
        return examples;
    }

    private static List<ConsumerRecord<String, byte[]>> records(KafkaBroker broker, String topic, int count) {
        return TestClients.drain(broker.bootstrapServers(), topic, count, Duration.ofSeconds(30),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<String> subjects() throws Exception {
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(schemas.confluentUrl()
                + "/subjects")).build(), HttpResponse.BodyHandlers.ofString());
        return List.of(Json.MAPPER.readValue(answer.body(), String[].class));
    }
}
