package dev.samuel.cli.avro;

import dev.samuel.cli.CliException;
import dev.samuel.cli.io.EventProducer;
import dev.samuel.cli.io.ModelFeatures;
import dev.samuel.cli.io.Row;
import dev.samuel.contracts.avro.AvroFields;
import dev.samuel.contracts.avro.AvroRecordWriter;
import dev.samuel.contracts.avro.AvroRecords;
import dev.samuel.contracts.avro.RegistryUnavailableException;
import dev.samuel.contracts.avro.SchemaRegistrationException;
import dev.samuel.contracts.avro.SchemaRegistryClient;
import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.spec.Task;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.Headers;

/**
 * Rows as Avro records of one schema in the Confluent wire format, as a producer's Confluent serializer writes them:
 * the schema is registered under {@code <topic>-value} (Confluent's TopicNameStrategy) the first time a row goes to
 * that topic, and each row is written with contracts' {@link AvroRecordWriter}, its label into the model's
 * {@code task.labelField}. A row that does not fit the schema is refused ({@link IllegalArgumentException}) naming
 * the field; the caller adds the line.
 */
public final class AvroRowEncoder implements EventProducer.RowEncoder {

    private final SchemaRegistryClient registry;
    private final Schema schema;
    private final Task task;
    /** Whether the label field holds text (a class name), a number, or neither kind the writer takes (null). */
    private final Boolean textLabel;
    private final Map<String, AvroRecordWriter> writers = new HashMap<>();

    public AvroRowEncoder(SchemaRegistryClient registry, Schema schema, Task task) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new CliException("the Avro schema is of type " + AvroFields.describe(schema)
                    + "; a model's records are Avro records");
        }
        this.registry = registry;
        this.schema = schema;
        this.task = task;
        featureFields().forEach(SpecFromAvro::kind);
        this.textLabel = readsAsText(schema.getField(task.recordLabelField()));
    }

    /**
     * The columns a CSV header is read against: every field of the schema but the label and the weight (every
     * field goes into each record, whatever the model reads), text fields kept as text.
     */
    public ModelFeatures features(String model, boolean ignoreUnknown) {
        var names = featureFields().stream().map(Schema.Field::name).toList();
        var text = featureFields().stream().filter(field -> readsAsText(field) == Boolean.TRUE)
                .map(Schema.Field::name).collect(Collectors.toSet());
        return new ModelFeatures(model + " (Avro schema " + schema.getFullName() + ")", names, ignoreUnknown, text);
    }

    // Every field is a feature but the label and the weight; one the platform cannot read is refused here, by name,
    // rather than every record being dead-lettered.
    private List<Schema.Field> featureFields() {
        return schema.getFields().stream()
                .filter(field -> AvroRecords.isFeature(field.name(), task.recordLabelField())).toList();
    }

    @Override
    public byte[] encode(String topic, Row row, Headers headers) {
        if (!(row.features() instanceof Features.Named named)) {
            throw new IllegalArgumentException("a plain vector of features has no field names; an Avro record needs"
                    + " named features (a CSV header, or JSON lines with \"features\" as an object)");
        }
        var values = new HashMap<String, Object>(named.values());
        values.putAll(named.strings());
        return writer(topic).write(values, label(row.label()), row.weight());
    }

    private AvroRecordWriter writer(String topic) {
        var writer = writers.get(topic);
        if (writer == null) {
            writer = new AvroRecordWriter(schema, register(topic + "-value"), task.recordLabelField());
            writers.put(topic, writer);
        }
        return writer;
    }

    private int register(String subject) {
        try {
            return registry.register(subject, schema);
        } catch (SchemaRegistrationException e) {
            throw new CliException(e.getMessage());
        } catch (RegistryUnavailableException e) {
            throw new CliException(e.getMessage() + ". Is the stack running? Start it with `bin/samuel up`, or name"
                    + " the registry's Confluent API with --schema-registry URL");
        }
    }

    // A file gives a label as a number or a name, whichever it holds; the spec's class names turn one into the other.
    private Label label(Label label) {
        var names = task.classNames();
        if (label == null || names == null || textLabel == null) {
            return label;
        }
        if (textLabel && label instanceof Label.Number number) {
            double index = number.value();
            return index == Math.rint(index) && index >= 0 && index < names.size()
                    ? Label.of(names.get((int) index)) : label;
        }
        if (!textLabel && label instanceof Label.Name name && task.classIndex(name.value()) >= 0) {
            return Label.of(task.classIndex(name.value()));
        }
        return label;
    }

    private static Boolean readsAsText(Schema.Field field) {
        try {
            return field == null ? null : AvroFields.kind(field) == AvroFields.Kind.TEXT;
        } catch (InvalidRecordException e) {
            return null;
        }
    }
}
