package dev.samuel.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.samuel.contracts.json.Json;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published schema cannot drift from the code: it names exactly the JSON properties of the spec records, with
 * their JSON types, recursively (walking the records by reflection, {@code @JsonProperty} names included; a layer by
 * its JSON form {@link LayerJson}, which every kind of layer is read and written through), and the names the code
 * lists (losses, task types, activations, optimizers, layer kinds).
 */
class ModelSpecSchemaTest {

    private static final JsonNode SCHEMA = read(ModelSpecSchema.json());

    @Test
    void namesExactlyTheJsonPropertiesOfTheSpecRecords() {
        var problems = new ArrayList<String>();
        check(ModelSpec.class, SCHEMA, "(spec)", problems);

        assertThat(problems).isEmpty();
    }

    @Test
    void listsTheNamesTheCodeAccepts() {
        assertThat(strings(SCHEMA.at("/properties/loss/enum"))).isEqualTo(ModelSpec.LOSSES);
        assertThat(strings(def("task").at("/properties/type/enum"))).containsExactly(Task.CLASSIFICATION, Task.REGRESSION);
        assertThat(strings(def("layer").at("/properties/activation/enum"))).isEqualTo(Layer.ACTIVATIONS);
        assertThat(names(def("optimizer").path("properties"))).containsExactlyElementsOf(Optimizer.TYPES);
    }

    /** A layer's JSON names are its kinds ({@link Layer#KINDS}) and the fields that qualify them. */
    @Test
    void layerPropertiesAreTheKindsAndTheirSettings() {
        var json = jsonNames(LayerJson.class);
        var settings = new LinkedHashSet<>(json);
        Layer.KINDS.forEach(settings::remove);

        assertThat(json).containsAll(Layer.KINDS);
        assertThat(settings).containsExactlyInAnyOrder("activation", "kernel", "stride", "padding", "dilation", "groups");
        assertThat(names(def("layer").path("properties"))).containsExactlyInAnyOrderElementsOf(json);
    }

    /**
     * Every type of layer, each with every field set: so a kind or a field that the JSON form does not carry cannot
     * hide from the checks above, which read that form. Each must be written in the schema's terms and read back equal.
     */
    @Test
    void everyTypeOfLayerIsWrittenInTheSchemasTermsAndReadBack() throws Exception {
        var everyField = List.of(Layer.dense(8, "relu"), Layer.dropout(0.5),
                Layer.conv2d(8, 3, 2, 1, 1, 1, "tanh"), new Pool2dLayer(Pool2dLayer.Pooling.MAX, 2, 1),
                Layer.avgPool2d(2, 1), new GlobalAvgPoolLayer(), Layer.batchNormalization(), Layer.flattened());
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(ModelSpecSchema.json());

        assertThat(everyField.stream().map(Object::getClass)).containsAll(List.of(Layer.class.getPermittedSubclasses()));
        assertThat(everyField.stream().map(Layer::kind)).containsExactlyElementsOf(Layer.KINDS);
        for (var layer : everyField) {
            assertThat(layer.getClass().getRecordComponents()).as(layer.kind())
                    .allSatisfy(component -> assertThat(component.getAccessor().invoke(layer)).isNotNull());
            var json = Json.MAPPER.writeValueAsString(layer);
            var spec = """
                    {"name": "m", "task": {"type": "regression"}, "input": {"features": 2}, "layers": [%s]}""".formatted(json);

            assertThat(schema.validate(spec, InputFormat.JSON)).as(json).isEmpty();
            assertThat(Json.MAPPER.readValue(json, Layer.class)).isEqualTo(layer);
        }
    }

