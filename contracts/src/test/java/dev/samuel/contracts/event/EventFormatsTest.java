package dev.samuel.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.serde.SamuelSerdes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventFormatsTest {

    static final LabelledExample CLASSIFIED = new LabelledExample(Features.of(0f, 0.5f, -2.25f, 255f), Label.of(3), null);
    static final LabelledExample WEIGHTED_REGRESSION =
            new LabelledExample(Features.of(1.5f, 2f), Label.of(0.25f, -4f), 0.5f);

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void labelledExamplesRoundTripThroughTheSerde(Encoding encoding) {
        for (var example : new LabelledExample[] {CLASSIFIED, WEIGHTED_REGRESSION}) {
            assertThat(roundTrip(SamuelSerdes.labelled(encoding), example)).isEqualTo(example);
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void unlabelledEventsRoundTripThroughTheSerde(Encoding encoding) {
        var event = UnlabelledEvent.of(0f, 1e-7f, 3.5f);

        assertThat(roundTrip(SamuelSerdes.unlabelled(encoding), event)).isEqualTo(event);
    }

    @Test
    void namedFeaturesAndClassNamesRoundTripAsJson() {
        Map<String, Float> named = new LinkedHashMap<>();
        named.put("rooms", 3f);
        named.put("area", 72.5f);
        var example = new LabelledExample(new Features.Named(named), Label.of("cheap"), 2f);

        assertThat(JsonReader.readLabelled(JsonWriter.write(example))).isEqualTo(example);
    }

    @Test
    void predictionsRoundTripAndWriteTheDocumentedShape() {
        var prediction = new Prediction("event-1", "digits", 7, Label.of(3), new float[] {0.1f, 0.9f});
        var serde = SamuelSerdes.prediction();

        byte[] bytes = serde.serializer().serialize("t", prediction);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":\"event-1\",\"model\":\"digits\",\"version\":7,\"prediction\":3,\"scores\":[0.1,0.9]}");
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(prediction);
    }

    @Test
    void jsonLabelledExampleHasTheDocumentedShape() {
        var json = new String(JsonWriter.write(WEIGHTED_REGRESSION), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"features\":[1.5,2.0],\"label\":[0.25,-4.0],\"weight\":0.5}");
    }

    @Test
    void binaryEncodingIsAnnouncedInAHeaderAndLittleEndian() {
        var headers = new RecordHeaders();
        byte[] bytes = SamuelSerdes.unlabelled(Encoding.F32LE).serializer()
                .serialize("t", headers, UnlabelledEvent.of(1f));

        assertThat(Encoding.of(headers)).isEqualTo(Encoding.F32LE);
        assertThat(bytes).containsExactly(1, 0, 0, 0, 0, 0, (byte) 0x80, 0x3f);
    }

    @Test
    void readerSkipsUnknownFieldsAndReportsMissingOnes() {
        var json = "{\"source\": {\"camera\": 2}, \"features\": [1, 2], \"label\": 1}";

        assertThat(JsonReader.readLabelled(bytes(json)).features()).isEqualTo(Features.of(1f, 2f));
        assertReject("{\"features\": [1, 2]}", RejectReason.MISSING_LABEL);
        assertReject("{\"features\": [1, 2], \"label\": null}", RejectReason.MISSING_LABEL);
        assertReject("{\"label\": 1}", RejectReason.MISSING_FEATURES);
    }

    @Test
    void featuresMayBeBooleansNullsAndNamedStrings() {
        var read = JsonReader.readUnlabelled(bytes(
                "{\"features\": {\"rooms\": 3, \"garden\": true, \"pool\": false, \"area\": null, \"city\": \"Oslo\"}}"));

        var named = (Features.Named) read.features();
        assertThat(named.values()).containsExactly(Map.entry("rooms", 3f), Map.entry("garden", 1f),
                Map.entry("pool", 0f), Map.entry("area", Float.NaN));
        assertThat(named.strings()).containsExactly(Map.entry("city", "Oslo"));
        assertThat(JsonReader.readUnlabelled(JsonWriter.write(read))).isEqualTo(read);
        assertThat(((FloatVector) JsonReader.readUnlabelled(bytes("{\"features\": [1, null, true]}")).features()).values())
                .containsExactly(1f, Float.NaN, 1f);
    }

    @Test
    void readerRejectsMalformedJson() {
        assertReject("{\"features\": [1, 2", RejectReason.INVALID_JSON);
        assertReject("[1, 2]", RejectReason.INVALID_JSON);
        assertReject("{\"features\": [1, \"two\"], \"label\": 1}", RejectReason.WRONG_TYPE);
        assertReject("{\"features\": {\"a\": [1]}, \"label\": 1}", RejectReason.WRONG_TYPE);
        assertReject("{\"features\": [1], \"label\": 1, \"weight\": true}", RejectReason.INVALID_JSON);
        assertReject("{\"features\": [NaN], \"label\": 1}", RejectReason.INVALID_JSON);
        assertReject("{\"features\": [1], \"label\": 1} {}", RejectReason.INVALID_JSON);
        assertReject("{\"features\": [1], \"label\": true}", RejectReason.INVALID_LABEL);
        assertReject("\u0000\u0001garbage", RejectReason.INVALID_JSON);
    }

    @Test
    void binaryReaderRejectsTruncatedAndOverlongRecords() {
        byte[] valid = BinaryCodec.write(CLASSIFIED);

        assertThatThrownBy(() -> BinaryCodec.readLabelled(java.util.Arrays.copyOf(valid, valid.length - 2)))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_BINARY));
        assertThatThrownBy(() -> BinaryCodec.readUnlabelled(new byte[] {(byte) 0xff, (byte) 0xff, 0x7f, 0x7f}))
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> BinaryCodec.readUnlabelled(java.util.Arrays.copyOf(valid, valid.length + 3)))
                .hasMessageContaining("trailing");
    }

    @Test
    void unknownEncodingHeaderIsReported() {
        var headers = new RecordHeaders().add(Encoding.HEADER, bytes("protobuf"));

        assertThatThrownBy(() -> Codec.WITHOUT_REGISTRY.readLabelled(bytes("{}"), headers))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_ENCODING));
    }

    @Test
    void anEncodingHeaderWithoutAValueIsReported() {
        var headers = new RecordHeaders().add(Encoding.HEADER, null);

        assertThatThrownBy(() -> Codec.WITHOUT_REGISTRY.readUnlabelled(bytes("{}"), headers))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_ENCODING))
                .hasMessageContaining("has no value");
    }

    private static <T> T roundTrip(org.apache.kafka.common.serialization.Serde<T> serde, T value) {
        var headers = new RecordHeaders();
        byte[] bytes = serde.serializer().serialize("topic", headers, value);
        return serde.deserializer().deserialize("topic", headers, bytes);
    }

    private static void assertReject(String json, RejectReason reason) {
        assertThatThrownBy(() -> JsonReader.readLabelled(bytes(json)))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
