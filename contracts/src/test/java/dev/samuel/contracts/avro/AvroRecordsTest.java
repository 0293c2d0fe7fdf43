package dev.samuel.contracts.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.event.RejectReason;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AvroRecordsTest {

    private static final Schema HOUSE = Avro.HOUSE;

    @Test
    void numbersBooleansStringsAndEnumsAreNamedFeatures() {
        var record = house(Map.of("floor", 3, "street", "Main St", "label", "cheap"));

        var features = named(new AvroRecords(Avro.table(Map.of(1, HOUSE))).unlabelled(Avro.wire(1, record), "label").features());

        assertThat(features.values()).containsExactly(entry("rooms", 4f), entry("area", 120f), entry("ratio", 0.5f),
                entry("price", 250000.5f), entry("garden", 1f), entry("floor", 3f));
        assertThat(features.strings()).containsExactly(entry("city", "Lyon"), entry("kind", "FLAT"),
                entry("street", "Main St"));
    }

    @Test
    void aNullOfANullableUnionIsAMissingValue() {
        var record = house(Map.of("garden", false));

        var features = named(new AvroRecords(Avro.table(Map.of(1, HOUSE))).unlabelled(Avro.wire(1, record), "label").features());

        assertThat(features.values().get("floor")).isNaN();
        assertThat(features.values().get("street")).as("a missing string is missing like a number").isNaN();
        assertThat(features.values().get("garden")).isZero();
        assertThat(features.strings()).doesNotContainKey("street");
    }

    @Test
    void aLabelledRecordTakesItsLabelAndWeightOutOfTheFeatures() {
        var record = house(Map.of("label", "cheap", "weight", 2.5f));

        var example = new AvroRecords(Avro.table(Map.of(1, HOUSE))).labelled(Avro.wire(1, record), "label");

        assertThat(example.label()).isEqualTo(new Label.Name("cheap"));
        assertThat(example.weight()).isEqualTo(2.5f);
        assertThat(named(example.features()).values()).doesNotContainKeys("label", "weight");
        assertThat(named(example.features()).strings()).doesNotContainKeys("label", "weight");
    }

    @Test
    void aNumericLabelUnderTheSpecsFieldNameIsANumber() {
        var schema = Avro.schema("""
                {"type": "record", "name": "Reading", "fields": [
                  {"name": "x", "type": "double"}, {"name": "target", "type": "long"}]}""");
        var record = Avro.record(schema, Map.of("x", 1.5, "target", 7L));

        var example = new AvroRecords(Avro.table(Map.of(3, schema))).labelled(Avro.wire(3, record), "target");

        assertThat(example.label()).isEqualTo(new Label.Number(7));
        assertThat(example.weight()).isNull();
        assertThat(named(example.features()).values()).containsExactly(entry("x", 1.5f));
    }

    @Test
    void aRecordWithoutItsLabelFieldOrWithANullLabelIsRefused() {
        var records = new AvroRecords(Avro.table(Map.of(1, HOUSE)));
        assertRefused(() -> records.labelled(Avro.wire(1, house(Map.of())), "price_band"), RejectReason.MISSING_LABEL,
                "no label field 'price_band'");

        var nullLabel = new AvroRecords(Avro.table(Map.of(1, HOUSE)));
        assertRefused(() -> nullLabel.labelled(Avro.wire(1, house(Map.of())), "label"), RejectReason.MISSING_LABEL,
                "'label' is null");
    }

    @Test
    void aWeightThatIsNoNumberIsRefused() {
        var schema = Avro.schema("""
                {"type": "record", "name": "Weighted", "fields": [
                  {"name": "x", "type": "float"}, {"name": "label", "type": "int"}, {"name": "weight", "type": "string"}
                ]}""");
        var records = new AvroRecords(Avro.table(Map.of(1, schema)));

        assertRefused(() -> records.labelled(Avro.wire(1, Avro.record(schema, Map.of("x", 1f, "label", 1,
                "weight", "heavy"))), "label"), RejectReason.INVALID_WEIGHT, "'weight'");
    }

    @Test
    void aUnionOfSeveralTypesReadsAsTheBranchItHolds() {
        var schema = Avro.schema("""
                {"type": "record", "name": "Mixed", "fields": [
                  {"name": "a", "type": ["null", "int", "string"]}, {"name": "b", "type": ["null", "int", "string"]},
                  {"name": "label", "type": "boolean"}]}""");
        var records = new AvroRecords(Avro.table(Map.of(1, schema)));

        var example = records.labelled(Avro.wire(1, Avro.record(schema, Map.of("a", 5, "b", "five", "label", true))), "label");

        assertThat(named(example.features()).values()).containsExactly(entry("a", 5f));
        assertThat(named(example.features()).strings()).containsExactly(entry("b", "five"));
        assertThat(example.label()).as("a boolean label is 1 or 0").isEqualTo(new Label.Number(1));
    }

    @Test
    void aLabelOfARefusedTypeIsAnInvalidLabel() {
        var schema = Avro.schema("""
                {"type": "record", "name": "Multi", "fields": [
                  {"name": "x", "type": "int"}, {"name": "label", "type": {"type": "array", "items": "float"}}]}""");
        var record = Avro.record(schema, Map.of("x", 1, "label", List.of(1f, 2f)));

        assertRefused(() -> new AvroRecords(Avro.table(Map.of(1, schema))).labelled(Avro.wire(1, record), "label"),
                RejectReason.INVALID_LABEL, "'label'", "array of float");
    }

    @Test
    void logicalTypesReadAsNumbers() {
        var schema = Avro.TRADE;
        var record = Avro.record(schema, Map.of("day", 19_000, "at_ms", 1_700_000_000_123L,
                "at_us", 1_700_000_000_123_456L, "of_day", 3_600_000,
                "amount", decimalBytes(schema, "amount", "12.345"), "fee", decimalFixed(schema, "fee", "-0.25"),
                "id", "6f1c2a2e-3b4d-4c5e-8f90-123456789abc"));

        var features = named(new AvroRecords(Avro.table(Map.of(5, schema))).unlabelled(Avro.wire(5, record), "label")
                .features());

        assertThat(features.values()).containsExactly(entry("day", 19_000f), entry("at_ms", 1_700_000_000_123f),
                entry("at_us", 1_700_000_000_123f), entry("of_day", 3_600_000f), entry("amount", 12.345f),
                entry("fee", -0.25f));
        assertThat(features.strings()).containsExactly(entry("id", "6f1c2a2e-3b4d-4c5e-8f90-123456789abc"));
    }

    @Test
    void nestedRecordsArraysMapsAndBytesAreRefusedNamingTheFieldAndItsType() {
        assertWrongType("""
                {"name": "address", "type": {"type": "record", "name": "Address",
                  "fields": [{"name": "zip", "type": "string"}]}}""", "'address'", "record Address");
        assertWrongType("""
                {"name": "tags", "type": {"type": "array", "items": "string"}}""", "'tags'", "array of string");
        assertWrongType("""
                {"name": "extra", "type": {"type": "map", "values": "double"}}""", "'extra'", "map of double");
        assertWrongType("""
                {"name": "blob", "type": "bytes"}""", "'blob'", "bytes");
    }

    @Test
    void aNullableNestedRecordIsRefusedEvenWhenItHoldsNull() {
        var schema = Avro.schema("""
                {"type": "record", "name": "Order", "fields": [
                  {"name": "x", "type": "int"},
                  {"name": "address", "type": ["null", {"type": "record", "name": "Address",
                    "fields": [{"name": "zip", "type": "string"}]}], "default": null}]}""");
        var record = Avro.record(schema, Map.of("x", 1));

        assertRefused(() -> new AvroRecords(Avro.table(Map.of(1, schema))).unlabelled(Avro.wire(1, record), "label"),
                RejectReason.WRONG_TYPE, "record Address");
    }

    @Test
    void recordsOfOlderAndNewerSchemaVersionsDecodeEachByItsOwnId() {
        var v1 = Avro.schema("""
                {"type": "record", "name": "Sensor", "fields": [{"name": "t", "type": "float"}]}""");
        var v2 = Avro.schema("""
                {"type": "record", "name": "Sensor", "fields": [{"name": "humidity", "type": "float", "default": 0},
                  {"name": "t", "type": "float"}]}""");
        var records = new AvroRecords(Avro.table(Map.of(10, v1, 11, v2)));

        var old = named(records.unlabelled(Avro.wire(10, Avro.record(v1, Map.of("t", 21.5f))), "label").features());
        var newer = named(records.unlabelled(Avro.wire(11, Avro.record(v2, Map.of("t", 22f, "humidity", 0.4f))), "label")
                .features());

        assertThat(old.values()).containsExactly(entry("t", 21.5f));
        assertThat(newer.values()).containsEntry("t", 22f).containsEntry("humidity", 0.4f);
    }

    @Test
    void aBodyThatDoesNotMatchItsSchemaIsRefused() {
        var records = new AvroRecords(Avro.table(Map.of(1, HOUSE)));
        var whole = Avro.wire(1, house(Map.of()));

        assertRefused(() -> records.unlabelled(Arrays.copyOf(whole, whole.length - 3), "label"), RejectReason.INVALID_BINARY,
                "does not match schema id 1");
        assertRefused(() -> records.unlabelled(Arrays.copyOf(whole, whole.length + 2), "label"), RejectReason.INVALID_BINARY,
                "bytes are left");
    }

    @Test
    void aSchemaThatIsNoRecordIsRefused() {
        var records = new AvroRecords(Avro.table(Map.of(2, Schema.create(Schema.Type.STRING))));

        assertRefused(() -> records.unlabelled(ConfluentWire.frame(2, new byte[] {2, 'a'}), "label"), RejectReason.WRONG_TYPE,
                "an event is an Avro record");
    }

    @Test
    void anUnknownIdIsUnknownSchemaException() {
        var records = new AvroRecords(Avro.table(Map.of(1, HOUSE)));

        assertThatThrownBy(() -> records.unlabelled(Avro.wire(9, house(Map.of())), "label"))
                .isInstanceOfSatisfying(UnknownSchemaException.class, e -> assertThat(e.schemaId()).isEqualTo(9));
    }

    private static GenericData.Record house(Map<String, Object> extra) {
        var record = (GenericData.Record) Avro.record(HOUSE, Map.of("rooms", 4, "area", 120L, "ratio", 0.5f,
                "price", 250000.5, "garden", true, "city", "Lyon",
                "kind", new GenericData.EnumSymbol(HOUSE.getField("kind").schema(), "FLAT")));
        extra.forEach(record::put);
        return record;
    }

    private static void assertWrongType(String field, String... inMessage) {
        var schema = Avro.schema("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"x\", \"type\":"
                + " \"int\"}, " + field + "]}");
        var record = new GenericData.Record(schema);
        record.put("x", 1);
        var unset = schema.getFields().get(1);
        record.put(1, switch (unset.schema().getType()) {
            case RECORD -> Avro.record(unset.schema(), Map.of("zip", "69001"));
            case ARRAY -> List.of("a");
            case MAP -> Map.of("k", 1.0);
            default -> ByteBuffer.wrap(new byte[] {1});
        });
        assertRefused(() -> new AvroRecords(Avro.table(Map.of(1, schema))).unlabelled(Avro.wire(1, record), "label"),
                RejectReason.WRONG_TYPE, inMessage);
    }

    private static void assertRefused(ThrowingCallable call, RejectReason reason, String... inMessage) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRecordException.class,
                e -> assertThat(e.reason()).isEqualTo(reason)).hasMessageContainingAll(inMessage);
    }

    private static Features.Named named(Features features) {
        assertThat(features).isInstanceOf(Features.Named.class);
        return (Features.Named) features;
    }

    private static ByteBuffer decimalBytes(Schema schema, String field, String value) {
        var fieldSchema = schema.getField(field).schema();
        return new Conversions.DecimalConversion().toBytes(new BigDecimal(value), fieldSchema,
                LogicalTypes.fromSchema(fieldSchema));
    }

    private static GenericData.Fixed decimalFixed(Schema schema, String field, String value) {
        var fieldSchema = schema.getField(field).schema();
        return (GenericData.Fixed) new Conversions.DecimalConversion().toFixed(new BigDecimal(value), fieldSchema,
                LogicalTypes.fromSchema(fieldSchema));
    }
}
