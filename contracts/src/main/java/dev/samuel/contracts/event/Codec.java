package dev.samuel.contracts.event;

import dev.samuel.contracts.spec.Task;
import org.apache.kafka.common.header.Headers;

/**
 * Decodes record values in whichever encoding they come: {@code f32le} when the {@value Encoding#HEADER} header
 * announces it; else Avro in the Confluent wire format when the value starts with its magic byte 0 (no JSON text
 * does), read through the service's schema registry; else JSON. A service without a registry refuses Avro records
 * naming the setting.
 */
public final class Codec {

    /** For a service with no schema registry. */
    public static final Codec WITHOUT_REGISTRY = new Codec(null);

    private final RegistryRecords registry;

    /** {@code registry}: how Confluent-wire records are read; null when the service has no schema registry. */
    public Codec(RegistryRecords registry) {
        this.registry = registry;
    }

    public LabelledExample readLabelled(byte[] value, Headers headers) {
        return readLabelled(value, headers, Task.DEFAULT_LABEL_FIELD);
    }

    /** {@code labelField}: where an Avro record holds the label, the model's {@code task.labelField}. */
    public LabelledExample readLabelled(byte[] value, Headers headers, String labelField) {
        if (Encoding.of(headers) == Encoding.F32LE) {
            return BinaryCodec.readLabelled(value);
        }
        return RegistryRecords.isFramed(value) ? registry().labelled(value, labelField) : JsonReader.readLabelled(value);
    }

    public UnlabelledEvent readUnlabelled(byte[] value, Headers headers) {
        return readUnlabelled(value, headers, Task.DEFAULT_LABEL_FIELD);
    }

    /** {@code labelField}: an Avro record's label field, left out of the features. */
    public UnlabelledEvent readUnlabelled(byte[] value, Headers headers, String labelField) {
        if (Encoding.of(headers) == Encoding.F32LE) {
            return BinaryCodec.readUnlabelled(value);
        }
        return RegistryRecords.isFramed(value) ? registry().unlabelled(value, labelField) : JsonReader.readUnlabelled(value);
    }

    private RegistryRecords registry() {
        if (registry == null) {
            throw new InvalidRecordException(RejectReason.UNKNOWN_ENCODING, "an Avro record in the Confluent wire"
                    + " format (magic byte 0), but this service has no schema registry to read its schema from");
        }
        return registry;
    }

    /**
     * Why a record whose decoding failed in an unexpected way is rejected: a parse error in the encoding it
     * announces, or the announcement itself when that is unreadable.
     */
    public static RejectReason unreadable(Headers headers) {
        try {
            return Encoding.of(headers) == Encoding.F32LE ? RejectReason.INVALID_BINARY : RejectReason.INVALID_JSON;
        } catch (InvalidRecordException e) {
            return RejectReason.UNKNOWN_ENCODING;
        }
    }

    public static byte[] write(LabelledExample example, Encoding encoding) {
        return encoding == Encoding.F32LE ? BinaryCodec.write(example) : JsonWriter.write(example);
    }

    public static byte[] write(UnlabelledEvent event, Encoding encoding) {
        return encoding == Encoding.F32LE ? BinaryCodec.write(event) : JsonWriter.write(event);
    }
}
