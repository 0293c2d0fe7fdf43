package dev.samuel.bench.tabular;

import dev.samuel.cli.io.Row;
import dev.samuel.contracts.avro.ConfluentWire;
import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.spec.ModelSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Rows as a producer with a Confluent serializer writes them: an Avro record per row (a categorical feature an
 * optional string, a number an optional double, null where missing; the label a string in the spec's
 * {@code task.labelField}), in the Confluent wire format with the id the registry gave the schema. Written here with
 * Avro's own {@link GenericDatumWriter} and {@link ConfluentWire#frame}, until contracts has a writer of its own.
 */
final class AvroRows {

    private final Schema schema;
    private final String labelField;
    private final GenericDatumWriter<GenericRecord> writer;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    private BinaryEncoder encoder;

    AvroRows(ModelSpec spec) {
        this.labelField = spec.task().recordLabelField();
        var fields = SchemaBuilder.record("Penguin").namespace("dev.samuel.bench.tabular").fields();
        for (var name : spec.input().names()) {
            fields = spec.input().categorical().containsKey(name) ? fields.optionalString(name)
                    : fields.optionalDouble(name);
        }
        this.schema = fields.requiredString(labelField).endRecord();
        this.writer = new GenericDatumWriter<>(schema);
    }

    /** The schema to register under the labelled topic's {@code -value} subject. */
    Schema schema() {
        return schema;
    }

    byte[] write(int schemaId, Row row) {
        var named = (Features.Named) row.features();
        var record = new GenericData.Record(schema);
        for (var field : schema.getFields()) {
            var name = field.name();
            var number = named.values().get(name);
            // The cli reads an empty cell as NaN, whatever the column: null in Avro, as in JSON.
            record.put(name, named.strings().containsKey(name) ? named.strings().get(name)
                    : number == null || number.isNaN() ? null : (double) number);
        }
        record.put(labelField, ((Label.Name) row.label()).value());
        out.reset();
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ConfluentWire.frame(schemaId, out.toByteArray());
    }
}
