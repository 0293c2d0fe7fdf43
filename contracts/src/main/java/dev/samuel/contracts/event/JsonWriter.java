package dev.samuel.contracts.event;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.samuel.contracts.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes the JSON event formats with Jackson's streaming generator, mirroring {@link JsonReader}. */
public final class JsonWriter {

    private JsonWriter() {
    }

    public static byte[] write(LabelledExample example) {
        return write(gen -> {
            writeFeatures(gen, example.features());
            gen.writeFieldName("label");
            writeLabel(gen, example.label());
            if (example.weight() != null) {
                gen.writeNumberField("weight", example.weight());
            }
        });
    }

    public static byte[] write(UnlabelledEvent event) {
        return write(gen -> writeFeatures(gen, event.features()));
    }

    public static byte[] write(Prediction prediction) {
        return write(gen -> {
            gen.writeStringField("id", prediction.id());
            gen.writeStringField("model", prediction.model());
            gen.writeNumberField("version", prediction.version());
            gen.writeFieldName("prediction");
            writeLabel(gen, prediction.prediction());
            if (prediction.scores() != null) {
                gen.writeFieldName("scores");
                writeFloats(gen, prediction.scores());
            }
        });
    }

    private interface Fields {
        void write(JsonGenerator gen) throws IOException;
    }

    private static byte[] write(Fields fields) {
        var out = new ByteArrayOutputStream(256);
        try (var gen = Json.FACTORY.createGenerator(out)) {
            gen.writeStartObject();
            fields.write(gen);
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeFeatures(JsonGenerator gen, Features features) throws IOException {
        gen.writeFieldName("features");
        if (features instanceof FloatVector vector) {
            writeFloats(gen, vector.values());
            return;
        }
        var named = (Features.Named) features;
        gen.writeStartObject();
        for (Map.Entry<String, Float> entry : named.values().entrySet()) {
            gen.writeFieldName(entry.getKey());
            if (Float.isNaN(entry.getValue())) {
                gen.writeNull(); // a missing value, as JsonReader reads it back
            } else {
                gen.writeNumber(entry.getValue());
            }
        }
        for (Map.Entry<String, String> entry : named.strings().entrySet()) {
            gen.writeStringField(entry.getKey(), entry.getValue());
        }
        gen.writeEndObject();
    }

    /** Integral numbers are written without a fraction, so a class index reads back as {@code 3}, not {@code 3.0}. */
    private static void writeLabel(JsonGenerator gen, Label label) throws IOException {
        if (label instanceof Label.Name name) {
            gen.writeString(name.value());
        } else if (label instanceof FloatVector vector) {
            writeFloats(gen, vector.values());
        } else {
            double value = ((Label.Number) label).value();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                gen.writeNumber((long) value);
            } else {
                gen.writeNumber(value);
            }
        }
    }

    private static void writeFloats(JsonGenerator gen, float[] values) throws IOException {
        gen.writeStartArray(values, values.length);
        for (float value : values) {
            if (value == 0f) {
                gen.writeNumber(0);
            } else {
                gen.writeNumber(value);
            }
        }
        gen.writeEndArray();
    }
}
