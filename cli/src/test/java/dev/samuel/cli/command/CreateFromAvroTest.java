package dev.samuel.cli.command;

import static dev.samuel.cli.CommandLineRun.stderr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.cli.Samuel;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.spec.Fill;
import dev.samuel.contracts.spec.ModelSpecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `samuel create --from-avro` through the real command line: the spec it writes for each field, and refusals. */
class CreateFromAvroTest {

    private static final String EVERY_KIND = """
            {"type": "record", "name": "Listing", "namespace": "shop", "fields": [
              {"name": "rooms", "type": "int"},
              {"name": "area", "type": "long"},
              {"name": "ratio", "type": "float"},
              {"name": "price", "type": "double"},
              {"name": "garden", "type": "boolean"},
              {"name": "floor", "type": ["null", "int"], "default": null},
              {"name": "lift", "type": ["null", "boolean"], "default": null},
              {"name": "city", "type": "string"},
              {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["FLAT", "HOUSE"]}},
              {"name": "street", "type": ["null", "string"], "default": null},
              {"name": "listed", "type": {"type": "int", "logicalType": "date"}},
              {"name": "seen_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "fee", "type": {"type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 2}},
              {"name": "agent", "type": {"type": "string", "logicalType": "uuid"}},
              {"name": "weight", "type": ["null", "float"], "default": null},
              {"name": "band", "type": {"type": "enum", "name": "Band", "symbols": ["cheap", "fair", "dear"]}}
            ]}""";

    @TempDir
    Path dir;

    @Test
    void everyKindOfFieldBecomesAFeatureOfTheSpecAndTheSpecValidates() throws IOException {
        var output = dir.resolve("listing.json");

        assertThat(stderr(0, "create", "--from-avro", schema(EVERY_KIND).toString(), "--label", "band",
                "--output", output.toString())).isEmpty();

        var spec = Json.MAPPER.readTree(output.toFile());
        assertThat(spec.get("name").asText()).isEqualTo("Listing");
        assertThat(spec.get("task")).isEqualTo(json("""
                {"type": "classification", "classNames": ["cheap", "fair", "dear"], "labelField": "band"}"""));
        assertThat(spec.get("input")).isEqualTo(json("""
                {"names": ["rooms", "area", "ratio", "price", "garden", "floor", "lift", "city", "kind", "street",
                           "listed", "seen_at", "fee", "agent"],
                 "missing": {"floor": "mean", "lift": "mean"},
                 "categorical": {"city": {}, "kind": {}, "street": {}, "agent": {}},
                 "unknownFields": "ignore"}"""));
        assertThat(spec.get("layers")).isEqualTo(json("""
                [{"dense": 32, "activation": "relu"}, {"dense": 3}]"""));
        var parsed = ModelSpecs.parse(Files.readString(output));
        assertThat(parsed.input().missing()).containsEntry("floor", Fill.MEAN);
        assertThat(parsed.task().recordLabelField()).isEqualTo("band");
        assertThat(parsed.optimizer().type()).isEqualTo("adam");
    }

    @Test
    void withoutOutputTheSpecIsPrintedAndALabelFieldNamedLabelIsTheDefault() throws IOException {
        var schema = schema(record("{\"name\": \"x\", \"type\": \"double\"}",
                "{\"name\": \"label\", \"type\": \"double\"}"));

        var spec = Json.MAPPER.readTree(stdout("create", "--from-avro", schema.toString(), "--label", "label",
                "--name", "prices"));

        assertThat(spec.get("name").asText()).isEqualTo("prices");
        assertThat(spec.get("task")).as("a double is a regression target").isEqualTo(json("{\"type\": \"regression\"}"));
        assertThat(spec.get("layers").get(1)).isEqualTo(json("{\"dense\": 1}"));
    }

    @Test
    void aLabelThatDoesNotNameItsClassesTakesThemFromTheOption() throws IOException {
        assertThat(task("{\"type\": \"boolean\"}")).isEqualTo(json("""
                {"type": "classification", "classNames": ["false", "true"], "labelField": "y"}"""));
        assertThat(task("\"long\"", "--classes", "4")).isEqualTo(json("""
                {"type": "classification", "classes": 4, "labelField": "y"}"""));
        assertThat(task("[\"null\", \"string\"]", "--classes", "low,high")).isEqualTo(json("""
                {"type": "classification", "classNames": ["low", "high"], "labelField": "y"}"""));
    }

