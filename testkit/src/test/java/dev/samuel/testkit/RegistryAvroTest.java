package dev.samuel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.samuel.contracts.avro.AvroRecords;
import dev.samuel.contracts.avro.ConfluentWire;
import dev.samuel.contracts.avro.SchemaRegistryClient;
import dev.samuel.contracts.avro.UnknownSchemaException;
import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.Label;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** contracts' Avro reading against a real registry: schemas registered as producers register them, read by id. */
class RegistryAvroTest {

    private static final String V1 = """
            {"type": "record", "name": "Sensor", "namespace": "test", "fields": [
              {"name": "t", "type": "float"}, {"name": "label", "type": "string"}]}""";
    private static final String V2 = """
            {"type": "record", "name": "Sensor", "namespace": "test", "fields": [
              {"name": "t", "type": "float"}, {"name": "label", "type": "string"},
              {"name": "humidity", "type": ["null", "double"], "default": null}]}""";

    private static SchemaRegistryProcess registry;

    @BeforeAll
    static void start() {
        registry = SchemaRegistryProcess.start();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void recordsOfTwoSchemaVersionsDecodeEachByItsOwnId() throws Exception {
        int v1 = registry.register("sensors-value", V1);
        int v2 = registry.register("sensors-value", V2);
        var records = new AvroRecords(new SchemaRegistryClient(registry.confluentUrl()));

        var old = records.labelled(wire(v1, V1, Map.of("t", 21.5f, "label", "warm")), "label");
        var newer = records.labelled(wire(v2, V2, Map.of("t", 18f, "label", "cold", "humidity", 0.25)), "label");

        assertThat(v2).isNotEqualTo(v1);
        assertThat(old.label()).isEqualTo(new Label.Name("warm"));
        assertThat(((Features.Named) old.features()).values()).containsExactly(entry("t", 21.5f));
        assertThat(newer.label()).isEqualTo(new Label.Name("cold"));
        assertThat(((Features.Named) newer.features()).values()).containsExactly(entry("t", 18f),
                entry("humidity", 0.25f));
    }

    @Test
    void anIdTheRegistryNeverGaveIsAnUnknownSchema() {
        var client = new SchemaRegistryClient(registry.confluentUrl());

        assertThatThrownBy(() -> client.schema(987_654)).isInstanceOfSatisfying(UnknownSchemaException.class,
                e -> assertThat(e.schemaId()).isEqualTo(987_654));
    }

    /** A record as a Confluent serializer writes it: Avro's own writer, framed with the schema's id. */
    private static byte[] wire(int id, String schemaJson, Map<String, ?> fields) throws Exception {
        var schema = new Schema.Parser().parse(schemaJson);
        var record = new GenericData.Record(schema);
        fields.forEach(record::put);
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return ConfluentWire.frame(id, out.toByteArray());
    }
}