    @Test
    void isAValidDraft202012Schema() {
        var metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(ModelSpecSchema.json(), InputFormat.JSON)).isEmpty();
        assertThat(SCHEMA.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void refusesWhatTheReaderRefuses() {
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(ModelSpecSchema.json());
        var valid = """
                {"name": "m", "task": {"type": "regression"}, "input": {"features": 2}, "layers": [{"dense": 1}]}""";

        assertThat(schema.validate(valid, InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(valid.replace("\"layers\"", "\"layerz\""), InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(valid.replace("{\"dense\": 1}", "{\"dense\": 1, \"activation\": \"swish\"}"),
                InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(valid.replace("}]}", "}], \"optimizer\": {\"adam\": {}, \"sgd\": {}}}"),
                InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(valid.replace("}]}", "}], \"training\": {\"epochs\": \"three\"}}"),
                InputFormat.JSON)).isNotEmpty();
    }

    private static void check(Type type, JsonNode node, String at, List<String> problems) {
        var schema = resolve(node);
        var raw = raw(type);
        if (raw == Optimizer.class) {
            checkOptimizer(schema, at, problems);
        } else if (raw == Layer.class) {
            checkRecord(LayerJson.class, schema, at, problems);
        } else if (raw.isRecord()) {
            checkRecord(raw, schema, at, problems);
        } else if (Map.class.isAssignableFrom(raw)) {
            // A drift detector's block: read by the drift library, its fields listed in the schema's "detector".
            expectType(schema, "object", at, problems);
        } else if (List.class.isAssignableFrom(raw)) {
            expectType(schema, "array", at, problems);
            check(((ParameterizedType) type).getActualTypeArguments()[0], schema.path("items"), at + "[]", problems);
        } else {
            expectType(schema, scalarType(raw, at), at, problems);
        }
    }

    private static void checkRecord(Class<?> record, JsonNode schema, String at, List<String> problems) {
        expectType(schema, "object", at, problems);
        if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
            problems.add(at + ": additionalProperties must be false, the reader refuses unknown fields");
        }
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (var component : record.getRecordComponents()) {
            components.put(jsonName(component), component);
        }
        var properties = schema.path("properties");
        var inSchema = names(properties);
        var ignored = record.getAnnotation(JsonIgnoreProperties.class);
        if (ignored != null) {
            // Read and dropped (ModelSpec's "$schema" for editors): the schema may name them, as nothing of the spec.
            inSchema.removeAll(List.of(ignored.value()));
        }
        if (!inSchema.equals(components.keySet())) {
            problems.add(at + ": the schema names " + inSchema + ", " + record.getSimpleName() + " reads "
                    + components.keySet());
        }
        for (var required : schema.path("required")) {
            if (!components.containsKey(required.asText())) {
                problems.add(at + ": requires '" + required.asText() + "', which " + record.getSimpleName() + " lacks");
            }
        }
        components.forEach((name, component) -> {
            if (properties.has(name)) {
                check(component.getGenericType(), properties.get(name), at + "." + name, problems);
            }
        });
    }

    /** An object with one key naming the rule, whose value is the rule's parameters. */
    private static void checkOptimizer(JsonNode schema, String at, List<String> problems) {
        expectType(schema, "object", at, problems);
        if (schema.path("minProperties").asInt() != 1 || schema.path("maxProperties").asInt() != 1
                || schema.path("additionalProperties").asBoolean(true)) {
            problems.add(at + ": an optimizer is an object with exactly one key, one of " + Optimizer.TYPES);
        }
        var properties = schema.path("properties");
        if (!names(properties).equals(new LinkedHashSet<>(Optimizer.TYPES))) {
            problems.add(at + ": the schema names " + names(properties) + ", Optimizer reads " + Optimizer.TYPES);
        }
        properties.properties().forEach(entry -> checkRecord(Optimizer.Parameters.class, resolve(entry.getValue()),
                at + "." + entry.getKey(), problems));
    }

    private static void expectType(JsonNode schema, String expected, String at, List<String> problems) {
        if (!expected.equals(schema.path("type").asText())) {
            problems.add(at + ": type " + schema.path("type") + ", expected \"" + expected + "\"");
        }
    }

    private static String scalarType(Class<?> raw, String at) {
        if (raw == String.class || raw == Duration.class) {
            return "string";
        }
        if (raw == Integer.class || raw == Long.class) {
            return "integer";
        }
        if (raw == Double.class || raw == Float.class) {
            return "number";
        }
        if (raw == Boolean.class) {
            return "boolean";
        }
        throw new AssertionError(at + ": no JSON type known for " + raw + "; teach this test");
    }

    /** The name Jackson reads a component by: its {@code @JsonProperty}, wherever the record put it, or its own. */
    static String jsonName(RecordComponent component) {
        var annotation = Stream.of(component.getAnnotation(JsonProperty.class),
                        component.getAccessor().getAnnotation(JsonProperty.class), field(component))
                .filter(a -> a != null && !a.value().isEmpty()).findFirst();
        return annotation.map(JsonProperty::value).orElse(component.getName());
    }

    private static JsonProperty field(RecordComponent component) {
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    static Set<String> jsonNames(Class<?> record) {
        var names = new LinkedHashSet<String>();
        for (var component : record.getRecordComponents()) {
            names.add(jsonName(component));
        }
        return names;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
    }

    /** Follows a local {@code $ref} such as {@code #/$defs/task}. */
    private static JsonNode resolve(JsonNode node) {
        var ref = node.path("$ref");
        return ref.isMissingNode() ? node : SCHEMA.at(ref.asText().substring(1));
    }

    private static JsonNode def(String name) {
        return SCHEMA.path("$defs").path(name);
    }

    private static Set<String> names(JsonNode object) {
        var names = new LinkedHashSet<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("the schema is not JSON: " + e.getMessage(), e);
        }
    }
}
