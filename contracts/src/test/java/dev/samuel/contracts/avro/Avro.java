package dev.samuel.contracts.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;

/** Records written as a Confluent serializer writes them: Avro's own writer, framed with the schema's id. */
final class Avro {

    /** Every plain type a feature may be, a nullable string label and a weight: the tests' usual record. */
    static final Schema HOUSE = schema("""
            {"type": "record", "name": "House", "fields": [
              {"name": "rooms", "type": "int"},
              {"name": "area", "type": "long"},
              {"name": "ratio", "type": "float"},
              {"name": "price", "type": "double"},
              {"name": "garden", "type": "boolean"},
              {"name": "city", "type": "string"},
              {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["FLAT", "HOUSE"]}},
              {"name": "floor", "type": ["null", "int"], "default": null},
              {"name": "street", "type": ["null", "string"], "default": null},
              {"name": "label", "type": ["null", "string"], "default": null},
              {"name": "weight", "type": ["null", "float"], "default": null}
            ]}""");

    /** The logical types read as numbers and text, each once. */
    static final Schema TRADE = schema("""
            {"type": "record", "name": "Trade", "fields": [
              {"name": "day", "type": {"type": "int", "logicalType": "date"}},
              {"name": "at_ms", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "at_us", "type": {"type": "long", "logicalType": "timestamp-micros"}},
              {"name": "of_day", "type": {"type": "int", "logicalType": "time-millis"}},
              {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 3}},
              {"name": "fee", "type": {"type": "fixed", "name": "Fee", "size": 4, "logicalType": "decimal",
                "precision": 6, "scale": 2}},
              {"name": "id", "type": {"type": "string", "logicalType": "uuid"}}
            ]}""");

    private Avro() {
    }

    static Schema schema(String json) {
        return new Schema.Parser().parse(json);
    }

    /** A record of {@code schema} with the given fields set (the rest keep their defaults or null). */
    static GenericRecord record(Schema schema, Map<String, ?> fields) {
        var record = new GenericData.Record(schema);
        fields.forEach(record::put);
        return record;
    }

    static byte[] body(GenericRecord record) {
        try {
            var out = new ByteArrayOutputStream();
            var encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] wire(int schemaId, GenericRecord record) {
        return ConfluentWire.frame(schemaId, body(record));
    }

    /** A fixed table of schemas by id, as a registry would answer for them. */
    static SchemaSource table(Map<Integer, Schema> schemas) {
        return id -> {
            var schema = schemas.get(id);
            if (schema == null) {
                throw new UnknownSchemaException(id, "schema id " + id + " is not in the table");
            }
            return schema;
        };
    }
}
