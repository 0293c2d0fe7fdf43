package dev.samuel.contracts.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.Label;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Rows written as Avro records and read back with {@link AvroRecords}: the same features, label and weight. */
class AvroRecordWriterTest {

    private static final Schema HOUSE = Avro.HOUSE;
    private static final AvroRecords READER = new AvroRecords(Avro.table(Map.of(7, HOUSE)));

    @Test
    void aLabelledRowReadsBackAsTheSameFeaturesLabelAndWeight() {
        var row = house();
        row.put("floor", 3);
        row.put("street", "Main St");

        var example = READER.labelled(writer().write(row, Label.of("dear"), 2.5f), "label");

        assertThat(ConfluentWire.parse(writer().write(row, Label.of("dear"), null)).schemaId()).isEqualTo(7);
        assertThat(named(example.features()).values()).containsExactly(entry("rooms", 4f), entry("area", 120f),
                entry("ratio", 0.5f), entry("price", 250000.5f), entry("garden", 1f), entry("floor", 3f));
        assertThat(named(example.features()).strings()).containsExactly(entry("city", "Lyon"), entry("kind", "FLAT"),
                entry("street", "Main St"));
        assertThat(example.label()).isEqualTo(Label.of("dear"));
        assertThat(example.weight()).isEqualTo(2.5f);
    }

    @Test
    void nullOrNaNIsANullableFieldsNullAndAnAbsentFieldItsDefault() {
        var row = house();
        row.put("floor", Float.NaN);
        row.put("garden", 0f);

        var features = named(READER.unlabelled(writer().write(row, null, null), "label").features());

        assertThat(features.values().get("floor")).isNaN();
        assertThat(features.values().get("street")).as("absent: its default, null").isNaN();
        assertThat(features.values().get("garden")).as("booleans as the platform reads them: 1 and 0").isZero();
    }

    @Test
    void aNumericLabelGoesToANumericLabelFieldAndAnUnlabelledRowToItsNull() {
        var schema = Avro.schema("""
                {"type": "record", "name": "Reading", "fields": [
                  {"name": "x", "type": "double"}, {"name": "target", "type": ["null", "long"], "default": null}]}""");
        var writer = new AvroRecordWriter(schema, 3, "target");
        var records = new AvroRecords(Avro.table(Map.of(3, schema)));

        var example = records.labelled(writer.write(Map.of("x", 1.5f), Label.of(7), null), "target");
        var event = records.decode(writer.write(Map.of("x", 2.5), null, null));

        assertThat(example.label()).isEqualTo(Label.of(7));
        assertThat(named(example.features()).values()).containsExactly(entry("x", 1.5f));
        assertThat(event.get("target")).isNull();
    }

    @Test
    void logicalTypesRoundTripInTheUnitsTheyReadIn() {
        var schema = Avro.TRADE;
        var row = Map.of("day", 19_000, "at_ms", 1_700_000_000_123L, "at_us", 1_700_000_000_123L,
                "of_day", 3_600_000, "amount", 12.345f, "fee", -0.25, "id", "6f1c2a2e-3b4d-4c5e-8f90-123456789abc");

        var features = named(new AvroRecords(Avro.table(Map.of(5, schema)))
                .unlabelled(new AvroRecordWriter(schema, 5, "label").write(row, null, null), "label").features());

        assertThat(features.values()).containsExactly(entry("day", 19_000f), entry("at_ms", 1_700_000_000_123f),
                entry("at_us", 1_700_000_000_123f), entry("of_day", 3_600_000f), entry("amount", 12.345f),
                entry("fee", -0.25f));
        assertThat(features.strings()).containsExactly(entry("id", "6f1c2a2e-3b4d-4c5e-8f90-123456789abc"));
    }