    @Test
    void aLabelWhoseClassesAreUnknownIsRefusedSayingHowToGiveThem() throws IOException {
        assertThat(refused("\"string\"")).contains("label field 'y' is a class name", "--classes a,b,c");
        assertThat(refused("\"int\"")).contains("label field 'y' is a class index", "--classes N");
        assertThat(refused("\"string\"", "--classes", "3")).contains("list them with --classes a,b,c");
        assertThat(refused("\"double\"", "--classes", "a,b")).contains("--classes is not for label field 'y'");
    }

    @Test
    void fieldsThePlatformCannotReadAreRefusedByName() throws IOException {
        assertThat(refusedField("{\"name\": \"address\", \"type\": {\"type\": \"record\", \"name\": \"Address\","
                + " \"fields\": [{\"name\": \"zip\", \"type\": \"string\"}]}}"))
                .contains("field 'address' is of Avro type record Address", "Leave the field out");
        assertThat(refusedField("{\"name\": \"tags\", \"type\": {\"type\": \"array\", \"items\": \"string\"}}"))
                .contains("field 'tags' is of Avro type array of string");
        assertThat(refusedField("{\"name\": \"extra\", \"type\": [\"null\", {\"type\": \"map\", \"values\": \"int\"}]}"))
                .contains("field 'extra'", "map of int");
    }

    @Test
    void aSpecTheValidatorRefusesAndMisusedOptionsAreRefused() throws IOException {
        var textOnly = schema(record("{\"name\": \"city\", \"type\": \"string\"}",
                "{\"name\": \"label\", \"type\": \"boolean\"}"));
        assertThat(stderr(1, "create", "--from-avro", textOnly.toString(), "--label", "label"))
                .contains("not valid", "at least one feature must be numeric");

        var schema = schema(EVERY_KIND).toString();
        assertThat(stderr(1, "create", "--from-avro", schema, "--label", "price_band"))
                .contains("has no field 'price_band'", "[rooms, area,");
        assertThat(stderr(1, "create", "--from-avro", schema, "--label", "weight"))
                .contains("'weight' is an example's weight");
        var existing = Files.writeString(dir.resolve("edited.json"), "{}");
        assertThat(stderr(1, "create", "--from-avro", schema, "--label", "band", "--output", existing.toString()))
                .contains("exists");
        assertThat(Files.readString(existing)).isEqualTo("{}");
        assertThat(stderr(2, "create", "--label", "band")).contains("--from-avro");
        assertThat(stderr(1, "create")).contains("give the spec file");
    }

    private JsonNode task(String labelType, String... options) throws IOException {
        var schema = schema(record("{\"name\": \"x\", \"type\": \"float\"}",
                "{\"name\": \"y\", \"type\": " + labelType + "}"));
        var args = new ArrayList<>(List.of("create", "--from-avro", schema.toString(), "--label", "y"));
        args.addAll(List.of(options));
        return Json.MAPPER.readTree(stdout(args.toArray(String[]::new))).get("task");
    }

    private String refused(String labelType, String... options) throws IOException {
        var schema = schema(record("{\"name\": \"x\", \"type\": \"float\"}",
                "{\"name\": \"y\", \"type\": " + labelType + "}"));
        var args = new ArrayList<>(List.of("create", "--from-avro", schema.toString(), "--label", "y"));
        args.addAll(List.of(options));
        return stderr(1, args.toArray(String[]::new));
    }

    private String refusedField(String field) throws IOException {
        var schema = schema(record("{\"name\": \"x\", \"type\": \"float\"}", field,
                "{\"name\": \"label\", \"type\": \"double\"}"));
        return stderr(1, "create", "--from-avro", schema.toString(), "--label", "label");
    }

    private static String record(String... fields) {
        return "{\"type\": \"record\", \"name\": \"R\", \"fields\": [" + String.join(", ", fields) + "]}";
    }

    private Path schema(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "schema", ".avsc"), json);
    }

    private static JsonNode json(String text) throws IOException {
        return Json.MAPPER.readTree(text);
    }

    /** Runs the command, expecting success, and answers what it printed on stdout. */
    private static String stdout(String... args) {
        var out = new ByteArrayOutputStream();
        var previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Samuel.commandLine().execute(args)).isZero();
        } finally {
            System.setOut(previous);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