    @Test
    void aUnionTakesTheFirstBranchItsValueFits() {
        var schema = Avro.schema("""
                {"type": "record", "name": "Mixed", "fields": [
                  {"name": "a", "type": ["null", "int", "string"]}, {"name": "b", "type": ["null", "int", "string"]},
                  {"name": "c", "type": ["int", "double"]}, {"name": "label", "type": "boolean"}]}""");

        var example = new AvroRecords(Avro.table(Map.of(1, schema))).labelled(new AvroRecordWriter(schema, 1, "label")
                .write(Map.of("a", 5, "b", "five", "c", 2.5), Label.of(1), null), "label");

        assertThat(named(example.features()).values()).containsExactly(entry("a", 5f), entry("c", 2.5f));
        assertThat(named(example.features()).strings()).containsExactly(entry("b", "five"));
        assertThat(example.label()).as("a boolean label from 1").isEqualTo(Label.of(1));
    }

    @Test
    void valuesThatDoNotFitTheirFieldAreRefusedNamingIt() {
        assertRefused(with("rooms", 2.5f), "field 'rooms'", "int", "2.5 is not a whole number");
        assertRefused(with("rooms", 3e9), "field 'rooms'", "not a whole number in its range");
        assertRefused(with("kind", "CASTLE"), "field 'kind'", "'CASTLE' is not one of its symbols [FLAT, HOUSE]");
        assertRefused(with("price", "high"), "field 'price'", "the text 'high' is not a number");
        assertRefused(with("city", 3), "field 'city'", "the value 3 is not text");
        assertRefused(with("garden", 2), "field 'garden'", "not true or false");
        assertRefused(with("rooms", null), "field 'rooms'", "missing (null)", "not nullable");
    }

    @Test
    void aRowAndASchemaThatDoNotMatchAreRefusedNamingTheField() {
        var extra = house();
        extra.put("balcony", 1);
        assertRefused(extra, "feature 'balcony'", "House has no field 'balcony'");

        var short_ = house();
        short_.remove("city");
        assertRefused(short_, "no value for field 'city'", "no default");

        var labelAsFeature = house();
        labelAsFeature.put("label", "cheap");
        assertRefused(labelAsFeature, "field 'label' holds the record's label");

        var banded = new AvroRecordWriter(Avro.schema("""
                {"type": "record", "name": "R", "fields": [{"name": "x", "type": "int"},
                  {"name": "band", "type": {"type": "enum", "name": "Band", "symbols": ["cheap", "dear"]}}]}"""),
                1, "band");
        assertThatThrownBy(() -> banded.write(Map.of("x", 1), null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("unlabelled row", "field 'band'", "not nullable");
        assertThatThrownBy(() -> banded.write(Map.of("x", 1), Label.of("costly"), null))
                .hasMessageContaining("'costly' is not one of its symbols [cheap, dear]");
        assertThatThrownBy(() -> writer().write(house(), Label.of(1f, 2f), null))
                .hasMessageContaining("a label of 2 values");
        var unweighted = new AvroRecordWriter(Avro.schema("""
                {"type": "record", "name": "R", "fields": [{"name": "x", "type": "int"}]}"""), 1, "label");
        assertThatThrownBy(() -> unweighted.write(Map.of("x", 1), null, 2f))
                .hasMessageContaining("the row has a weight, but schema R has no field 'weight'");
        assertThatThrownBy(() -> new AvroRecordWriter(Schema.create(Schema.Type.STRING), 1, "label"))
                .hasMessageContaining("an event is an Avro record");
    }

    private static AvroRecordWriter writer() {
        return new AvroRecordWriter(HOUSE, 7, "label");
    }

    private static Map<String, Object> house() {
        var row = new HashMap<String, Object>();
        row.putAll(Map.of("rooms", 4, "area", 120L, "ratio", 0.5f, "price", 250000.5, "garden", true,
                "city", "Lyon", "kind", "FLAT"));
        return row;
    }

    private static Map<String, Object> with(String field, Object value) {
        var row = house();
        row.put(field, value);
        return row;
    }

    private static void assertRefused(Map<String, Object> row, String... inMessage) {
        assertThatThrownBy(() -> writer().write(row, Label.of("cheap"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(inMessage);
    }

    private static Features.Named named(Features features) {
        assertThat(features).isInstanceOf(Features.Named.class);
        return (Features.Named) features;
    }
}
